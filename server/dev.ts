import { serve } from '@hono/node-server';
import { createServer } from 'vite';
import { loadConfig } from './config.js';
import { createServerApp, repoRoot } from './server.js';

/**
 * `npm run dev`: the BFF + sandbox on PORT (3000), and Vite with hot reload on 5173 proxying
 * /api, /auth, /sandbox and /healthz to it (vite.config.ts). Open the Vite URL.
 */
const config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' });
const { app, sandbox, close } = createServerApp(config);
const bff = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`BFF${sandbox ? ' + sandbox' : ''} on http://${info.address}:${info.port}`);
  if (sandbox) console.log(`  curl -u ${sandbox.demo.apiToken}:X http://${info.address}:${info.port}${sandbox.demo.accountPath}/people.xml`);
});

const vite = await createServer({ root: repoRoot, configFile: `${repoRoot}/vite.config.ts` });
await vite.listen();
vite.printUrls();

async function stop() {
  await vite.close();
  bff.close();
  close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
