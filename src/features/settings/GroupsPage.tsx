import { useRef, useState, type FormEvent, type RefObject } from 'react';
import type { GroupMember, GroupWithMembers } from '../../../server/api/types';
import { groupMemberInput, groupName } from '../../../server/api/schemas/group';
import { errorMessage, fieldErrorMessage, isApiError } from '../../api/client';
import { isAdminOnly, useAddGroupMember, useCreateGroup, useDeleteGroup, useGroupsWithMembers, useRemoveGroupMember, useRenameGroup } from '../../api/groups';
import { useUsers } from '../../api/users';
import { AddNameForm } from '../../components/AddNameForm';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { checkName, InlineRename } from '../../components/InlineRename';
import { PageHeader } from '../../components/PageHeader';
import { Select } from '../../components/Select';
import { SettingsSection } from '../../components/SettingsSection';
import { SkeletonList } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { useFocusWhenRemoved } from '../../components/useFocusWhenRemoved';
import { useAddNamed, useRenameAndDelete } from '../../components/useNamedActions';

const checkGroupName = (text: string) => checkName(groupName, text);
const groupLabel = (g: { id: number; name: string | null }) => g.name ?? `Group ${g.id}`;
const memberLabel = (m: GroupMember) => m.name ?? `User ${m.userId}`;

/** Settings → Groups: the account's groups of users and who is in each (administrators only in Highrise). */
export function GroupsPage() {
  return (
    <>
      <PageHeader
        title="Groups"
        subtitle="Groups of people in this Highrise account. A contact, deal or case can be made visible to one group, so that only its members see it."
      />
      <Groups />
    </>
  );
}

