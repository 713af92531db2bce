import { z } from 'zod';
import type { Config } from '../config.js';
import { HttpError } from '../http-error.js';
import type { HighriseAccount } from './session.js';

/**
 * The back-channel half of Launchpad OAuth (draft 5, `type=web_server` / `type=refresh`):
 * trade a code or a refresh token for tokens, and read authorization.json.
 * Secrets travel in a form body, never in a URL that might be logged.
 */

export interface Tokens {
  accessToken: string;
  /** Launchpad keeps the old refresh token valid when a refresh answers without one. */
  refreshToken: string | null;
  expiresAt: number | null;
}

export interface Authorization {
  expiresAt: number | null;
  identity: { name: string; email: string };
  /** Highrise accounts only; other products (Basecamp, Campfire) are dropped. */
  accounts: HighriseAccount[];
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive().optional(),
});

const AuthorizationResponse = z.object({
  expires_at: z.string().optional().nullable(),
  identity: z
    .object({
      first_name: z.string().nullable().optional(),
      last_name: z.string().nullable().optional(),
      email_address: z.string().nullable().optional(),
    })
    .passthrough(),
  accounts: z.array(
    z
      .object({ product: z.string(), id: z.coerce.number().int(), name: z.string().nullable().optional(), href: z.string() })
      .passthrough(),
  ),
});

type FetchFn = typeof fetch;

export class Launchpad {
  constructor(
    private readonly config: Config,
    private readonly fetchFn: FetchFn,
  ) {}

  private get base(): string {
    return this.config.oauth.launchpadUrl;
  }

  async exchangeCode(code: string, redirectUri: string): Promise<Tokens> {
    const res = await this.postToken({ type: 'web_server', code, redirect_uri: redirectUri });
    if (!res) throw new HttpError(502, 'Launchpad did not accept this sign-in (the code may have expired). Sign in again.', { code: 'oauth_exchange_failed' });
    return res;
  }

  /** null when Launchpad refuses the refresh token (revoked or expired): the person must sign in again. */
  async refresh(refreshToken: string): Promise<Tokens | null> {
    const tokens = await this.postToken({ type: 'refresh', refresh_token: refreshToken });
    return tokens && { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
  }

  private async postToken(params: Record<string, string>): Promise<Tokens | null> {
    const body = new URLSearchParams({ ...params, client_id: this.config.oauth.clientId, client_secret: this.config.oauth.clientSecret });
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}/authorization/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'User-Agent': userAgent(this.config) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.highrise.timeoutMs),
      });
    } catch (cause) {
      throw new HttpError(502, 'Skyline could not reach Launchpad (37signals sign-in). Try again in a moment.', { code: 'launchpad_unreachable', cause });
    }
    if (res.status >= 400 && res.status < 500) return null;
    if (!res.ok) throw new HttpError(502, 'Launchpad (37signals sign-in) is having trouble. Try again in a moment.', { code: 'launchpad_error' });
    const parsed = TokenResponse.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new HttpError(502, 'Launchpad answered the sign-in in a way Skyline could not read. Try again.', { code: 'launchpad_malformed' });
    const t = parsed.data;
    return { accessToken: t.access_token, refreshToken: t.refresh_token ?? null, expiresAt: t.expires_in ? Date.now() + t.expires_in * 1000 : null };
  }

  async authorization(accessToken: string): Promise<Authorization> {
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}/authorization.json`, {
        headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json', 'User-Agent': userAgent(this.config) },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.highrise.timeoutMs),
      });
    } catch (cause) {
      throw new HttpError(502, 'Skyline could not reach Launchpad (37signals sign-in). Try again in a moment.', { code: 'launchpad_unreachable', cause });
    }
    if (!res.ok) throw new HttpError(502, 'Launchpad would not list your accounts. Sign in again.', { code: 'launchpad_error' });
    const parsed = AuthorizationResponse.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new HttpError(502, 'Launchpad listed your accounts in a way Skyline could not read. Try again.', { code: 'launchpad_malformed' });
    const a = parsed.data;
    const name = [a.identity.first_name, a.identity.last_name].filter(Boolean).join(' ');
    const expires = a.expires_at ? Date.parse(a.expires_at) : NaN;
    return {
      expiresAt: Number.isNaN(expires) ? null : expires,
      identity: { name, email: a.identity.email_address ?? '' },
      accounts: a.accounts
        .filter((acc) => acc.product === 'highrise' && /^https?:\/\//.test(acc.href))
        .map((acc) => ({ id: acc.id, name: acc.name ?? `Account ${acc.id}`, href: acc.href.replace(/\/+$/, '') })),
    };
  }
}

export function userAgent(config: Config): string {
  return `Skyline (${config.highrise.contact})`;
}
