import type { ApiErrorBody } from '../../server/api/types';

/** Every failure of a call to the BFF, as a sentence a person can act on plus the machine-readable parts. */
export class ApiError extends Error {
  readonly status: number;
  readonly fields?: Record<string, string[]>;
  readonly retryAfter?: number;
  readonly code?: string;

  constructor(status: number, message: string, extra: { fields?: Record<string, string[]>; retryAfter?: number; code?: string; cause?: unknown } = {}) {
    super(message, { cause: extra.cause });
    this.name = 'ApiError';
    this.status = status;
    this.fields = extra.fields;
    this.retryAfter = extra.retryAfter;
    this.code = extra.code;
  }

  /** True when the person must sign in (again). */
  get needsSignIn(): boolean {
    return this.status === 401;
  }
}

/** The seconds to wait when the BFF said "Highrise is busy, come back then" (503 with retryAfter), else null. */
export function busyRetryAfter(error: unknown): number | null {
  return error instanceof ApiError && error.status === 503 && error.retryAfter !== undefined ? error.retryAfter : null;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** A readable sentence for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return 'Something went wrong. Try again.';
}

/** The server's message for one field when it gave one (a duplicate name, say), else its sentence. */
export function fieldErrorMessage(e: unknown, field: string): string {
  return isApiError(e) && e.fields?.[field]?.length ? e.fields[field].join(' ') : errorMessage(e);
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'You are signed out. Sign in to continue.';
  if (status === 403) return 'You do not have access to this.';
  if (status === 404) return 'We could not find that. It may have been deleted.';
  if (status === 409) return 'That conflicts with something else. Reload and try again.';
  if (status === 422 || status === 400) return 'Some of what you entered was not accepted. Check the form and try again.';
  if (status === 429 || status === 503) return 'Highrise is busy right now. Try again in a moment.';
  if (status >= 500) return `The server had a problem (${status}). Try again in a moment.`;
  return `The request failed (${status}). Try again.`;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const n = Number(header);
  if (Number.isFinite(n) && n >= 0) return n;
  const date = Date.parse(header);
  if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  return undefined;
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  if (!v || typeof v !== 'object') return false;
  const err = (v as { error?: unknown }).error;
  return !!err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string';
}

function cleanFields(v: unknown): Record<string, string[]> | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const out: Record<string, string[]> = {};
  for (const [k, msgs] of Object.entries(v as Record<string, unknown>)) {
    if (Array.isArray(msgs)) out[k] = msgs.filter((m): m is string => typeof m === 'string');
    else if (typeof msgs === 'string') out[k] = [msgs];
  }
  return Object.keys(out).length ? out : undefined;
}

async function toApiError(res: Response): Promise<ApiError> {
  const headerRetry = parseRetryAfter(res.headers.get('Retry-After'));
  let text = '';
  try {
    text = await res.text();
  } catch {
    // body unreadable: fall through to the status sentence
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    const e = body.error;
    const retryAfter = typeof e.retryAfter === 'number' ? e.retryAfter : headerRetry;
    return new ApiError(res.status, e.message.trim() || fallbackMessage(res.status), {
      fields: cleanFields(e.fields),
      retryAfter,
      code: typeof e.code === 'string' ? e.code : undefined,
    });
  }
  return new ApiError(res.status, fallbackMessage(res.status), { retryAfter: headerRetry, code: 'unexpected_response' });
}

export interface ApiInit extends Omit<RequestInit, 'body'> {
  /** Serialized as JSON. */
  json?: unknown;
  body?: BodyInit | null;
}

/**
 * The one fetch client: same-origin cookie session, JSON in and out. Non-2xx responses, network
 * failures and unreadable bodies all become an ApiError with a readable message.
 */
export async function apiFetch<T>(path: string, init: ApiInit = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const h = new Headers(headers);
  h.set('Accept', 'application/json');
  let body = rest.body;
  if (json !== undefined) {
    h.set('Content-Type', 'application/json');
    body = JSON.stringify(json);
  }
  let res: Response;
  try {
    res = await fetch(path, { ...rest, body, headers: h, credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'Could not reach Skyline. Check your connection and try again.', { code: 'network_error', cause });
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204 || res.status === 205) return undefined as T;
  const text = await res.text().catch(() => '');
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new ApiError(res.status, 'The server sent a response Skyline could not read. Try again.', { code: 'malformed_response', cause });
  }
}
