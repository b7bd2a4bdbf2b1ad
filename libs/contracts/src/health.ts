export type CircuitState = 'closed' | 'open' | 'half-open';

export interface UpstreamHealth {
  circuit: CircuitState;
  /** When the circuit last opened (ISO), while it is not closed. */
  since: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  /** Deliveries waiting while the circuit is not closed. */
  held: number;
}

export interface HealthResponse {
  status: 'ok' | 'degraded' | 'down';
  /** `writable` is false from a write that failed for lack of space or connection until a probe write commits. */
  database: { ok: boolean; dialect: 'sqlite' | 'postgres'; writable: boolean; error?: string };
  worker: { running: boolean; lastTickAt: string | null; pending: number };
  upstream: UpstreamHealth;
  version: string;
}
