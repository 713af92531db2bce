/**
 * The sandbox on its own, in a process of its own, for the BFF benchmark: Highrise is another server,
 * so its work and its garbage collection must not share the BFF's heap and thread. Prints
 * `{"origin": …}` once listening; stops on SIGTERM or when its parent goes.
 */
import { startSandboxServer } from '../test/harness.js';

const server = await startSandboxServer();
process.stdout.write(`${JSON.stringify({ origin: server.origin })}\n`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
