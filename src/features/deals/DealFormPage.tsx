import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Deal, DealCreateInput, DealStatus, DealUpdateInput, PartySummary, PriceType } from '../../../server/api/types';
import { CURRENCY_CODES } from '../../../server/api/schemas/currencies';
import { dealCreateInput, dealUpdateInput } from '../../../server/api/schemas/deal';
import { errorMessage, isApiError } from '../../api/client';
import { useDealCategories } from '../../api/categories';
import { useCreateDeal, useDeal, useDealFields, useSetDealStatus, useUpdateDeal } from '../../api/deals';
import { useGroups } from '../../api/custom-fields';
import { useUsers } from '../../api/users';
import { Button } from '../../components/Button';
import { ErrorPanel } from '../../components/ErrorPanel';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageHeader } from '../../components/PageHeader';
import { Select } from '../../components/Select';
import { Skeleton } from '../../components/Skeleton';
import { TextField } from '../../components/TextField';
import { Textarea } from '../../components/Textarea';
import { useToast } from '../../components/Toast';
import { useUnsavedChanges } from '../../components/useUnsavedChanges';
import { RecordLoader, useIdParam } from '../../components/RecordLoader';
import { PartyCombobox } from './PartyCombobox';
import { customFieldChanges, customFieldValues } from './deal-custom-fields';
import { partyName, PRICE_TYPE_LABEL, STATUS_LABEL, STATUSES } from './deal-view';
import { dealValue, formatMoney } from './money';

interface FormValues {
  name: string;
  background: string;
  party: PartySummary | null;
  categoryId: string;
  responsiblePartyId: string;
  currency: string;
  price: string;
  priceType: PriceType;
  duration: string;
  visibleTo: 'Everyone' | 'Owner' | 'NamedGroup';
  groupId: string;
  status: DealStatus;
  /** Custom field values by field id. */
  custom: Record<number, string>;
}

type Errors = Record<string, string[]>;

function fromDeal(d: Deal | undefined): FormValues {
  return {
    name: d?.name ?? '',
    background: d?.background ?? '',
    party: d?.party && d.party.id != null ? { id: d.party.id, type: d.party.type, name: partyName(d.party) ?? '', detail: null } : null,
    categoryId: d?.categoryId != null ? String(d.categoryId) : '',
    responsiblePartyId: d?.responsiblePartyId != null ? String(d.responsiblePartyId) : '',
    currency: d?.currency ?? 'USD',
    price: d?.price != null ? String(d.price) : '',
    priceType: d?.priceType ?? 'fixed',
    duration: d?.duration != null ? String(d.duration) : '',
    visibleTo: d?.visibleTo === 'Owner' || d?.visibleTo === 'NamedGroup' ? d.visibleTo : 'Everyone',
    groupId: d?.visibleTo === 'NamedGroup' && d.groupId != null ? String(d.groupId) : '',
    status: d?.status ?? 'pending',
    custom: customFieldValues(d),
  };
}

const num = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim()));

/** The form as the API's create input (every field). */
function toInput(v: FormValues): DealCreateInput {
  const timed = v.priceType !== 'fixed';
  return {
    name: v.name,
    background: v.background.trim() ? v.background : null,
    partyId: v.party?.id ?? null,
    categoryId: v.categoryId ? Number(v.categoryId) : null,
    responsiblePartyId: v.responsiblePartyId ? Number(v.responsiblePartyId) : null,
    currency: v.currency,
    price: num(v.price),
    priceType: v.priceType,
    duration: timed ? num(v.duration) : null,
    visibleTo: v.visibleTo,
    groupId: v.visibleTo === 'NamedGroup' && v.groupId ? Number(v.groupId) : null,
  };
}

/** Only what changed, and never the party (Highrise does not change a deal's parties through its API, REAL-WORLD #18). */
function diff(before: DealCreateInput, after: DealCreateInput): DealUpdateInput {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof DealCreateInput)[]) {
    if (key === 'partyId') continue;
    if (JSON.stringify(after[key] ?? null) !== JSON.stringify(before[key] ?? null)) out[key] = after[key];
  }
  // Visibility and its group go together (a NamedGroup needs its group).
  if (out.visibleTo !== undefined || out.groupId !== undefined) {
    out.visibleTo = after.visibleTo;
    out.groupId = after.groupId;
  }
  // A timed price needs its duration alongside, so the server can check them together.
  if ((out.priceType !== undefined || out.duration !== undefined) && after.priceType !== 'fixed') {
    out.priceType = after.priceType;
    out.duration = after.duration;
  }
  return out as DealUpdateInput;
}

function withoutParty(input: DealCreateInput): Omit<DealCreateInput, 'partyId'> {
  const rest: Partial<DealCreateInput> = { ...input };
  delete rest.partyId;
  return rest as Omit<DealCreateInput, 'partyId'>;
}

