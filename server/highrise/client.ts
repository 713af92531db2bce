import type { Config } from '../config.js';
import { HttpError } from '../http-error.js';
import { userAgent } from '../auth/launchpad.js';
import { malformed, parseMany, parseOne, transcodeMany, type JsonList } from './codec/parse.js';
import type { Infer, RecordSchema, Resource } from './codec/schema.js';
import { acquireSlot } from './pacer.js';
import { iterateOffsets } from './paginate.js';
import { formatRequestLog, loggablePath, type RequestLog } from './request-log.js';
import { parseRetryAfter } from './retry-after.js';
import { errorForStatus, isXml, type UpstreamResponse } from './upstream-errors.js';

/**
 * One Highrise client per request, built from the session: base URL = the account href that
 * authorization.json gave, Bearer token, paced per account, and every failure turned into an
 * HttpError with a sentence. Redirects are never followed by fetch (REAL-WORLD #23): a followed
 * POST can silently become a GET that "succeeds" without writing.
 */

/**
 * The credentials as the client sees them: read the current one, or ask for a new one once.
 * `kind` picks the header: an OAuth access token goes as `Authorization: Bearer …` (the default);
 * a Highrise API token (scripts, tests, the bench) goes as HTTP Basic with the token as user name
 * and `X` as password, as the Highrise docs say.
 */
export interface TokenSource {
  kind?: 'oauth' | 'apiToken';
  accessToken(): string;
  canRefresh(): boolean;
  /** True when the access token is known to have ended (refresh before spending a request). */
  expired(): boolean;
  /** Resolves true when a fresh access token is in place. */
  refresh(): Promise<boolean>;
}

/** A fixed Highrise API token (Basic auth): never expires, cannot be refreshed. */
export function apiTokenSource(token: string): TokenSource {
  return { kind: 'apiToken', accessToken: () => token, canRefresh: () => false, expired: () => false, refresh: async () => false };
}

export function authorizationHeader(tokens: TokenSource): string {
  const token = tokens.accessToken();
  return tokens.kind === 'apiToken' ? `Basic ${Buffer.from(`${token}:X`, 'utf8').toString('base64')}` : `Bearer ${token}`;
}

export interface HighriseClientOptions {
  /** Account href from authorization.json, e.g. https://acme.highrisehq.com. */
  baseUrl: string;
  tokens: TokenSource;
  config: Config;
  fetch?: typeof fetch;
  log?: (line: RequestLog) => void;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  /** XML body for POST/PUT, already built by the codec. */
  body?: string;
  /** Used to map 422 messages to fields. */
  schema?: RecordSchema;
  /** Overrides config.highrise.timeoutMs for this request (e.g. a long export page). */
  timeoutMs?: number;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Accounts whose href answered with a redirect to the same host+path on the other scheme: later
 * requests go straight to the scheme Highrise wants. Module-level so every request benefits.
 */
const schemeOverrides = new Map<string, string>();

export function resetSchemeOverrides(): void {
  schemeOverrides.clear();
}

const DEFAULT_RETRY_AFTER_MS = 2000;
/** A `Retry-After: 0` must not turn into a tight loop. */
const MIN_RETRY_WAIT_MS = 250;
/** However short the waits, a request gives up on 503s after this many retries. */
const MAX_BUSY_RETRIES = 8;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HighriseClient {
  private readonly accountKey: string;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly o: HighriseClientOptions) {
    this.accountKey = o.baseUrl.replace(/\/+$/, '');
    this.fetchFn = o.fetch ?? fetch;
  }

  private base(): URL {
    const href = schemeOverrides.get(this.accountKey) ?? this.accountKey;
    return new URL(`${href}/`);
  }

