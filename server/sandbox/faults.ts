// Fault injection: the next `count` Highrise requests matching a rule misbehave in a chosen way,
// so clients can be tested against what real networks and real Highrise do to them.
import { z } from 'zod';

const match = z.object({ method: z.string().optional(), path: z.string().optional() }).strict();
const respond = z.object({
  status: z.number().int().min(100).max(599).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
}).strict();
const after = { after: z.boolean().optional() };
const action = z.union([
  z.object({ hang: z.number().int().min(0).max(600_000), ...after }).strict(),
  z.object({ reset: z.literal(true), ...after }).strict(),
  z.object({ truncate: z.literal(true) }).strict(),
  z.object({ redirect: z.enum(['scheme', 'login']) }).strict(),
  respond,
]);
export const faultSpec = z.object({ match: match.default({}), count: z.number().int().min(1).default(1), action });

export type FaultSpec = z.infer<typeof faultSpec>;
export type FaultAction = FaultSpec['action'];
export interface Fault extends FaultSpec { id: number; remaining: number }

function pathMatches(pattern: string | undefined, path: string): boolean {
  if (pattern === undefined || path.includes(pattern)) return true;
  try {
    return new RegExp(pattern).test(path);
  } catch {
    return false;
  }
}

export class FaultBook {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const f: Fault = { ...spec, id: this.nextId++, remaining: spec.count };
    this.faults.push(f);
    return f;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Claims one use of the first pending fault that matches; rules fire in the order they were added. */
  take(method: string, path: string): FaultAction | undefined {
    const f = this.faults.find((x) =>
      (x.match.method === undefined || x.match.method.toUpperCase() === method.toUpperCase()) && pathMatches(x.match.path, path));
    if (!f) return undefined;
    f.remaining -= 1;
    if (f.remaining <= 0) this.faults = this.faults.filter((x) => x !== f);
    return f.action;
  }
}

/** What a client sees when the server drops the connection; thrown when there is no socket to destroy. */
export class SimulatedNetworkReset extends TypeError {
  constructor() {
    super('fetch failed: connection reset by sandbox fault');
    this.name = 'TypeError';
  }
}
