/**
 * Response shapes of Skyline's JSON API, imported by the SPA as types only.
 * Records themselves are the codec's models (server/highrise/models), so a field added to a model
 * reaches the SPA's types without a second declaration.
 */
export type { ApiErrorBody } from '../http-error.js';
export type { Person } from '../highrise/models/person.js';
export type { Company } from '../highrise/models/company.js';
export type { User } from '../highrise/models/user.js';
export type { Tag } from '../highrise/models/tag.js';
export type { PersonCreateInput, PersonUpdateInput } from './schemas/person.js';
// Activity and tasks (issue #7)
export type { Note } from '../highrise/models/note.js';
export type { Email } from '../highrise/models/email.js';
export type { Comment } from '../highrise/models/comment.js';
export type { Attachment } from '../highrise/models/attachment.js';
export type { Task } from '../highrise/models/task.js';
export type { TaskCategory } from '../highrise/models/category.js';
export type { Recording } from '../highrise/models/recording.js';
export type { NoteCreateInput, NoteUpdateInput, SubjectSegment } from './schemas/note.js';
export type { EmailCreateInput, EmailUpdateInput } from './schemas/email.js';
export type { CommentCreateInput, CommentUpdateInput } from './schemas/comment.js';
export type { TaskCreateInput, TaskUpdateInput, TaskCategoryInput } from './schemas/task.js';
export type { Deal, DealStatus, PriceType } from '../highrise/models/deal.js';
export type { DealCategory } from '../highrise/models/category.js';
export type { Kase } from '../highrise/models/kase.js';
export type { DealCreateInput, DealUpdateInput, DealStatusInput } from './schemas/deal.js';
export type { CategoryCreateInput, CategoryUpdateInput } from './schemas/category.js';
export type { CaseCreateInput, CaseUpdateInput } from './schemas/case.js';

/** A person or company as one line (the deal form's party search). */
export interface PartySummary {
  id: number;
  type: 'Person' | 'Company';
  name: string;
  /** Title and company for a person; null for a company. */
  detail: string | null;
}
export type { CompanyCreateInput, CompanyUpdateInput } from './schemas/company.js';
export type { TagAddInput, BulkTagInput, BulkContactRef } from './schemas/tag.js';
export type { Party } from '../highrise/models/party.js';
export type { SubjectField } from '../highrise/models/subject-field.js';
export type { Group } from '../highrise/models/group.js';
export type { BulkTagResult } from './tags.js';
export type { RecentlyViewed } from './search.js';
export type { GroupMember, GroupsList, GroupsWithMembers, GroupWithMembers } from './groups.js';
export type { Membership } from '../highrise/models/membership.js';
export type { GroupCreateInput, GroupMemberInput, GroupUpdateInput } from './schemas/group.js';

export interface One<T> {
  data: T;
}

/** Highrise pages by offset; `number` is 1-based, `size` is Highrise's page size for that list. */
export interface Page<T> {
  data: T[];
  page: { number: number; size: number; hasMore: boolean };
}

export interface AccountSummary {
  id: number;
  name: string;
}

export type SessionInfo =
  | { authenticated: false; sandbox: boolean }
  | {
      authenticated: true;
      sandbox: boolean;
      identity: { name: string; email: string };
      /** null until the person picks one of several accounts. */
      account: AccountSummary | null;
      accounts: AccountSummary[];
    };
