import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch } from './client';
import { retryDelay, shouldRetry, shouldRetryMutation } from './query-client';

function mockFetch(impl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  const fn = vi.fn(impl);
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('sends JSON with the same-origin cookie and returns the parsed body', async () => {
    const fetch = mockFetch(async () => Response.json({ data: { id: 1 } }, { status: 201 }));
    const res = await apiFetch<{ data: { id: number } }>('/api/people', { method: 'POST', json: { firstName: 'Ada' } });
    expect(res).toEqual({ data: { id: 1 } });
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe('/api/people');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"firstName":"Ada"}');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('returns undefined for 204', async () => {
    mockFetch(async () => new Response(null, { status: 204 }));
    await expect(apiFetch('/api/people/1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('turns a JSON error body into an ApiError with status, message, fields, retryAfter and code', async () => {
    mockFetch(async () =>
      Response.json(
        {
          error: {
            status: 422,
            message: 'Check the highlighted fields.',
            fields: { firstName: ['Enter a first name.'], 'contactData.emailAddresses.1.address': ['Enter an email address.'] },
            code: 'invalid',
          },
        },
        { status: 422 },
      ),
    );
    const err = await apiFetch('/api/people').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 422,
      message: 'Check the highlighted fields.',
      code: 'invalid',
      fields: { firstName: ['Enter a first name.'], 'contactData.emailAddresses.1.address': ['Enter an email address.'] },
    });
  });

  it('keeps retryAfter from a 503 body', async () => {
    mockFetch(async () => Response.json({ error: { status: 503, message: 'Highrise is busy.', retryAfter: 7, code: 'rate_limited' } }, { status: 503 }));
    const err = (await apiFetch('/api/people').catch((e) => e)) as ApiError;
    expect(err.retryAfter).toBe(7);
    expect(shouldRetry(0, err)).toBe(true);
    expect(retryDelay(1, err)).toBe(7000);
  });

  it('turns a non-JSON error body into a readable ApiError', async () => {
    mockFetch(async () => new Response('<html><body>Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const err = (await apiFetch('/api/people').catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(502);
    expect(err.message).toMatch(/server had a problem/i);
    expect(err.message).not.toMatch(/html/i);
  });

  it('turns JSON without the error envelope into a readable ApiError, using Retry-After header', async () => {
    mockFetch(async () => new Response('{"oops":true}', { status: 503, headers: { 'Retry-After': '3' } }));
    const err = (await apiFetch('/api/people').catch((e) => e)) as ApiError;
    expect(err.status).toBe(503);
    expect(err.retryAfter).toBe(3);
    expect(err.message).toMatch(/busy/i);
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    mockFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = (await apiFetch('/api/people').catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
    expect(err.code).toBe('network_error');
    expect(err.message).toMatch(/could not reach/i);
  });

  it('reports a 200 with a malformed body as an ApiError, not a crash', async () => {
    mockFetch(async () => new Response('not json', { status: 200 }));
    const err = (await apiFetch('/api/people').catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('malformed_response');
  });
});

describe('retry policy', () => {
  it('never retries 4xx', () => {
    expect(shouldRetry(0, new ApiError(404, 'gone'))).toBe(false);
    expect(shouldRetry(0, new ApiError(401, 'signed out', { code: 'signed_out' }))).toBe(false);
    expect(shouldRetry(0, new ApiError(422, 'bad'))).toBe(false);
  });
  it('retries a network failure twice with backoff', () => {
    expect(shouldRetry(0, new ApiError(0, 'offline'))).toBe(true);
    expect(shouldRetry(1, new ApiError(0, 'offline'))).toBe(true);
    expect(shouldRetry(2, new ApiError(0, 'offline'))).toBe(false);
    expect([1, 2, 3].map((n) => retryDelay(n, new ApiError(0, 'offline')))).toEqual([1000, 2000, 4000]);
  });
  it('retries another 5xx once, quickly: the BFF already retried what Highrise may recover from', () => {
    for (const status of [500, 502, 504]) {
      expect(shouldRetry(0, new ApiError(status, 'boom'))).toBe(true);
      expect(shouldRetry(1, new ApiError(status, 'boom'))).toBe(false);
      expect(retryDelay(1, new ApiError(status, 'boom'))).toBeLessThanOrEqual(500);
    }
  });
  it('retries a write only when the BFF said busy and when to come back: never after a timeout, a cut connection or an unreadable answer', () => {
    const busy = new ApiError(503, 'busy', { retryAfter: 2, code: 'rate_limited' });
    expect([0, 1, 2, 3].map((n) => shouldRetryMutation(n, busy))).toEqual([true, true, true, false]);
    expect(shouldRetryMutation(0, new ApiError(503, 'busy, no time given'))).toBe(false);
    for (const unsure of [
      new ApiError(504, 'timed out', { code: 'outcome_unknown' }),
      new ApiError(502, 'cut', { code: 'outcome_unknown' }),
      new ApiError(502, 'saved, unreadable', { code: 'saved_unreadable' }),
      new ApiError(500, 'boom'),
      new ApiError(0, 'offline'),
      new ApiError(422, 'rejected'),
    ]) {
      expect(shouldRetryMutation(0, unsure), unsure.message).toBe(false);
    }
  });
  it('waits out a 503 with Retry-After up to three times', () => {
    const busy = new ApiError(503, 'busy', { retryAfter: 4 });
    expect([0, 1, 2, 3].map((n) => shouldRetry(n, busy))).toEqual([true, true, true, false]);
    expect(retryDelay(1, busy)).toBe(4000);
  });
});
