// Shared setup for the sandbox tests: an in-memory sandbox mounted at /sandbox like the real server.
import { Hono } from 'hono';
import { XMLParser } from 'fast-xml-parser';
import { type Sandbox, type SandboxOptions, SANDBOX_CLIENT, SimulatedNetworkReset, createSandbox } from './index.js';

export const ORIGIN = 'http://127.0.0.1:4555';

export interface TestSandbox {
  sandbox: Sandbox;
  request(path: string, init?: RequestInit): Promise<Response>;
  basic(token?: string): Record<string, string>;
  xmlHeaders(token?: string): Record<string, string>;
}

export function makeSandbox(overrides: Partial<SandboxOptions> = {}): TestSandbox {
  const sandbox = createSandbox({
    dbPath: ':memory:', tokenTtlSeconds: 3600, clients: [SANDBOX_CLIENT], rateLimit: false, faults: true, ...overrides,
  });
  const app = new Hono();
  // A parent app must pass simulated resets through, or app.request() would turn them into a 500.
  app.onError((err, c) => {
    if (err instanceof SimulatedNetworkReset) throw err;
    return c.text('parent error', 500);
  });
  app.route('/sandbox', sandbox.app);
  const basic = (token = sandbox.demo.apiToken) => ({ Authorization: 'Basic ' + Buffer.from(`${token}:X`).toString('base64') });
  return {
    sandbox,
    request: async (path, init) => app.request(ORIGIN + path, init),
    basic,
    xmlHeaders: (token) => ({ ...basic(token), 'Content-Type': 'application/xml' }),
  };
}

/** A plain reading of a document for assertions; deliberately not our client codec. */
const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, htmlEntities: true,
  isArray: (name, jpath) => String(jpath).endsWith('addresses.address') || ['person', 'company', 'email-address', 'phone-number', 'subject_data', 'tag', 'user', 'subject-field', 'deletion', 'error', 'web-address', 'instant-messenger', 'twitter-account'].includes(name),
});

// Test-only: assertions walk the tree freely; production code never sees this type.
export function parse(xml: string): any {
  return parser.parse(xml);
}

export const PEOPLE = '/sandbox/highrise/1/people.xml';
