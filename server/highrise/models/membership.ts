import { datetime, integer, resource } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';

/**
 * A user's membership of a group (memberships.md). Reads are dashed, the create sample is
 * underscored (`<user_id>`, `<group_id>`); Rails reads either, we write as documented and read both.
 */
export const membershipSchema = {
  id: integer('id'),
  userId: integer('user_id', { writable: true, aliases: ['user-id'] }),
  groupId: integer('group_id', { writable: true, aliases: ['group-id'] }),
  createdAt: datetime('created-at'),
  updatedAt: datetime('updated-at'),
};

export const membershipResource = resource('membership', 'memberships', membershipSchema);
export type Membership = Infer<typeof membershipSchema>;
export type MembershipWrite = Write<typeof membershipSchema>;
