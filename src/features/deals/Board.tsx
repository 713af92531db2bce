import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Link } from 'react-router';
import type { Deal } from '../../../server/api/types';
import type { BoardMove } from '../../api/deals';
import { columnOf, cssColor, partyName, type Column, type GroupBy } from './deal-view';
import { currencyOf, dealValue, formatMoney, formatTotals } from './money';

interface BoardProps {
  columns: Column[];
  group: GroupBy;
  userName: (id: number | null | undefined) => string;
  onMove: (move: BoardMove) => void;
}

/**
 * The deal whose card keeps the focus: a moved card is a new element in its new column (and again in
 * the old one if the move is rolled back), so the handle that had the focus is gone. Set when a card
 * is moved, cleared when the focus leaves its handle for anything else.
 */
type FocusFollow = RefObject<number | null>;

function moveFor(deal: Deal, columnId: string): BoardMove | null {
  if (deal.id == null) return null;
  const [kind, value] = columnId.split(':');
  if (kind === 'status' && (value === 'pending' || value === 'won' || value === 'lost')) return { id: deal.id, status: value };
  if (kind === 'category') return { id: deal.id, categoryId: value === 'none' ? null : Number(value) };
  return null;
}

/**
 * Keyboard moves jump a whole column: left/right arrows put the picked-up card over the centre of the
 * previous or next column (dnd-kit's default moves 25 px per key press).
 */
export const columnJump: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const dir = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  const rect = context.collisionRect;
  if (!dir || !rect) return undefined;
  event.preventDefault();
  const cx = rect.left + rect.width / 2;
  const cy = rect.top + rect.height / 2;
  const centres = [...context.droppableRects.values()].map((r) => ({ x: r.left + r.width / 2, top: r.top })).sort((a, b) => a.x - b.x);
  const target = dir > 0 ? centres.find((c) => c.x > cx + 1) : [...centres].reverse().find((c) => c.x < cx - 1);
  if (!target) return currentCoordinates;
  return { x: currentCoordinates.x + (target.x - cx), y: currentCoordinates.y + Math.max(0, target.top + 80 - cy) };
};

