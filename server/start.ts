import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { ensureSpaBuilt } from './build-check.js';
import { loadConfig } from './config.js';
import { createServerApp, repoRoot } from './server.js';

/** `npm start`: build the SPA if needed, then serve BFF + sandbox + SPA on HOST:PORT. */
const config = loadConfig();
ensureSpaBuilt(repoRoot);
const { app, sandbox, close } = createServerApp(config);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
  const url = `http://${info.address}:${info.port}`;
  console.log(`Skyline is running at ${url}`);
  if (sandbox) {
    console.log(`Sandbox mode: sign in with any listed identity. Try the Highrise emulator directly:`);
    console.log(`  curl -u ${sandbox.demo.apiToken}:X ${url}${sandbox.demo.accountPath}/people.xml`);
  }
});

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  server.close(() => {
    close();
    process.exit(0);
  });
  // Idle keep-alive connections would hold close() open; give in-flight requests a moment.
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  setTimeout(() => {
    close();
    process.exit(0);
  }, 5000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
