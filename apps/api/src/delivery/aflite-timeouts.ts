/** The bounds undici enforces on one call to Aflite, all derived from DELIVERY_TIMEOUT_MS. */
export interface AfliteTimeouts {
  connectMs: number;
  headersMs: number;
  /** Between two chunks of the body; Aflite's answers are short enough to arrive in one. */
  bodyMs: number;
}

/** A slow handshake is given up on sooner than a slow answer: it never means Aflite is working on the goal. */
const MAX_CONNECT_MS = 5_000;

export function afliteTimeouts(timeoutMs: number): AfliteTimeouts {
  return { connectMs: Math.min(timeoutMs, MAX_CONNECT_MS), headersMs: timeoutMs, bodyMs: timeoutMs };
}

/** The longest one call to Aflite can take before undici gives up on it. */
export function longestCallMs(timeoutMs: number): number {
  const t = afliteTimeouts(timeoutMs);
  return t.connectMs + t.headersMs + t.bodyMs;
}

/** A delivery that may have reached Aflite before asks the goals feed, then sends: two calls under one lease. */
export const CALLS_PER_DELIVERY = 2;

/**
 * What a lease needs beyond its calls: the delivery's own commits (the claim, the send's attempt row,
 * the outcome), which wait behind ingest on SQLite, and clocks of instances that differ a little.
 */
export const LEASE_MARGIN_MS = 2_000;

/** The shortest DELIVERY_LEASE_MS that outlasts everything one delivery does while it holds the lease. */
export function shortestLeaseMs(timeoutMs: number): number {
  return CALLS_PER_DELIVERY * longestCallMs(timeoutMs) + LEASE_MARGIN_MS;
}