  private url(path: string, query: RequestOptions['query']): URL {
    const url = new URL(path.replace(/^\//, ''), this.base());
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  /** Send one logical request; retries, refreshes and scheme switches happen inside. */
  async request(method: Method, path: string, opts: RequestOptions = {}): Promise<UpstreamResponse> {
    const started = Date.now();
    let retries = 0;
    let pacedMs = 0;
    let refreshed = false;
    let schemeSwitched = false;
    let networkRetried = false;
    let url = this.url(path, opts.query);
    const log = (status: RequestLog['status']) => this.log({ method, path: loggablePath(url, this.base()), status, durationMs: Date.now() - started, retries, pacedMs });

    if (this.o.tokens.expired() && this.o.tokens.canRefresh()) {
      refreshed = true;
      if (!(await this.o.tokens.refresh())) {
        log(401);
        throw sessionExpired();
      }
    }

    let busyRetries = 0;
    for (;;) {
      url = this.url(path, opts.query);
      const slot = await acquireSlot(this.accountKey, url, this.o.config.highrise.pacing);
      pacedMs += slot.waitedMs;
      let res: UpstreamResponse;
      try {
        res = await this.send(method, url, opts.body, opts.timeoutMs ?? this.o.config.highrise.timeoutMs);
      } catch (cause) {
        // A GET changes nothing, so one blind retry is safe. A write may have reached Highrise: never repeat it blindly.
        if (method === 'GET' && !networkRetried) {
          networkRetried = true;
          retries++;
          continue;
        }
        const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
        log(timedOut ? 'timeout' : 'network-error');
        throw networkFailure(method, timedOut, cause);
      } finally {
        slot.release();
      }

      const { status } = res;
      if (status >= 300 && status < 400) {
        const location = res.headers.get('location');
        const target = location ? safeUrl(location, url) : null;
        if (target && /\/login(\/|$|\.)/.test(target.pathname)) {
          log(status);
          throw new HttpError(401, 'Highrise sent Skyline to its sign-in page: this account does not accept your sign-in. Sign in again and choose an account you belong to.', {
            code: 'wrong_account',
          });
        }
        if (!schemeSwitched && target && isSchemeFlip(url, target)) {
          schemeSwitched = true;
          retries++;
          const base = new URL(this.accountKey);
          base.protocol = target.protocol;
          schemeOverrides.set(this.accountKey, base.toString().replace(/\/+$/, ''));
          continue;
        }
        log(status);
        throw new HttpError(502, 'Highrise answered with a redirect Skyline does not follow. Try again; if it keeps happening, sign in again.', { code: 'upstream_redirect' });
      }

      if (status === 401) {
        // Highrise refused the credentials before acting, so any method may be sent again with new ones.
        if (!refreshed && this.o.tokens.canRefresh()) {
          refreshed = true;
          if (await this.o.tokens.refresh()) {
            retries++;
            continue;
          }
        }
        log(status);
        if (this.o.tokens.kind === 'apiToken') {
          throw new HttpError(401, 'Highrise did not accept the API token. Check it under My Info → API token in Highrise.', { code: 'bad_api_token' });
        }
        throw sessionExpired();
      }

      if (status === 503) {
        const waitMs = Math.max(MIN_RETRY_WAIT_MS, parseRetryAfter(res.headers.get('retry-after')) ?? DEFAULT_RETRY_AFTER_MS);
        // Highrise did not process a 503'd request, so any method may be sent again.
        if (busyRetries < MAX_BUSY_RETRIES && Date.now() - started + waitMs <= this.o.config.highrise.retryBudgetMs) {
          busyRetries++;
          retries++;
          await sleep(waitMs);
          continue;
        }
        log(status);
        const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
        throw new HttpError(503, `Highrise is busy and asked Skyline to wait ${retryAfter} second${retryAfter === 1 ? '' : 's'}. Nothing was changed; try again then.`, {
          code: 'rate_limited',
          retryAfter,
        });
      }

      log(status);
      if (status >= 200 && status < 300) return res;
      throw errorForStatus(res, opts.schema);
    }
  }

  private async send(method: Method, url: URL, body: string | undefined, timeoutMs: number): Promise<UpstreamResponse> {
    const headers: Record<string, string> = {
      Authorization: authorizationHeader(this.o.tokens),
      'User-Agent': userAgent(this.o.config),
      Accept: 'application/xml',
    };
    let payload: Uint8Array<ArrayBuffer> | undefined;
    if (body !== undefined) {
      // Encode ourselves so the Content-Length is the byte length, not the string length (REAL-WORLD #9).
      payload = new TextEncoder().encode(body) as Uint8Array<ArrayBuffer>;
      headers['Content-Type'] = 'application/xml; charset=utf-8';
    }
    const res = await this.fetchFn(url, {
      method,
      headers,
      body: payload,
      redirect: 'manual',
      // Covers the body too: a server that sends headers and then trickles is cut off at the same deadline.
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read the body inside the same try: a connection cut mid-body is a network failure, not a short document.
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text };
  }

  private log(line: RequestLog): void {
    if (this.o.log) this.o.log(line);
    else if (this.o.config.logRequests) console.log(formatRequestLog(line));
  }

  // ---- typed helpers over the codec ----

  async getOne<S extends RecordSchema>(resource: Resource<S>, path: string, query?: RequestOptions['query']): Promise<Infer<S>> {
    return parseOne(resource, xmlBody(await this.request('GET', path, { query })));
  }

  async getMany<S extends RecordSchema>(resource: Resource<S>, path: string, query?: RequestOptions['query']): Promise<Infer<S>[]> {
    return parseMany(resource, xmlBody(await this.request('GET', path, { query })));
  }

  /** As getMany, as JSON text for a route to send on unchanged (see server/api/list-page.ts). */
  async getManyJson<S extends RecordSchema>(resource: Resource<S>, path: string, query?: RequestOptions['query']): Promise<JsonList<Infer<S>>> {
    return transcodeMany(resource, xmlBody(await this.request('GET', path, { query })));
  }

  /**
   * POST a codec-built body; Highrise answers 201 with the new record. The record exists once the
   * 201 arrived: if its body is unreadable (cut short, broken), read it again from the Location
   * header rather than tell the person it failed — and never POST again.
   */
  async create<S extends RecordSchema>(resource: Resource<S>, path: string, body: string): Promise<Infer<S>> {
    const res = await this.request('POST', path, { body, schema: resource.schema });
    try {
      return parseOne(resource, xmlBody(res));
    } catch (err) {
      if (!(err instanceof HttpError) || err.code !== 'upstream_malformed') throw err;
      const location = this.sameAccountPath(res.headers.get('location'));
      if (location) {
        try {
          return await this.getOne(resource, location);
        } catch {
          // fall through to the sentence below
        }
      }
      throw new HttpError(502, 'Highrise saved this, but its answer could not be read. Reload the list to see the new record; do not create it again.', {
        code: 'saved_unreadable',
        cause: err,
      });
    }
  }

  /**
   * PUT with ?reload=true; when Highrise answers with an empty body anyway (REAL-WORLD #19) or with
   * one that cannot be read, read the record again: the update itself succeeded.
   */
  async update<S extends RecordSchema>(resource: Resource<S>, path: string, body: string): Promise<Infer<S>> {
    const res = await this.request('PUT', path, { body, schema: resource.schema, query: { reload: 'true' } });
    if (res.body.trim() && isXml(res)) {
      try {
        return parseOne(resource, res.body);
      } catch (err) {
        if (!(err instanceof HttpError) || err.code !== 'upstream_malformed') throw err;
      }
    }
    return this.getOne(resource, path);
  }

  /** An account-relative path for a Location header that points into this account, else null. */
  private sameAccountPath(location: string | null): string | null {
    if (!location) return null;
    const base = this.base();
    const target = safeUrl(location, base);
    if (!target || target.host !== base.host || !target.pathname.startsWith(base.pathname)) return null;
    return `/${target.pathname.slice(base.pathname.length)}`;
  }

  async delete(path: string): Promise<void> {
    await this.request('DELETE', path);
  }

  /**
   * Every record of an offset-paged list: `n=0, size, 2·size…` until a short page, deduped by id,
   * stopping on a page that brings nothing new (REAL-WORLD #20). Use PAGE_SIZE.list (500) for
   * people/companies/deals/…, PAGE_SIZE.search (25) for search, notes, emails and recordings.
   */
  async getAll<S extends RecordSchema>(
    resource: Resource<S>,
    path: string,
    opts: { pageSize: number; query?: RequestOptions['query']; onProgress?: (loaded: number) => void },
  ): Promise<Infer<S>[]> {
    const rows = await iterateOffsets(
      async (n) => (await this.getMany(resource, path, { ...opts.query, n })) as (Infer<S> & { id: number | null })[],
      opts.pageSize,
      opts.onProgress,
    );
    return rows;
  }
}

/**
 * Same host and path, other scheme (REAL-WORLD #23: an account moved to https). An https → http
 * "switch" would send the token in clear text, so it is only accepted for loopback hosts (the sandbox).
 */
function isSchemeFlip(from: URL, to: URL): boolean {
  if (to.host !== from.host || to.pathname !== from.pathname || to.protocol === from.protocol) return false;
  if (to.protocol === 'https:') return true;
  return to.protocol === 'http:' && /^(127\.0\.0\.1|localhost|\[::1\])$/.test(to.hostname);
}

function xmlBody(res: UpstreamResponse): string {
  if (!isXml(res)) throw malformed(`expected XML, got ${res.headers.get('content-type') ?? 'no content type'}`);
  return res.body;
}

function safeUrl(location: string, base: URL): URL | null {
  try {
    return new URL(location, base);
  } catch {
    return null;
  }
}

export function sessionExpired(): HttpError {
  return new HttpError(401, 'Your Highrise session has ended. Sign in again.', { code: 'session_expired' });
}

function networkFailure(method: Method, timedOut: boolean, cause: unknown): HttpError {
  const status = timedOut ? 504 : 502;
  if (method === 'GET') {
    return new HttpError(status, timedOut ? 'Highrise did not answer in time. Try again in a moment.' : 'Skyline could not reach Highrise. Check back in a moment and try again.', {
      code: timedOut ? 'upstream_timeout' : 'upstream_unreachable',
      cause,
    });
  }
  const what = timedOut ? 'Highrise did not answer in time' : 'The connection to Highrise broke';
  return new HttpError(status, `${what}, so your change may or may not have been saved. Check the record in Highrise before trying again.`, {
    code: 'outcome_unknown',
    cause,
  });
}
