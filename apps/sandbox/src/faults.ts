import type { ServerResponse } from 'node:http';

export type FaultPath = 'register' | 'goals';
export type HangMode = 'before-record' | 'after-record';

export interface FaultSpec {
  status?: number;
  /** Probability (0..1) that a matching request is faulted. */
  errorRate: number;
  latencyMs?: number;
  hang?: HangMode;
  reset?: boolean;
  /** Seconds, sent as Retry-After together with `status`. */
  retryAfter?: number;
  /** The answer repeats the apikey it was sent, in its body (plain, encoded, the whole query) and in headers, as a careless upstream might. */
  echoKey?: boolean;
  /** Faults left before the fault clears itself; absent = until cleared. */
  count?: number;
  paths: FaultPath[];
}

/** Body of PUT /_sandbox/faults: a FaultSpec whose error rate and paths may be left to their defaults. */
export type FaultRequest = Omit<FaultSpec, 'errorRate' | 'paths'> & Partial<Pick<FaultSpec, 'errorRate' | 'paths'>>;

export type FaultParseResult = { ok: true; fault: FaultSpec } | { ok: false; field: string; error: string };

/** Body of PUT /_sandbox/faults with `mix`: several faults, each hitting its own share (errorRate) of requests. */
export interface FaultMixRequest {
  mix: FaultRequest[];
}

export type FaultMixParseResult = { ok: true; faults: FaultSpec[] } | { ok: false; field: string; error: string };

const MAX_MIX = 10;

const FAULT_PATHS: readonly FaultPath[] = ['register', 'goals'];
const HANG_MODES: readonly HangMode[] = ['before-record', 'after-record'];
const KNOWN_FIELDS = new Set(['status', 'errorRate', 'latencyMs', 'hang', 'reset', 'retryAfter', 'echoKey', 'count', 'paths']);
const MAX_LATENCY_MS = 300_000;

const isInt = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

const fail = (field: string, error: string): FaultParseResult => ({ ok: false, field, error: `${field}: ${error}` });

export function parseFaultSpec(input: unknown): FaultParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('body', 'must be a JSON object');
  }
  const raw = input as Record<string, unknown>;
  const unknown = Object.keys(raw).find((key) => !KNOWN_FIELDS.has(key));
  if (unknown !== undefined) return fail(unknown, 'unknown field');

  const fault: FaultSpec = { errorRate: 1, paths: ['register'] };
  if (raw.status !== undefined) {
    if (!isInt(raw.status, 200, 599)) return fail('status', 'must be an integer from 200 to 599');
    fault.status = raw.status;
  }
  if (raw.errorRate !== undefined) {
    const rate = raw.errorRate;
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) return fail('errorRate', 'must be a number from 0 to 1');
    fault.errorRate = rate;
  }
  if (raw.latencyMs !== undefined) {
    if (!isInt(raw.latencyMs, 0, MAX_LATENCY_MS)) return fail('latencyMs', `must be an integer from 0 to ${MAX_LATENCY_MS}`);
    fault.latencyMs = raw.latencyMs;
  }
  if (raw.hang !== undefined) {
    if (!HANG_MODES.includes(raw.hang as HangMode)) return fail('hang', `must be one of ${HANG_MODES.join(', ')}`);
    fault.hang = raw.hang as HangMode;
  }
  if (raw.reset !== undefined) {
    if (typeof raw.reset !== 'boolean') return fail('reset', 'must be a boolean');
    if (raw.reset) fault.reset = true;
  }
  if (raw.retryAfter !== undefined) {
    if (!isInt(raw.retryAfter, 0)) return fail('retryAfter', 'must be a non-negative integer (seconds)');
    if (fault.status === undefined) return fail('retryAfter', 'is only sent with status');
    fault.retryAfter = raw.retryAfter;
  }
  if (raw.echoKey !== undefined) {
    if (typeof raw.echoKey !== 'boolean') return fail('echoKey', 'must be a boolean');
    if (raw.echoKey) fault.echoKey = true;
  }
  if (raw.count !== undefined) {
    if (!isInt(raw.count, 1)) return fail('count', 'must be a positive integer');
    fault.count = raw.count;
  }
  if (raw.paths !== undefined) {
    const paths = raw.paths;
    if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => FAULT_PATHS.includes(p as FaultPath))) {
      return fail('paths', `must be a non-empty array of ${FAULT_PATHS.join(', ')}`);
    }
    fault.paths = [...new Set(paths as FaultPath[])];
  }

  // One request can only end one way; silently picking one would hide a mistake in the test setup.
  const outcomes = (['status', 'hang', 'reset'] as const).filter((key) => fault[key] !== undefined);
  if (outcomes.length > 1) return fail(outcomes[1], `cannot be combined with ${outcomes[0]}`);
  if (outcomes.length === 0 && fault.latencyMs === undefined && !fault.echoKey) {
    return fail('status', 'a fault needs one of status, latencyMs, hang, reset or echoKey');
  }
  if (fault.echoKey && (fault.hang !== undefined || fault.reset)) return fail('echoKey', 'needs an answer: cannot be combined with hang or reset');
  return { ok: true, fault };
}

