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
  database: { ok: boolean; dialect: 'sqlite' | 'postgres'; error?: string };
  worker: { running: boolean; lastTickAt: string | null; pending: number };
  upstream: UpstreamHealth;
  version: string;
}
