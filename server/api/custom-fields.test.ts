import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeApp, signIn, startSandboxServer, testConfig, type SandboxServer, type TestApp } from '../test/harness.js';
import type { SubjectField } from './types.js';

let sb: SandboxServer;
let app: TestApp;

beforeAll(async () => {
  sb = await startSandboxServer();
  app = makeApp(testConfig(sb.origin));
});
afterAll(() => sb.close());

const json = async <T>(res: Response) => (await res.json()) as T;

describe('custom field definitions', () => {
  it('lists party fields by default and rejects an unknown type', async () => {
    const { jar } = await signIn(app, { identityId: 2 });
    const res = await call(app, jar, 'GET', '/api/custom-fields');
    expect(res.status).toBe(200);
    const fields = (await json<{ data: SubjectField[] }>(res)).data;
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((f) => f.type === 'party' && typeof f.label === 'string')).toBe(true);
    expect((await call(app, jar, 'GET', '/api/custom-fields?type=people')).status).toBe(400);
  });
});
