import { z } from 'zod';
import { oneLineName } from './one-line.js';

/** A group's name is shown in every "Visible to" menu, so it is one line, like a custom field's label. */
export const groupName = oneLineName({ noun: 'name', required: 'Enter a name for the group.' });

export const groupCreateInput = z.object({ name: groupName }).strict();
export const groupUpdateInput = z.object({ name: groupName }).strict();

export const groupMemberInput = z
  .object({
    userId: z.number({ error: 'Choose a person to add.' }).int('Choose a person to add.').positive('Choose a person to add.'),
  })
  .strict();

export type GroupCreateInput = z.input<typeof groupCreateInput>;
export type GroupUpdateInput = z.input<typeof groupUpdateInput>;
export type GroupMemberInput = z.input<typeof groupMemberInput>;
