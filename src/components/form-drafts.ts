/**
 * Forms with unsaved changes register here, so code outside React can ask about them: the router's
 * "Leave without saving?" prompt and `beforeunload` (is anything dirty?), and the session-failure
 * redirect (keep every dirty form's values in sessionStorage, keyed by its route, before sending the
 * person to sign in; the form restores them when it mounts on that route again).
 */
export interface FormEntry {
  /** Route pathname plus an optional form id: where the draft is kept and found again. */
  key: () => string;
  dirty: () => boolean;
  /** A save is in flight: navigation it causes (or the person makes meanwhile) is not blocked. */
  saving: () => boolean;
  value: () => unknown;
}

const entries = new Set<FormEntry>();
const PREFIX = 'skyline:form-draft:';

export function registerForm(entry: FormEntry): () => void {
  entries.add(entry);
  return () => {
    entries.delete(entry);
  };
}

/** True when some mounted form has changes that are not being saved. */
export function hasUnsavedChanges(): boolean {
  for (const e of entries) if (e.dirty() && !e.saving()) return true;
  return false;
}

/** Keeps every dirty form's values for after sign-in; returns how many were kept. */
export function keepDrafts(): number {
  let kept = 0;
  for (const e of entries) {
    if (!e.dirty()) continue;
    try {
      sessionStorage.setItem(PREFIX + e.key(), JSON.stringify({ at: Date.now(), value: e.value() }));
      kept++;
    } catch {
      /* storage unavailable or full: nothing kept */
    }
  }
  return kept;
}

const MAX_AGE_MS = 24 * 3600_000;

/** The draft kept for this key, removed as it is read (undefined when there is none). */
export function takeDraft(key: string): unknown {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    if (raw == null) return undefined;
    sessionStorage.removeItem(PREFIX + key);
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object' || !('value' in parsed)) return undefined;
    const { at, value } = parsed as { at?: unknown; value: unknown };
    if (typeof at !== 'number' || Date.now() - at > MAX_AGE_MS) return undefined;
    return value;
  } catch {
    return undefined;
  }
}

/**
 * Whether a stored draft still has the form's shape: an object with every key of `like`, each of the
 * same kind (null stands in for anything), so a draft from an older build cannot break the form.
 */
export function sameShape<T>(draft: unknown, like: T): draft is T {
  if (like === null || typeof like !== 'object') return typeof draft === typeof like;
  if (!draft || typeof draft !== 'object' || Array.isArray(draft) !== Array.isArray(like)) return false;
  if (Array.isArray(like)) return true;
  for (const [k, v] of Object.entries(like as Record<string, unknown>)) {
    const d = (draft as Record<string, unknown>)[k];
    if (v === null || v === undefined || d === null || d === undefined) continue;
    if (typeof d !== typeof v || Array.isArray(d) !== Array.isArray(v)) return false;
  }
  return true;
}