function Groups() {
  const groups = useGroupsWithMembers();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = groups.data ?? [];
  // A deleted group's row (and its Delete button) is gone: focus goes to the heading, not the page's body.
  useFocusWhenRemoved(list.map((g) => g.id), heading);

  if (groups.isError && isAdminOnly(groups.error)) {
    return (
      <SettingsSection title="Groups">
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          Only account administrators can see and change groups. Ask an administrator of this Highrise account to add a group, rename or remove one, or change who
          is in it. You can still make your records visible to everyone or only to you.
        </p>
      </SettingsSection>
    );
  }

  return (
    <SettingsSection ref={heading} title="Groups" intro="Add a group, then add people to it. Renaming a group keeps its members and the records visible to it.">
      {groups.isPending ? (
        <SkeletonList rows={3} label="Loading groups…" />
      ) : groups.isError ? (
        <ErrorPanel error={groups.error} title="Could not load the groups" onRetry={() => groups.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title="No groups yet">Add one below, such as Sales team, then add people to it. Records can then be made visible to just that group.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {list.map((g) => (
            <GroupRow key={g.id} group={g} />
          ))}
        </ul>
      )}
      <AddGroup />
    </SettingsSection>
  );
}

function GroupRow({ group }: { group: GroupWithMembers }) {
  const rename = useRenameGroup();
  const remove = useDeleteGroup();
  const name = groupLabel(group);
  const picker = useRef<HTMLSelectElement>(null);
  const row = useRenameAndDelete({
    name,
    noun: 'group',
    nameField: 'name',
    rename: async (next) => (await rename.mutateAsync({ id: group.id, name: next })).name,
    remove: { run: () => remove.mutateAsync(group.id), pending: remove.isPending, error: remove.error, reset: remove.reset },
  });

  const count = group.members.length;
  return (
    <li className="py-4">
      <InlineRename
        name={name}
        inputLabel={`New name for ${name}`}
        check={checkGroupName}
        onSave={row.save}
        busy={rename.isPending}
        renderName={(n) => <h3 className="min-w-0 flex-1 basis-40 font-medium break-words text-slate-900 dark:text-slate-100">{n}</h3>}
        actions={
          <Button size="sm" variant="ghost" onClick={row.askToDelete} aria-label={`Delete ${name}`}>
            Delete
          </Button>
        }
      />
      <Members group={group} name={name} picker={picker} />
      <AddMember group={group} name={name} picker={picker} />
      <ConfirmDialog {...row.dialog} title={`Delete the group “${name}”?`} confirmLabel="Delete group" destructive>
        <p>
          Contacts, deals and cases visible only to “{name}” become visible to no one: Highrise keeps them, but nobody sees them any more. Give them another
          visibility first if people still need them.
        </p>
        <p className="mt-2">
          {count === 0 ? 'The group has no members.' : `Its ${count === 1 ? 'member stays' : `${count} members stay`} in the account; only the group goes.`} This
          cannot be undone.
        </p>
      </ConfirmDialog>
    </li>
  );
}

function Members({ group, name, picker }: { group: GroupWithMembers; name: string; picker: RefObject<HTMLSelectElement | null> }) {
  const remove = useRemoveGroupMember();
  const toast = useToast();
  const [removing, setRemoving] = useState<number | null>(null);

  // A removed person's Remove button goes with their row: focus moves to this group's person picker.
  useFocusWhenRemoved(group.members.map((m) => m.userId), picker);

  async function removeMember(m: GroupMember) {
    if (removing !== null) return;
    setRemoving(m.userId);
    try {
      await remove.mutateAsync({ groupId: group.id, userId: m.userId });
      toast.success(`Removed ${memberLabel(m)} from “${name}”`);
    } catch (err) {
      if (isApiError(err) && err.status === 404) toast.info(`${memberLabel(m)} was no longer in “${name}”.`);
      else toast.error(`Could not remove ${memberLabel(m)} from “${name}”: ${errorMessage(err)}`);
    } finally {
      setRemoving(null);
    }
  }

  if (group.members.length === 0) return <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">No one is in this group yet.</p>;
  return (
    <ul aria-label={`Members of ${name}`} className="mt-2 space-y-1">
      {group.members.map((m) => (
        <li key={m.userId} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md py-1 pl-3 hover:bg-slate-50 dark:hover:bg-slate-800/60">
          <span className="min-w-0 flex-1 basis-40 break-words text-sm text-slate-900 dark:text-slate-100">
            {memberLabel(m)}
            {m.emailAddress && <span className="block text-xs break-all text-slate-600 dark:text-slate-400">{m.emailAddress}</span>}
          </span>
          {/* Not disabled while busy: a disabled button drops focus to the page's body. */}
          <Button size="sm" variant="ghost" onClick={() => removeMember(m)} aria-busy={removing === m.userId || undefined} aria-label={`Remove ${memberLabel(m)} from ${name}`}>
            Remove
          </Button>
        </li>
      ))}
    </ul>
  );
}

function AddMember({ group, name, picker }: { group: GroupWithMembers; name: string; picker: RefObject<HTMLSelectElement | null> }) {
  const users = useUsers();
  const add = useAddGroupMember();
  const toast = useToast();
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | null>(null);

  const inGroup = new Set(group.members.map((m) => m.userId));
  const candidates = (users.data ?? [])
    .filter((u): u is typeof u & { id: number } => u.id !== null && !inGroup.has(u.id))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', undefined, { sensitivity: 'base' }));
  const label = `Add a person to ${name}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (add.isPending) return;
    const checked = groupMemberInput.safeParse({ userId: Number(userId) });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Choose a person to add.');
      picker.current?.focus();
      return;
    }
    setError(null);
    const person = candidates.find((u) => u.id === checked.data.userId)?.name ?? `User ${checked.data.userId}`;
    try {
      await add.mutateAsync({ groupId: group.id, userId: checked.data.userId });
      toast.success(`Added ${person} to “${name}”`);
      setUserId('');
      picker.current?.focus();
    } catch (err) {
      if (isApiError(err) && err.status === 404) {
        toast.error(errorMessage(err));
        return;
      }
      if (isApiError(err) && err.code === 'already_member') {
        // Added elsewhere in the meantime: the reloaded list shows them, and the picker no longer offers them.
        toast.info(`${person} is already in “${name}”.`);
        setUserId('');
        return;
      }
      setError(fieldErrorMessage(err, 'userId'));
      picker.current?.focus();
    }
  }

  if (users.isError) {
    return (
      <div className="mt-3">
        <ErrorPanel error={users.error} title="Could not load the account’s people to add" onRetry={() => users.refetch()} />
      </div>
    );
  }
  if (users.isSuccess && candidates.length === 0) {
    return <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">Everyone in this account is in this group.</p>;
  }
  return (
    <form onSubmit={submit} aria-label={label} className="mt-3 flex flex-wrap items-start gap-2">
      <Select
        ref={picker}
        label={label}
        labelClassName="sr-only"
        value={userId}
        onChange={(e) => {
          setUserId(e.target.value);
          setError(null);
        }}
        disabled={users.isPending}
        options={[
          { value: '', label: users.isPending ? 'Loading people…' : 'Choose a person to add…' },
          ...candidates.map((u) => ({ value: String(u.id), label: u.name ?? `User ${u.id}` })),
        ]}
        error={error ?? undefined}
        className="min-w-0 flex-1 basis-56 sm:max-w-xs"
      />
      <Button type="submit" size="sm" busy={add.isPending} disabled={users.isPending} className="mt-1" aria-label={`Add to ${name}`}>
        Add
      </Button>
    </form>
  );
}

function AddGroup() {
  const create = useCreateGroup();
  const addGroup = useAddNamed({ noun: 'group', nameField: 'name', create: async (name) => (await create.mutateAsync({ name })).name });

  return <AddNameForm formLabel="Add a group" inputLabel="New group name" submitLabel="Add group" check={checkGroupName} onAdd={addGroup} busy={create.isPending} />;
}
