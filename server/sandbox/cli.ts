// npm run sandbox:seed [-- --size large] | sandbox:reset [-- --size large] — create (or recreate) the sandbox
// database and print how to use it. `seed` keeps an existing database; `reset` deletes it first.
import { rmSync } from 'node:fs';
import { DEFAULT_RATE_LIMIT, DEFAULT_TOKEN_TTL_SECONDS, SANDBOX_CLIENT, createSandbox } from './index.js';

const [command, ...args] = process.argv.slice(2);
const dbPath = process.env.SANDBOX_DB || '.data/sandbox.sqlite';
const sizeArg = args.find((a) => a.startsWith('--size='))?.slice('--size='.length) ?? (args.includes('--size') ? args[args.indexOf('--size') + 1] : 'small');

if ((command !== 'seed' && command !== 'reset') || (sizeArg !== 'small' && sizeArg !== 'large')) {
  console.error('usage: cli.ts seed|reset [--size small|large]   (database: $SANDBOX_DB or .data/sandbox.sqlite)');
  process.exit(2);
}
if (command === 'reset') for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

const started = performance.now();
const sandbox = createSandbox({
  dbPath, tokenTtlSeconds: DEFAULT_TOKEN_TTL_SECONDS, clients: [SANDBOX_CLIENT], rateLimit: DEFAULT_RATE_LIMIT, faults: false, seedSize: sizeArg,
});
const count = (table: string) => (sandbox.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const port = process.env.PORT || '3000';
console.log(`Sandbox database ready at ${dbPath} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`  ${count('parties')} parties, ${count('deals')} deals, ${count('kases')} cases, ${count('recordings')} notes/emails/comments, ${count('tasks')} tasks`);
console.log(`Demo account ${sandbox.demo.accountId}: curl -u ${sandbox.demo.apiToken}:X http://127.0.0.1:${port}${sandbox.demo.accountPath}/people.xml`);
sandbox.close();