/**
 * Either one fault, or `{ mix: [...] }`: one draw per request picks at most one of them, so their error rates
 * are shares of all requests and must add up to at most 1 (30% 503s, 10% hangs and 10% resets: a flaky Aflite).
 */
export function parseFaults(input: unknown): FaultMixParseResult {
  if (typeof input !== 'object' || input === null || !('mix' in input)) {
    const one = parseFaultSpec(input);
    return one.ok ? { ok: true, faults: [one.fault] } : one;
  }
  const raw = input as Record<string, unknown>;
  const extra = Object.keys(raw).find((key) => key !== 'mix');
  if (extra !== undefined) return { ok: false, field: extra, error: `${extra}: cannot be combined with mix` };
  const mix = raw.mix;
  if (!Array.isArray(mix) || mix.length === 0 || mix.length > MAX_MIX) {
    return { ok: false, field: 'mix', error: `mix: must be an array of 1 to ${MAX_MIX} faults` };
  }
  const faults: FaultSpec[] = [];
  for (const [index, entry] of mix.entries()) {
    const one = parseFaultSpec(entry);
    if (!one.ok) return { ok: false, field: `mix[${index}].${one.field}`, error: `mix[${index}].${one.error}` };
    faults.push(one.fault);
  }
  const total = faults.reduce((sum, fault) => sum + fault.errorRate, 0);
  if (total > 1 + 1e-9) return { ok: false, field: 'mix', error: `mix: the error rates add up to ${total}; they must add up to at most 1` };
  return { ok: true, faults };
}

const copy = (fault: FaultSpec): FaultSpec => ({ ...fault, paths: [...fault.paths] });

export class FaultInjector {
  private faults: FaultSpec[] = [];
  private readonly held = new Set<ServerResponse>();

  constructor(private readonly random: () => number = Math.random) {}

  /** The active fault when there is exactly one (a mix is read with `active`). */
  get current(): FaultSpec | null {
    return this.faults.length === 1 ? copy(this.faults[0]) : null;
  }

  get active(): FaultSpec[] {
    return this.faults.map(copy);
  }

  /** Requests deliberately left unanswered. */
  get heldCount(): number {
    return this.held.size;
  }

  set(fault: FaultSpec | FaultSpec[]): void {
    this.faults = (Array.isArray(fault) ? fault : [fault]).map(copy);
  }

  clear(): void {
    this.faults = [];
  }

  /** Decides whether this request is faulted, and how; a fault with `count` is used up one per faulted request. */
  take(path: FaultPath): FaultSpec | null {
    const candidates = this.faults.filter((fault) => fault.paths.includes(path));
    if (candidates.length === 0) return null;
    // One draw per request, walked through the faults' shares; a lone fault at rate 1 needs no draw.
    const draw = candidates.length === 1 && candidates[0].errorRate >= 1 ? 0 : this.random();
    let upTo = 0;
    const fault = candidates.find((candidate) => draw < (upTo += candidate.errorRate));
    if (!fault) return null;
    if (fault.count !== undefined) {
      const index = this.faults.indexOf(fault);
      if (fault.count > 1) this.faults[index] = { ...fault, count: fault.count - 1 };
      else this.faults.splice(index, 1);
    }
    return copy(fault);
  }

  hold(response: ServerResponse): void {
    this.held.add(response);
    response.once('close', () => this.held.delete(response));
  }

  /** Hung requests would otherwise keep server.close() waiting forever. */
  releaseHeld(): void {
    // Destroying the response destroys its socket, so the client sees the connection drop.
    for (const response of this.held) response.destroy();
    this.held.clear();
  }
}
