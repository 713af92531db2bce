import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { BulkContactRef } from '../../../server/api/types';
import { errorMessage } from '../../api/client';
import { useCompany } from '../../api/companies';
import { bulkTag, useTags } from '../../api/tags';
import { Button, ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Select, TextField } from '../../components/fields';
import { PageHeader } from '../../components/PageHeader';
import { SkeletonList } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { useQueryClient } from '@tanstack/react-query';
import { primary } from '../people/format';
import { contactsToCsv, downloadText, rowKey, type ContactRow, type SortKey } from './contact-rows';
import { useContactList, type ContactType } from './use-contact-list';

const ROW_HEIGHT = 64;
const TYPES: ContactType[] = ['all', 'people', 'companies'];

function readParams(params: URLSearchParams, fixedType?: ContactType) {
  const rawType = params.get('type') as ContactType | null;
  const type: ContactType = fixedType ?? (rawType && TYPES.includes(rawType) ? rawType : 'all');
  const num = (k: string) => {
    const n = Number(params.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const sort: SortKey = params.get('sort') === 'updated' ? 'updated' : 'name';
  return { type, tag: num('tag'), company: num('company'), title: params.get('title')?.trim() || undefined, sort };
}

const TITLES: Record<ContactType, string> = { all: 'Contacts', people: 'People', companies: 'Companies' };

/** People and companies together (or each alone), every page, virtualized; filters and sort live in the URL. */
export function ContactsPage({ fixedType }: { fixedType?: ContactType } = {}) {
  const [params, setParams] = useSearchParams();
  const p = readParams(params, fixedType);
  const list = useContactList(p);
  const tags = useTags();
  const company = useCompany(p.company ?? 0);
  const toast = useToast();
  const client = useQueryClient();
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [titleDraft, setTitleDraft] = useState(p.title ?? '');
  const [bulk, setBulk] = useState<{ verb: string; done: number; total: number } | null>(null);
  const [tagDraft, setTagDraft] = useState('');
  const [removeTagId, setRemoveTagId] = useState('');

  useEffect(() => setTitleDraft(p.title ?? ''), [p.title]);

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: false });
    setSelected(new Set());
  }

  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = list.rows;
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : 0;
  useEffect(() => {
    // Fetch the next 500 as the person nears the end of what is loaded.
    if (list.hasMore && !list.fetching && lastIndex >= rows.length - 100) list.loadMore();
  }, [lastIndex, rows.length, list]);

  const byKey = useMemo(() => new Map(rows.map((r) => [rowKey(r), r])), [rows]);
  const selectedRows = [...selected].map((k) => byKey.get(k)).filter((r): r is ContactRow => r !== undefined);
  const allSelected = rows.length > 0 && selectedRows.length === rows.length;

  function toggle(r: ContactRow) {
    setSelected((s) => {
      const n = new Set(s);
      const k = rowKey(r);
      if (n.has(k)) n.delete(k);
      else n.add(k);
      return n;
    });
  }

  const refs = (rs: ContactRow[]): BulkContactRef[] => rs.map((r) => ({ subject: r.kind === 'person' ? 'people' : 'companies', id: r.id }));

  async function runBulk(verb: string, action: Parameters<typeof bulkTag>[0]) {
    const targets = selectedRows;
    setBulk({ verb, done: 0, total: targets.length });
    try {
      const results = await bulkTag(action, refs(targets), (done, total) => setBulk({ verb, done, total }));
      const failed = results.filter((r) => !r.ok);
      if (failed.length) toast.error(`${verb}: ${results.length - failed.length} done, ${failed.length} failed (${failed[0].error ?? 'unknown error'}).`);
      else toast.success(`${verb}: done for ${results.length} contact${results.length === 1 ? '' : 's'}.`);
      // Lists (including a company's people) and records show the new tags.
      await Promise.all(['contacts', 'tags', 'companies', 'people'].map((k) => client.invalidateQueries({ queryKey: [k] })));
    } catch (e) {
      toast.error(`${verb} stopped: ${errorMessage(e)}`);
    } finally {
      setBulk(null);
    }
  }

  function onAddTag(e: FormEvent) {
    e.preventDefault();
    const name = tagDraft.trim();
    if (!name || selectedRows.length === 0) return;
    void runBulk(`Tagged “${name}”`, { action: 'add', name }).then(() => setTagDraft(''));
  }

  function onRemoveTag(e: FormEvent) {
    e.preventDefault();
    const id = Number(removeTagId);
    if (!id || selectedRows.length === 0) return;
    const name = tags.data?.find((t) => t.id === id)?.name ?? 'tag';
    void runBulk(`Removed “${name}”`, { action: 'remove', tagId: id });
  }

  function exportCsv(rs: ContactRow[]) {
    const stamp = new Date().toISOString().slice(0, 10);
    downloadText(`skyline-contacts-${stamp}.csv`, contactsToCsv(rs), 'text/csv;charset=utf-8');
    toast.success(`Exported ${rs.length} contact${rs.length === 1 ? '' : 's'} as CSV`);
  }

  const tagOptions = [{ value: '', label: 'Any tag' }, ...(tags.data ?? []).map((t) => ({ value: String(t.id), label: t.name ?? `Tag ${t.id}` }))];
  const title = TITLES[p.type];
  const loadedLabel = `${rows.length.toLocaleString()} ${rows.length === 1 ? 'contact' : 'contacts'}`;
  const listId = 'contacts-list';

  return (
    <>
      <PageHeader
        title={title}
        subtitle={p.company ? <>People at {company.data?.name ?? 'this company'}</> : undefined}
        actions={
          <>
            {p.type !== 'companies' && (
              <ButtonLink to="/people/new" variant="primary">
                Add person
              </ButtonLink>
            )}
            {p.type !== 'people' && <ButtonLink to="/companies/new">Add company</ButtonLink>}
          </>
        }
      />

      <form role="search" aria-label="Filter contacts" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={(e) => { e.preventDefault(); setParam('title', titleDraft.trim() || undefined); }}>
        {!fixedType && (
          <Select label="Show" value={p.type} onChange={(e) => setParam('type', e.target.value === 'all' ? undefined : e.target.value)} options={[{ value: 'all', label: 'People and companies' }, { value: 'people', label: 'People' }, { value: 'companies', label: 'Companies' }]} />
        )}
        <Select label="Tag" value={p.tag ? String(p.tag) : ''} onChange={(e) => setParam('tag', e.target.value || undefined)} options={tagOptions} />
        {p.type !== 'companies' && (
          <TextField label="Title" value={titleDraft} placeholder="e.g. CEO" onChange={(e) => setTitleDraft(e.target.value)} onBlur={() => titleDraft.trim() !== (p.title ?? '') && setParam('title', titleDraft.trim() || undefined)} hint="Exact title; press Enter" />
        )}
        <Select label="Sort by" value={p.sort} onChange={(e) => setParam('sort', e.target.value === 'name' ? undefined : e.target.value)} options={[{ value: 'name', label: 'Name' }, { value: 'updated', label: 'Last updated' }]} />
      </form>
      {p.company && (
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
          Only people at {company.data?.name ?? `company ${p.company}`}.{' '}
          <button type="button" className="text-blue-700 underline dark:text-blue-300" onClick={() => setParam('company', undefined)}>
            Show everyone
          </button>
        </p>
      )}

      {list.pending ? (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <SkeletonList label="Loading contacts…" />
        </div>
      ) : list.error && rows.length === 0 ? (
        <ErrorPanel error={list.error} title="Could not load contacts" onRetry={list.refetch} />
      ) : rows.length === 0 ? (
        <EmptyState
          title={p.tag || p.title || p.company ? 'No contacts match these filters' : 'No contacts yet'}
          action={
            p.tag || p.title || p.company ? (
              <ButtonLink to={fixedType ? `/${fixedType}` : '/contacts'}>Clear the filters</ButtonLink>
            ) : (
              <ButtonLink to="/people/new" variant="primary">
                Add a person
              </ButtonLink>
            )
          }
        >
          {p.tag || p.title || p.company ? 'Try another tag or title, or clear the filters.' : 'People and companies you add are saved to your Highrise account.'}
        </EmptyState>
      ) : (
        <>
          <div className="mb-2 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite" data-testid="contacts-count">
              {list.hasMore ? `${loadedLabel} loaded so far` : `All ${loadedLabel} loaded`}
              {list.fetching ? ' · loading more…' : ''}
            </p>
            <div className="flex flex-wrap gap-2">
              {list.hasMore &&
                (list.loadingAll ? (
                  <Button size="sm" onClick={list.stopLoadingAll}>
                    Stop loading
                  </Button>
                ) : (
                  <Button size="sm" onClick={() => void list.loadAll()}>
                    Load all
                  </Button>
                ))}
              <Button size="sm" onClick={() => exportCsv(rows)}>
                Export {list.hasMore ? 'loaded' : 'all'} as CSV
              </Button>
            </div>
          </div>
          {(list.loadingAll || list.fetching) && (
            <div className="mb-2">
              <progress className="h-2 w-full accent-blue-700" aria-label={`Loading contacts: ${loadedLabel} so far, ${list.pagesLoaded} pages`} />
              <p className="text-xs text-slate-700 dark:text-slate-300">
                Loaded {loadedLabel} in {list.pagesLoaded} page{list.pagesLoaded === 1 ? '' : 's'} of 500…
              </p>
            </div>
          )}

          <BulkBar
            count={selectedRows.length}
            allSelected={allSelected}
            onSelectAll={() => setSelected(allSelected ? new Set() : new Set(rows.map(rowKey)))}
            busy={bulk}
            tagDraft={tagDraft}
            setTagDraft={setTagDraft}
            onAddTag={onAddTag}
            removeTagId={removeTagId}
            setRemoveTagId={setRemoveTagId}
            onRemoveTag={onRemoveTag}
            tagNames={(tags.data ?? []).map((t) => t.name ?? '')}
            tagOptions={tagOptions.slice(1)}
            onExport={() => exportCsv(selectedRows)}
            onClear={() => setSelected(new Set())}
          />

          <div
            ref={scrollRef}
            id={listId}
            data-testid="contacts-scroller"
            tabIndex={0}
            aria-label={`${title} list, ${loadedLabel}`}
            role="region"
            className="h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
          >
            <ul role="list" aria-label={title} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const r = rows[item.index];
                return (
                  <li
                    key={rowKey(r)}
                    aria-setsize={list.hasMore ? -1 : rows.length}
                    aria-posinset={item.index + 1}
                    className="absolute left-0 top-0 w-full border-b border-slate-200 dark:border-slate-800"
                    style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                  >
                    <Row row={r} checked={selected.has(rowKey(r))} onToggle={() => toggle(r)} />
                  </li>
                );
              })}
            </ul>
          </div>
        </>
      )}
    </>
  );
}

