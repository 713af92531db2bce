import { describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { Company, One, Person } from './types.js';


const env = useSignedInApp();

describe('vCard export', () => {
  it('proxies a person as a vCard download', async () => {
    const created = await call(env.app, env.jar, 'POST', '/api/people', {
      firstName: 'Renée',
      lastName: `Vcard${Date.now()}`,
      contactData: { emailAddresses: [{ address: 'renee@example.com', location: 'Work' }] },
    });
    const p = ((await created.json()) as One<Person>).data;
    const res = await call(env.app, env.jar, 'GET', `/api/export/people/${p.id}/vcard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/vcard/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.vcf"/);
    const text = await res.text();
    expect(text).toContain('BEGIN:VCARD');
    expect(text).toContain('renee@example.com');
    expect(text).toContain('Renée');
    // The browser never learns a Highrise URL, and the file keeps the person's name.
    expect(text).not.toMatch(/^SOURCE/m);
    expect(text).not.toContain('/sandbox/highrise/');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''Ren%C3%A9e`);
  });

  it('names the file after the whole name, folded or not, with a valid UTF-8 filename*', async () => {
    // 30 three-byte characters: the vCard's FN line is longer than 75 octets, so Highrise folds it.
    const lastName = `O'Brien ${'佐'.repeat(30)}`;
    const created = await call(env.app, env.jar, 'POST', '/api/people', { firstName: 'Siobhán', lastName });
    const p = ((await created.json()) as One<Person>).data;
    const res = await call(env.app, env.jar, 'GET', `/api/export/people/${p.id}/vcard`);
    expect(res.status).toBe(200);
    const disposition = res.headers.get('content-disposition') ?? '';
    const star = /filename\*=UTF-8''(\S+)/.exec(disposition)?.[1] ?? '';
    // RFC 5987 attr-chars and %XX only: an apostrophe or parenthesis would make browsers drop filename*.
    expect(star).toMatch(/^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+$/);
    expect(decodeURIComponent(star)).toBe(`Siobhán ${lastName}.vcf`);
  });

  it('proxies a company', async () => {
    const co = ((await (await call(env.app, env.jar, 'POST', '/api/companies', { name: `Vcard Co ${Date.now()}` })).json()) as One<Company>).data;
    const res = await call(env.app, env.jar, 'GET', `/api/export/companies/${co.id}/vcard`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(co.name!);
  });

  it('answers 400 for another subject or a bad id and 404 for a missing contact', async () => {
    expect((await call(env.app, env.jar, 'GET', '/api/export/deals/1/vcard')).status).toBe(400);
    expect((await call(env.app, env.jar, 'GET', '/api/export/people/x/vcard')).status).toBe(400);
    expect((await call(env.app, env.jar, 'GET', '/api/export/people/999999999/vcard')).status).toBe(404);
  });
});
