import type { Deal, DealCreateInput } from '../../../server/api/types';

export type CustomFieldChange = NonNullable<DealCreateInput['customFields']>[number];

/** The deal's values by field id, as the form edits them ('' for none). */
export function customFieldValues(deal: Pick<Deal, 'customFields'> | undefined): Record<number, string> {
  const out: Record<number, string> = {};
  for (const f of deal?.customFields ?? []) if (f.subjectFieldId != null) out[f.subjectFieldId] = f.value ?? '';
  return out;
}

/**
 * What to send for the custom fields: on create, every non-blank value by field id; on update, only the
 * fields whose value changed — by the value's id when the deal has one (blanked → removed with the id
 * negated, REAL-WORLD #13), else by field id.
 */
export function customFieldChanges(deal: Pick<Deal, 'customFields'> | undefined, values: Record<number, string>): CustomFieldChange[] {
  const out: CustomFieldChange[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const fieldId = Number(key);
    const value = raw.trim() === '' ? '' : raw;
    const existing = deal?.customFields.find((f) => f.subjectFieldId === fieldId);
    if ((existing?.value ?? '') === value) continue;
    if (existing?.id != null) out.push(value === '' ? { id: existing.id, remove: true } : { id: existing.id, value });
    else if (value !== '') out.push({ subjectFieldId: fieldId, value });
  }
  return out;
}