function Row({ row: r, checked, onToggle }: { row: ContactRow; checked: boolean; onToggle: () => void }) {
  const email = primary(r.record.contactData.emailAddresses);
  const href = r.kind === 'person' ? `/people/${r.id}` : `/companies/${r.id}`;
  const sub = r.kind === 'person' ? [r.record.title, r.record.companyName].filter(Boolean).join(' at ') : 'Company';
  return (
    <div className="flex h-full items-center gap-3 px-3">
      <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`Select ${r.name}`} className="h-4 w-4 shrink-0 accent-blue-700" />
      <div className="min-w-0 flex-1">
        <Link to={href} className="block truncate font-medium text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300">
          {r.name}
        </Link>
        <p className="truncate text-sm text-slate-700 dark:text-slate-300">
          {sub}
          {email?.address ? ` · ${email.address}` : ''}
        </p>
      </div>
      {r.record.tags.length > 0 && (
        <p className="hidden max-w-[40%] truncate text-xs text-slate-700 sm:block dark:text-slate-300">
          <span className="sr-only">Tags: </span>
          {r.record.tags.map((t) => t.name).join(', ')}
        </p>
      )}
    </div>
  );
}

interface BulkBarProps {
  count: number;
  allSelected: boolean;
  onSelectAll: () => void;
  busy: { verb: string; done: number; total: number } | null;
  tagDraft: string;
  setTagDraft: (v: string) => void;
  onAddTag: (e: FormEvent) => void;
  removeTagId: string;
  setRemoveTagId: (v: string) => void;
  onRemoveTag: (e: FormEvent) => void;
  tagNames: string[];
  tagOptions: { value: string; label: string }[];
  onExport: () => void;
  onClear: () => void;
}

