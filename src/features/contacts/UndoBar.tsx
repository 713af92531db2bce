import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Company, One, Person } from '../../../server/api/types';
import { apiFetch, errorMessage } from '../../api/client';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { forgetDeleted, useDeleted } from './undo';

/** "Deleted X — Undo" for a short while after a delete; undo re-creates the contact (new id) and its tags. */
export function UndoBar() {
  const deleted = useDeleted();
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  if (!deleted) return null;

  async function undo() {
    if (!deleted) return;
    setBusy(true);
    try {
      // Loaded on use: the form model pulls in zod, which the first screen does not need.
      const { buildCreatePayload, valuesFromCompany, valuesFromPerson } = await import('../people/form-model');
      const values = deleted.kind === 'person' ? valuesFromPerson(deleted.record) : valuesFromCompany(deleted.record);
      // New rows: drop the old ids, they belonged to the deleted record.
      for (const rows of Object.values(values.contactData)) for (const r of rows) delete r.id;
      values.customFields = (values.customFields ?? []).map(({ fieldId, value }) => ({ fieldId, value }));
      if (deleted.kind === 'person' && deleted.record.companyId != null) values.companyId = deleted.record.companyId;
      const { payload } = buildCreatePayload(values);
      const subject = deleted.kind === 'person' ? 'people' : 'companies';
      const created = (await apiFetch<One<Person | Company>>(`/api/${subject}`, { method: 'POST', json: payload })).data;
      for (const t of deleted.record.tags) {
        if (t.name) await apiFetch(`/api/tags/${subject}/${created.id}`, { method: 'POST', json: { name: t.name } });
      }
      forgetDeleted();
      await client.invalidateQueries({ queryKey: ['contacts'] });
      toast.success(`Restored ${deleted.name} as a new record (new id).`);
      navigate(`/${subject}/${created.id}`);
    } catch (e) {
      toast.error(`Could not restore ${deleted.name}: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div role="status" className="mb-4 flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <p>
        Deleted {deleted.name}. Undo re-creates it from its details and tags as a new record (a new id; notes, emails and history are not restored).
      </p>
      <div className="flex gap-2">
        <Button size="sm" onClick={() => void undo()} busy={busy}>
          Undo
        </Button>
        <Button size="sm" variant="ghost" onClick={forgetDeleted}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}
