/**
 * The one error shape of Skyline's JSON API: `{ "error": { status, message, fields?, retryAfter? } }`.
 * Everything that fails on the server (validation, codec, Highrise, session) becomes an HttpError,
 * and one handler turns it into this body, so the SPA reads every failure the same way.
 */
export interface ApiErrorBody {
  error: {
    status: number;
    /** A sentence a person can act on. */
    message: string;
    /** Messages per field (JSON path like `firstName` or `contactData.emailAddresses.1.address`). */
    fields?: Record<string, string[]>;
    /** Seconds until the request may be retried (503). */
    retryAfter?: number;
    /** Stable machine-readable reason, e.g. `session_expired`, `rate_limited`, `upstream_malformed`. */
    code?: string;
  };
}

export class HttpError extends Error {
  readonly status: number;
  readonly fields?: Record<string, string[]>;
  readonly retryAfter?: number;
  readonly code?: string;

  constructor(
    status: number,
    message: string,
    extra: { fields?: Record<string, string[]>; retryAfter?: number; code?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = 'HttpError';
    this.status = status;
    this.fields = extra.fields;
    this.retryAfter = extra.retryAfter;
    this.code = extra.code;
  }

  toBody(): ApiErrorBody {
    const error: ApiErrorBody['error'] = { status: this.status, message: this.message };
    if (this.fields) error.fields = this.fields;
    if (this.retryAfter !== undefined) error.retryAfter = this.retryAfter;
    if (this.code) error.code = this.code;
    return { error };
  }
}
