// npm run sandbox:seed | sandbox:reset — create (or recreate) the sandbox database and print how to use it.
import { rmSync } from 'node:fs';
import { DEFAULT_RATE_LIMIT, DEFAULT_TOKEN_TTL_SECONDS, SANDBOX_CLIENT, createSandbox } from './index.js';

const command = process.argv[2];
const dbPath = process.env.SANDBOX_DB || '.data/sandbox.sqlite';

if (command !== 'seed' && command !== 'reset') {
  console.error('usage: cli.ts seed|reset   (database: $SANDBOX_DB or .data/sandbox.sqlite)');
  process.exit(2);
}
if (command === 'reset') for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

const sandbox = createSandbox({
  dbPath, tokenTtlSeconds: DEFAULT_TOKEN_TTL_SECONDS, clients: [SANDBOX_CLIENT], rateLimit: DEFAULT_RATE_LIMIT, faults: false,
});
const port = process.env.PORT || '3000';
console.log(`Sandbox database ready at ${dbPath}`);
console.log(`Demo account ${sandbox.demo.accountId}: curl -u ${sandbox.demo.apiToken}:X http://127.0.0.1:${port}${sandbox.demo.accountPath}/people.xml`);
sandbox.close();
