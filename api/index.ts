import { handle } from 'hono/vercel';
import { loadConfig } from '../server/config.js';
import { createServerApp } from '../server/server.js';

/**
 * Vercel entry: the same app as `npm start`, behind hono/vercel. Static files come from dist/ via
 * Vercel's CDN; vercel.json rewrites /api, /auth, /sandbox and /healthz here. In sandbox mode set
 * SANDBOX_URL to the deployment's URL (there is no loopback between functions) and SANDBOX_DB to
 * a path under /tmp.
 */
const { app } = createServerApp(loadConfig());
const handler = handle(app);

export const GET = handler;
export const HEAD = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
export const OPTIONS = handler;
export default handler;
