import type { RecordSchema, Resource, VariantResource, Variants } from '../codec/schema.js';
import { accountResource } from './account.js';
import { attachmentResource } from './attachment.js';
import { dealCategoryResource, taskCategoryResource } from './category.js';
import { commentResource } from './comment.js';
import { companyResource } from './company.js';
import { contactDataResource } from './contact-data.js';
import { subjectDataResource } from './custom-field.js';
import { dealResource, dealStatusResource } from './deal.js';
import { deletionResource } from './deletion.js';
import { emailResource } from './email.js';
import { groupResource } from './group.js';
import { kaseResource } from './kase.js';
import { membershipResource } from './membership.js';
import { noteResource } from './note.js';
import { partyResource } from './party.js';
import { personResource } from './person.js';
import { recordingResource } from './recording.js';
import { subjectFieldResource } from './subject-field.js';
import { tagResource } from './tag.js';
import { taskResource } from './task.js';
import { userResource } from './user.js';

/** Every record resource, for lookups by element name (tests, tooling). Routes import their own module. */
export const resources: readonly Resource<RecordSchema>[] = [
  accountResource,
  attachmentResource,
  commentResource,
  companyResource,
  contactDataResource,
  dealCategoryResource,
  dealResource,
  dealStatusResource,
  deletionResource,
  emailResource,
  groupResource,
  kaseResource,
  membershipResource,
  noteResource,
  personResource,
  subjectDataResource,
  subjectFieldResource,
  tagResource,
  taskCategoryResource,
  taskResource,
  userResource,
];

/** Polymorphic collections (`<parties>`, `<recordings>`). */
export const variantResources: readonly VariantResource<Variants>[] = [partyResource, recordingResource];

export function resourceByRoot(root: string): Resource<RecordSchema> | undefined {
  return resources.find((r) => r.root === root);
}

export function resourceByCollection(collection: string): Resource<RecordSchema> | undefined {
  return resources.find((r) => r.collection === collection && r.collection !== r.root);
}

export function variantResourceByCollection(collection: string): VariantResource<Variants> | undefined {
  return variantResources.find((r) => r.collection === collection);
}
