import type { Context } from 'hono';
import type { RenderContext } from '../render.js';
import type { AccountRow, Db, UserRow } from '../store.js';

/** Everything a Highrise route needs, resolved once by the dispatcher. */
export interface HighriseRequest extends RenderContext {
  c: Context;
  db: Db;
  account: AccountRow;
  user: UserRow;
  /** capture groups of the route pattern */
  params: string[];
  query: URLSearchParams;
  nowMs: number;
  /** plan limits from SandboxOptions.limits (the account's people_limit applies too) */
  plan: PlanLimits;
}

/** Plan limits answered with 507: people, pending deals, cases. Undefined means unlimited. */
export interface PlanLimits { people?: number; deals?: number; cases?: number }

export type Bucket = 'general' | 'searchByEmail' | 'recordings';

export type RouteHandler = (r: HighriseRequest) => Response | Promise<Response>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** matched against the path after /highrise/{accountId} */
  pattern: RegExp;
  handler: RouteHandler;
  /** which rate-limit bucket the route draws from */
  bucket?: Bucket | ((query: URLSearchParams) => Bucket);
}
