import { FaultInjector } from './faults';
import type { RawParams } from './params';

export type GoalMethod = 'GET' | 'POST';

export interface RecordedGoal {
  mref: string;
  goalId: string;
  value: string;
  clickSessionId: string;
  merchantId: string;
  method: GoalMethod;
  receivedAt: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: RawParams;
  body: RawParams;
  receivedAt: string;
  headers: { 'user-agent'?: string; 'content-type'?: string };
}

export interface RequestCounters {
  register: number;
  goals: number;
  help: number;
}

export interface SandboxReport {
  goals: RecordedGoal[];
  traces: RecordedGoal[];
  perMref: Record<string, number>;
  duplicates: string[];
  requests: RequestCounters;
}

export type RegisterOutcome = 'registered' | 'duplicate';

/** Enough history for any test run, bounded so a long demo cannot grow without limit. */
export const REQUEST_LOG_LIMIT = 1000;

export class SandboxState {
  readonly faults: FaultInjector;
  private readonly goals = new Map<string, RecordedGoal>();
  private traces: RecordedGoal[] = [];
  private readonly perMref = new Map<string, number>();
  private requests: RecordedRequest[] = [];
  private counters: RequestCounters = { register: 0, goals: 0, help: 0 };

  constructor(random?: () => number) {
    this.faults = new FaultInjector(random);
  }

  /** The first goal for an mref is kept; later ones only count, as Aflite errors them. */
  registerGoal(goal: RecordedGoal): RegisterOutcome {
    const seen = this.perMref.get(goal.mref) ?? 0;
    this.perMref.set(goal.mref, seen + 1);
    if (this.goals.has(goal.mref)) return 'duplicate';
    this.goals.set(goal.mref, { ...goal });
    return 'registered';
  }

  recordTrace(goal: RecordedGoal): void {
    this.traces.push({ ...goal });
  }

  goalsFor(mref: string): RecordedGoal[] {
    const goal = this.goals.get(mref);
    return goal ? [{ ...goal }] : [];
  }

  count(kind: keyof RequestCounters): void {
    this.counters[kind] += 1;
  }

  recordRequest(request: RecordedRequest): void {
    this.requests.push(request);
    if (this.requests.length > REQUEST_LOG_LIMIT) this.requests.splice(0, this.requests.length - REQUEST_LOG_LIMIT);
  }

  /** Oldest first, so `.at(-1)` is the latest request. */
  recentRequests(limit: number): RecordedRequest[] {
    return this.requests.slice(-limit).map((r) => structuredClone(r));
  }

  report(): SandboxReport {
    const perMref = Object.fromEntries(this.perMref);
    return {
      goals: [...this.goals.values()].map((g) => ({ ...g })),
      traces: this.traces.map((g) => ({ ...g })),
      perMref,
      duplicates: Object.keys(perMref).filter((mref) => perMref[mref] > 1),
      requests: { ...this.counters },
    };
  }

  reset(): void {
    this.goals.clear();
    this.traces = [];
    this.perMref.clear();
    this.requests = [];
    this.counters = { register: 0, goals: 0, help: 0 };
    this.faults.clear();
    this.faults.releaseHeld();
  }
}