function BulkBar(b: BulkBarProps) {
  return (
    <section aria-label="Selected contacts" className="mb-2 rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
          <input type="checkbox" checked={b.allSelected} onChange={b.onSelectAll} className="h-4 w-4 accent-blue-700" />
          Select all loaded
        </label>
        <span className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
          {b.count} selected
        </span>
        {b.count > 0 && (
          <>
            <form onSubmit={b.onAddTag} className="flex items-end gap-2">
              <TextField label="Add tag" list="bulk-tag-names" value={b.tagDraft} onChange={(e) => b.setTagDraft(e.target.value)} className="w-40" />
              <datalist id="bulk-tag-names">
                {b.tagNames.map((n) => (
                  <option key={n} value={n} />
                ))}
              </datalist>
              <Button type="submit" size="sm" disabled={!b.tagDraft.trim() || !!b.busy}>
                Add to {b.count}
              </Button>
            </form>
            <form onSubmit={b.onRemoveTag} className="flex items-end gap-2">
              <Select label="Remove tag" value={b.removeTagId} onChange={(e) => b.setRemoveTagId(e.target.value)} options={[{ value: '', label: 'Choose…' }, ...b.tagOptions]} className="w-40" />
              <Button type="submit" size="sm" disabled={!b.removeTagId || !!b.busy}>
                Remove from {b.count}
              </Button>
            </form>
            <Button size="sm" onClick={b.onExport} disabled={!!b.busy}>
              Export {b.count} as CSV
            </Button>
            <Button size="sm" variant="ghost" onClick={b.onClear}>
              Clear selection
            </Button>
          </>
        )}
      </div>
      {b.busy && (
        <div className="mt-2" role="status">
          <progress className="h-2 w-full accent-blue-700" max={b.busy.total} value={b.busy.done} aria-label={`${b.busy.verb}: ${b.busy.done} of ${b.busy.total}`} />
          <p className="text-xs text-slate-700 dark:text-slate-300">
            {b.busy.verb}: {b.busy.done} of {b.busy.total}…
          </p>
        </div>
      )}
    </section>
  );
}