function issuesToErrors(issues: { path: PropertyKey[]; message: string }[]): Errors {
  const out: Errors = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? '_');
    (out[key] ??= []).push(i.message);
  }
  return out;
}

export function NewDealPage() {
  return <DealForm />;
}

export function EditDealPage() {
  const id = useIdParam();
  const query = useDeal(id);
  const skeleton = (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading deal…</span>
      <Skeleton className="mb-6 h-8 w-64" />
      <Skeleton className="h-96" />
    </div>
  );
  return (
    <RecordLoader id={id} query={query} what="deal" skeleton={skeleton}>
      {(deal) => <DealForm deal={deal} />}
    </RecordLoader>
  );
}

function DealForm({ deal }: { deal?: Deal }) {
  const editing = deal?.id != null;
  const navigate = useNavigate();
  const toast = useToast();
  const categories = useDealCategories();
  const users = useUsers();
  const fields = useDealFields();
  const groups = useGroups();
  const create = useCreateDeal();
  const update = useUpdateDeal(deal?.id ?? 0);
  const setStatus = useSetDealStatus(deal?.id ?? 0);
  const [values, setValues] = useState<FormValues>(() => fromDeal(deal));
  const [initial] = useState<FormValues>(() => fromDeal(deal));
  // Asks before leaving with changes, keeps them if the session ends mid-save, one submit at a time.
  const { guard } = useUnsavedChanges({ values, initial, restore: setValues });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const busy = create.isPending || update.isPending || setStatus.isPending;

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const err = (k: string) => errors[k];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const priceText = values.price.trim();
    const durationText = values.duration.trim();
    const local: Errors = {};
    if (priceText && !/^\d+$/.test(priceText)) local.price = ['Enter a whole number (no cents, no separators).'];
    if (values.priceType !== 'fixed' && durationText && !/^\d+$/.test(durationText)) local.duration = ['Enter a whole number.'];
    // Said here too: the schema's cross-field rule only runs once every field parses, and a person
    // should see every problem on the first try.
    if (values.priceType !== 'fixed' && !durationText) local.duration = ['Enter how many hours, months or years the deal runs.'];
    const input = toInput(values);
    const custom = customFieldChanges(editing ? deal : undefined, values.custom);
    if (!editing && custom.length > 0) input.customFields = custom;
    // An edit never carries the party (the update schema refuses one, REAL-WORLD #18); the form shows it read-only.
    const parsed = editing ? dealUpdateInput.safeParse(withoutParty(input)) : dealCreateInput.safeParse(input);
    const all = { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...local };
    if (Object.keys(all).length > 0) {
      setErrors(all);
      setFormError('Some fields need attention.');
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setErrors({});
    try {
      if (!editing) {
        const created = await create.mutateAsync(input);
        toast.success(`Created ${created.name}`);
        navigate(`/deals/${created.id}`);
        return;
      }
      const changes = diff(toInput(fromDeal(deal)), input);
      if (custom.length > 0) changes.customFields = custom;
      if (Object.keys(changes).length > 0) await update.mutateAsync(changes);
      if (values.status !== (deal.status ?? 'pending')) await setStatus.mutateAsync(values.status);
      toast.success(`Saved ${values.name.trim()}`);
      navigate(`/deals/${deal.id}`);
    } catch (e2) {
      // What was typed stays in the form.
      if (isApiError(e2) && e2.fields) setErrors(e2.fields);
      setFormError(isApiError(e2) && e2.status === 507 && !editing ? `${e2.message} (Highrise counts pending deals against the plan.)` : errorMessage(e2));
    }
  }

  const timed = values.priceType !== 'fixed';
  // No value is shown for a price or duration that would not be accepted (rather than a rounded guess).
  const wholeOrEmpty = (t: string) => t.trim() === '' || /^\d+$/.test(t.trim());
  const previewKnown = wholeOrEmpty(values.price) && (!timed || /^\d+$/.test(values.duration.trim()));
  const previewValue = previewKnown
    ? formatMoney(dealValue({ price: num(values.price) ?? 0, priceType: values.priceType, duration: num(values.duration), currency: values.currency }), values.currency || 'USD')
    : '—';
  const title = editing ? `Edit ${deal.name ?? 'deal'}` : 'New deal';

  return (
    <>
      <p className="mb-3 text-sm">
        <Link to={editing ? `/deals/${deal.id}` : '/deals'} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
          ← {editing ? 'Back to the deal' : 'All deals'}
        </Link>
      </p>
      <PageHeader title={title} />
      <form onSubmit={guard(submit)} noValidate className="max-w-2xl space-y-5" aria-label={title}>
        {formError && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
            {formError}
          </p>
        )}
        <TextField label="Name" required value={values.name} onChange={(e) => set('name', e.target.value)} error={err('name')} maxLength={255} />
        {editing ? (
          <div>
            <p className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">Party</p>
            <p className="text-sm">{values.party?.name ?? 'No party'}</p>
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Highrise does not let an app change who a deal is with. To change it, create a new deal.</p>
          </div>
        ) : (
          <PartyCombobox label="Party (person or company)" value={values.party} onChange={(p) => set('party', p)} error={err('partyId')} hint="Who the deal is with. It cannot be changed later through Skyline." />
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            label="Category"
            value={values.categoryId}
            onChange={(e) => set('categoryId', e.target.value)}
            error={err('categoryId')}
            options={[{ value: '', label: 'No category' }, ...(categories.data ?? []).map((c) => ({ value: String(c.id), label: c.name ?? 'Unnamed' }))]}
          />
          <Select
            label="Responsible"
            value={values.responsiblePartyId}
            onChange={(e) => set('responsiblePartyId', e.target.value)}
            error={err('responsiblePartyId')}
            options={[{ value: '', label: 'Nobody' }, ...(users.data ?? []).map((u) => ({ value: String(u.id), label: u.name ?? `User ${u.id}` }))]}
          />
        </div>
        <fieldset className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <legend className="px-1 text-sm font-semibold">Value</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Select label="Currency" value={values.currency} onChange={(e) => set('currency', e.target.value)} error={err('currency')} options={CURRENCY_CODES} />
            <TextField label="Price" inputMode="numeric" value={values.price} onChange={(e) => set('price', e.target.value)} error={err('price')} hint="Whole units, no cents." />
            <Select
              label="Price type"
              value={values.priceType}
              onChange={(e) => set('priceType', e.target.value as PriceType)}
              error={err('priceType')}
              options={Object.entries(PRICE_TYPE_LABEL).map(([value, label]) => ({ value, label }))}
            />
            {timed && (
              <TextField
                label={`Duration (${values.priceType}s)`}
                required
                inputMode="numeric"
                value={values.duration}
                onChange={(e) => set('duration', e.target.value)}
                error={err('duration')}
              />
            )}
          </div>
          <p className="mt-3 text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
            Deal value: <strong>{previewValue}</strong>
          </p>
        </fieldset>
        {editing && (
          <Select
            label="Status"
            value={values.status}
            onChange={(e) => set('status', e.target.value as DealStatus)}
            hint="Changing the status records today as the day it changed."
            options={STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
          />
        )}
        <Textarea label="Background" value={values.background} onChange={(e) => set('background', e.target.value)} error={err('background')} rows={4} />
        {(fields.data ?? []).length > 0 && (
          <fieldset className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <legend className="px-1 text-sm font-semibold">Custom fields</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              {(fields.data ?? []).map((f) =>
                f.id == null ? null : (
                  <TextField
                    key={f.id}
                    label={f.label ?? `Field ${f.id}`}
                    value={values.custom[f.id] ?? ''}
                    onChange={(e) => set('custom', { ...values.custom, [f.id!]: e.target.value })}
                    maxLength={2000}
                  />
                ),
              )}
            </div>
            {errors.customFields && <p className="mt-2 text-sm text-red-700 dark:text-red-400">{errors.customFields.join(' ')}</p>}
          </fieldset>
        )}
        {fields.isError && <p className="text-sm text-slate-700 dark:text-slate-300">Custom fields could not be loaded: {errorMessage(fields.error)}</p>}
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            label="Who can see this deal"
            value={values.visibleTo}
            onChange={(e) => {
              const next = e.target.value === 'Owner' || e.target.value === 'NamedGroup' ? e.target.value : 'Everyone';
              setValues((v) => ({ ...v, visibleTo: next, groupId: next === 'NamedGroup' ? v.groupId || String(groups.data?.data[0]?.id ?? '') : v.groupId }));
            }}
            error={err('visibleTo')}
            hint={groups.data && !groups.data.available ? 'Only admins can share with a group.' : undefined}
            options={[
              { value: 'Everyone', label: 'Everyone' },
              { value: 'Owner', label: 'Only me' },
              ...(groups.data?.available || values.visibleTo === 'NamedGroup' || deal?.visibleTo === 'NamedGroup' ? [{ value: 'NamedGroup', label: 'A group' }] : []),
            ]}
          />
          {values.visibleTo === 'NamedGroup' && (
            <Select
              label="Group"
              required
              value={values.groupId}
              onChange={(e) => set('groupId', e.target.value)}
              error={err('groupId')}
              options={[
                ...(values.groupId === '' ? [{ value: '', label: 'Choose a group' }] : []),
                ...(groups.data?.available
                  ? groups.data.data.filter((g) => g.id != null).map((g) => ({ value: String(g.id), label: g.name ?? `Group ${g.id}` }))
                  : values.groupId
                    ? [{ value: values.groupId, label: 'Its current group' }]
                    : []),
              ]}
            />
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" busy={busy}>
            {editing ? 'Save deal' : 'Create deal'}
          </Button>
          <Button onClick={() => navigate(editing ? `/deals/${deal.id}` : '/deals')} disabled={busy}>
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}