/** The pipeline as columns; cards move by mouse or touch drag, by keyboard (space, arrows, space), or through "Move to…". */
export function Board({ columns, group, userName, onMove }: BoardProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 8 } }), useSensor(KeyboardSensor, { coordinateGetter: columnJump }));
  const byId = new Map<string, Deal>();
  for (const col of columns) for (const d of col.deals) byId.set(`deal:${d.id}`, d);
  const titleOf = (id: string | number | undefined) => columns.find((c) => c.id === id)?.title ?? 'no column';
  const nameOf = (id: string | number) => byId.get(String(id))?.name ?? 'the deal';
  const follow = useRef<number | null>(null);
  const move = (m: BoardMove) => {
    follow.current = m.id;
    onMove(m);
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}. Use the arrow keys to move it to another column, space to drop it, escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} is over ${titleOf(over.id)}.` : `${nameOf(active.id)} is not over a column.`),
    onDragEnd: ({ active, over }) => (over ? `${nameOf(active.id)} was dropped in ${titleOf(over.id)}.` : `${nameOf(active.id)} was dropped where it was.`),
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };

  function onDragEnd(e: DragEndEvent) {
    const deal = byId.get(String(e.active.id));
    if (!deal || !e.over) return;
    const to = String(e.over.id);
    if (to === columnOf(deal, group)) return;
    const m = moveFor(deal, to);
    if (m) move(m);
  }

  return (
    <DndContext
      sensors={sensors}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: 'To move this deal, press space, then use the arrow keys to choose a column, and press space again to drop it. Or use the Move to menu.' },
      }}
    >
      {/* relative: the columns' screen-reader-only text is absolutely positioned and must stay inside this scrolling strip, not widen the page. */}
      <div className="relative -mx-4 flex snap-x gap-4 overflow-x-auto px-4 pb-4" role="list" aria-label="Pipeline columns">
        {columns.map((col) => (
          <BoardColumn key={col.id} column={col} columns={columns} group={group} userName={userName} onMove={move} follow={follow} />
        ))}
      </div>
    </DndContext>
  );
}

type ColumnProps = { column: Column; columns: Column[]; group: GroupBy; userName: BoardProps['userName']; onMove: BoardProps['onMove']; follow: FocusFollow };

function BoardColumn({ column, columns, group, userName, onMove, follow }: ColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: column.id });
  const headingId = useId();
  const color = cssColor(column.color);
  return (
    // A div, not a section: a section may not take the listitem role (axe aria-allowed-role).
    <div
      ref={setNodeRef}
      role="listitem"
      aria-labelledby={headingId}
      data-column={column.id}
      className={`relative flex w-72 shrink-0 snap-start flex-col rounded-lg border bg-slate-50 dark:bg-slate-900 ${
        isOver ? 'border-blue-600 ring-2 ring-blue-600' : 'border-slate-200 dark:border-slate-800'
      }`}
    >
      <div className="border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <h2 id={headingId} className="flex items-center gap-2 font-semibold text-slate-900 dark:text-slate-100">
          {color && <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: color }} />}
          <span className="min-w-0 truncate">{column.title}</span>
          <span className="ml-auto text-sm font-normal text-slate-600 dark:text-slate-400">
            {column.deals.length}
            <span className="sr-only"> deals</span>
          </span>
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="column-total">
          <span className="sr-only">Total: </span>
          {formatTotals(column.deals)}
        </p>
      </div>
      <ul className="flex min-h-24 flex-1 flex-col gap-2 p-2" aria-label={`Deals in ${column.title}`}>
        {column.deals.map((d) => (
          <DealCard key={d.id} deal={d} columns={columns} group={group} userName={userName} onMove={onMove} follow={follow} />
        ))}
        {column.deals.length === 0 && <li className="px-2 py-4 text-center text-sm text-slate-600 dark:text-slate-400">No deals here. Drag one in.</li>}
      </ul>
    </div>
  );
}

function DealCard({ deal, columns, group, userName, onMove, follow }: Omit<ColumnProps, 'column'> & { deal: Deal }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({ id: `deal:${deal.id}` });
  const party = partyName(deal.party);
  const here = columnOf(deal, group);
  const name = deal.name ?? 'Untitled deal';
  const handleRef = useRef<HTMLButtonElement | null>(null);

  // A card that appears after a move of its deal takes the focus its old element lost with it (when
  // the focus went nowhere else), so a keyboard user stays on the card in its new column.
  useLayoutEffect(() => {
    if (follow.current !== deal.id) return;
    const active = document.activeElement;
    if (active == null || active === document.body) handleRef.current?.focus();
  }, [follow, deal.id]);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform) }}
      data-deal-id={deal.id}
      className={`relative rounded-md border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-700 dark:bg-slate-800 ${isDragging ? 'z-10 opacity-90 shadow-lg ring-2 ring-blue-600' : ''}`}
    >
      <div className="flex items-start gap-2">
        <button
          type="button"
          ref={(el) => {
            handleRef.current = el;
            setActivatorNodeRef(el);
          }}
          {...attributes}
          {...listeners}
          onBlur={(e) => {
            // Leaving the handle for something else ends the follow; losing it to a move does not.
            if (e.relatedTarget && follow.current === deal.id) follow.current = null;
          }}
          aria-label={`Drag ${name}`}
          className="mt-0.5 cursor-grab touch-none rounded px-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 active:cursor-grabbing dark:text-slate-300 dark:hover:bg-slate-700"
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <div className="min-w-0 flex-1">
          <Link to={`/deals/${deal.id}`} className="block font-medium break-words text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
            {name}
          </Link>
          {party && <p className="truncate text-sm text-slate-700 dark:text-slate-300">{party}</p>}
          <p className="mt-1 text-sm font-medium text-slate-900 dark:text-slate-100">{formatMoney(dealValue(deal), currencyOf(deal))}</p>
          {deal.responsiblePartyId != null && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              <span className="sr-only">Responsible: </span>
              {userName(deal.responsiblePartyId)}
            </p>
          )}
        </div>
      </div>
      <MoveMenu deal={deal} name={name} targets={columns.filter((c) => c.id !== here)} onMove={onMove} />
    </li>
  );
}

/** The non-drag way: a small menu of the other columns. */
function MoveMenu({ deal, name, targets, onMove }: { deal: Deal; name: string; targets: Column[]; onMove: BoardProps['onMove'] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onDoc = (e: MouseEvent) => {
      if (!panelRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDoc);
    return () => document.removeEventListener('mousedown', onDoc);
  }, [open]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <div className="mt-2">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        className="rounded text-xs font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300"
      >
        Move to…<span className="sr-only"> ({name})</span>
      </button>
      {open && (
        <div
          id={menuId}
          ref={panelRef}
          role="group"
          aria-label={`Move ${name} to`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
          className="absolute right-2 z-20 mt-1 flex min-w-40 flex-col rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {targets.map((t) => (
            <button
              key={t.id}
              type="button"
              onClick={() => {
                const move = moveFor(deal, t.id);
                close();
                if (move) onMove(move);
              }}
              className="px-3 py-1.5 text-left text-sm text-slate-900 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
            >
              {t.title}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
