import { z } from 'zod';

/** Frames a person may choose; `specific` goes with a dueAt (sent as UTC). `overdue` is only ever read. */
export const TASK_WRITE_FRAMES = ['today', 'tomorrow', 'this_week', 'next_week', 'later', 'specific'] as const;
/** recurring-period codes (tasks.md); 6 is unused. */
export const RECURRING_PERIOD_CODES = [0, 1, 2, 3, 4, 5, 7] as const;
export const TASK_SUBJECT_INPUT_TYPES = ['Party', 'Deal', 'Kase'] as const;

const taskFields = {
  body: z.string().trim().min(1, 'Say what needs doing.').max(10_000, 'Keep it under 10,000 characters.'),
  frame: z.enum(TASK_WRITE_FRAMES, { error: 'Choose when it is due.' }),
  /** ISO 8601 instant, UTC; required with frame "specific". */
  dueAt: z.iso.datetime({ offset: true, error: 'Enter a valid date and time.' }).nullable().optional(),
  categoryId: z.number().int().positive().nullable().optional(),
  ownerId: z.number().int().positive().nullable().optional(),
  public: z.boolean().optional(),
  notify: z.boolean().optional(),
  subjectType: z.enum(TASK_SUBJECT_INPUT_TYPES).nullable().optional(),
  subjectId: z.number().int().positive().nullable().optional(),
  recordingId: z.number().int().positive().nullable().optional(),
  recurringPeriod: z
    .number()
    .int()
    .refine((n) => (RECURRING_PERIOD_CODES as readonly number[]).includes(n), 'Choose how often it repeats.')
    .nullable()
    .optional(),
  /** 0: the next one is scheduled from completion; 1: from the original due time. */
  anchorType: z.union([z.literal(0), z.literal(1)]).nullable().optional(),
};

function dueWithSpecific(v: { frame?: string; dueAt?: string | null }) {
  return v.frame !== 'specific' || (typeof v.dueAt === 'string' && v.dueAt.length > 0);
}
const dueMessage = { message: 'Choose a date and time.', path: ['dueAt'] };
function subjectPaired(v: { subjectType?: string | null; subjectId?: number | null }) {
  return (v.subjectType == null) === (v.subjectId == null);
}
const subjectMessage = { message: 'Choose what this task is about, or nothing.', path: ['subjectId'] };

export const taskCreateInput = z.object(taskFields).strict().refine(dueWithSpecific, dueMessage).refine(subjectPaired, subjectMessage);
export const taskUpdateInput = z.object(taskFields).partial().strict().refine(dueWithSpecific, dueMessage).refine(subjectPaired, subjectMessage);

export type TaskCreateInput = z.input<typeof taskCreateInput>;
export type TaskUpdateInput = z.input<typeof taskUpdateInput>;

export const taskCategoryInput = z
  .object({
    name: z.string().trim().min(1, 'Enter a name.').max(255, 'Keep it under 255 characters.'),
    color: z
      .string()
      .regex(/^#?[0-9a-fA-F]{6}$/, 'Use a colour like ffcc33.')
      .transform((s) => s.replace(/^#/, '').toLowerCase())
      .optional(),
  })
  .strict();
export const taskCategoryUpdateInput = taskCategoryInput.partial();
export type TaskCategoryInput = z.input<typeof taskCategoryInput>;
