/**
 * Wires `measureBffRoundTrip` to a real sandbox and BFF: the sandbox listens on an ephemeral port
 * (the test harness's server) — in a process of its own, as Highrise is another server, or with
 * `where: 'same-process'` in the BFF's own process, sharing its heap and thread (then the sandbox's
 * garbage is collected in the BFF's time and the other way round) — account 1 is topped up to 520
 * people through the sandbox's own XML API,
 * Jonas (identity 2) signs in through the real OAuth flow, then `GET /api/people?page=1` through
 * `createApp(...).request()` is timed against the BFF's own `GET /people.xml` request for it, sent
 * to the sandbox directly with the same headers (captured from one BFF request before timing).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildXml } from '../highrise/codec/build.js';
import { transcodeMany } from '../highrise/codec/parse.js';
import { personResource } from '../highrise/models/person.js';
import type { BffFigure } from './index.js';

const TARGET_PEOPLE = 520;

export type SandboxPlace = 'own-process' | 'same-process';

/** The sandbox in a child process: its origin, and how to stop it. */
async function sandboxProcess(): Promise<{ origin: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./sandbox-process.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code}) before listening`)));
  });
  return {
    origin: (JSON.parse(line) as { origin: string }).origin,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function runBffBench(
  measure: (base: string, opts: { upstreamHeaders: Record<string, string>; bffGet: (path: string) => Promise<Response> }) => Promise<BffFigure>,
  where: SandboxPlace = 'own-process',
): Promise<BffFigure> {
  const { makeApp, signIn, startSandboxServer, testConfig } = await import('../test/harness.js');
  const { seededApiToken } = await import('../sandbox/seed.js');
  const server = where === 'own-process' ? await sandboxProcess() : await startSandboxServer();
  try {
    const base = `${server.origin}/sandbox/highrise/1`;
    const apiToken = seededApiToken('1:2');
    const headers = { Authorization: `Basic ${Buffer.from(`${apiToken}:X`).toString('base64')}`, 'User-Agent': 'Skyline bench (bench@skyline.example)' };
    let count = 0;
    for (let offset = 0; ; offset += 500) {
      const res = await fetch(`${base}/people.xml?n=${offset}`, { headers });
      if (!res.ok) throw new Error(`sandbox GET /people.xml answered ${res.status}`);
      const page = transcodeMany(personResource, await res.text()).count;
      count += page;
      if (page < 500) break;
    }
    for (let i = count; i < TARGET_PEOPLE; i++) {
      const body = buildXml(
        personResource,
        { firstName: `Bench ${i}`, lastName: 'Ødegaard–Núñez', title: 'Procurement & Ops', background: 'Seeded by the benchmark.\r\nSecond line <b>.', contactData: { emailAddresses: [{ address: `bench${i}@example.com`, location: 'Work' }] } },
        { mode: 'create' },
      );
      const res = await fetch(`${base}/people.xml`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/xml; charset=utf-8' }, body });
      if (res.status !== 201) throw new Error(`sandbox POST /people.xml answered ${res.status}: ${await res.text()}`);
    }
    // Keeps a reference to the last outgoing request's init (no copy, so nothing is added to the timed path).
    let lastInit: RequestInit | undefined;
    const app = makeApp(testConfig(server.origin), {
      fetch: (input, init) => {
        lastInit = init;
        return fetch(input, init);
      },
    });
    const { jar } = await signIn(app, { identityId: 2 });
    const bffGet = async (path: string) => app.request(path, { headers: { cookie: jar.header } });
    const first = await bffGet('/api/people?page=1');
    if (!first.ok) throw new Error(`BFF GET /api/people answered ${first.status}`);
    await first.text();
    const upstreamHeaders = Object.fromEntries(new Headers(lastInit?.headers).entries());
    if (!upstreamHeaders.authorization?.startsWith('Bearer ')) throw new Error('the BFF did not send its OAuth token upstream');
    return await measure(base, { upstreamHeaders, bffGet });
  } finally {
    await server.close();
  }
}
