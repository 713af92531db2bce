/**
 * One line per Highrise request. Never holds a token or a query value that could identify someone
 * (search terms, emails): only query keys, and the values of paging flags.
 */
export interface RequestLog {
  method: string;
  /** Account-relative path, e.g. `/people.xml?n=500`. */
  path: string;
  status: number | 'network-error' | 'timeout';
  durationMs: number;
  /** Attempts beyond the first (503 waits, GET network retries, scheme switch, token refresh). */
  retries: number;
  /** Time spent waiting for a pacing slot. */
  pacedMs: number;
}

const SAFE_VALUES = new Set(['n', 'reload', 'page', 'strict', 'since']);

export function loggablePath(url: URL, base: URL): string {
  const basePath = base.pathname.replace(/\/$/, '');
  const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname;
  const query = [...url.searchParams.entries()].map(([k, v]) => (SAFE_VALUES.has(k) ? `${k}=${v}` : `${k}=…`)).join('&');
  return query ? `${path}?${query}` : path;
}

export function formatRequestLog(l: RequestLog): string {
  const extra = [l.retries ? `retries=${l.retries}` : '', l.pacedMs > 5 ? `paced=${l.pacedMs}ms` : ''].filter(Boolean).join(' ');
  return `highrise ${l.method} ${l.path} ${l.status} ${l.durationMs}ms${extra ? ` ${extra}` : ''}`;
}
