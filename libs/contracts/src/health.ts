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

/** One site whose pages sent clicks that Goalpost's first-party cookie cannot reach. */
export interface CrossSiteSighting {
  /** The page's site (registrable domain), e.g. `shop.example`. */
  pageSite: string;
  /** Goalpost's site as those pages saw it (and the cookie domain, when that is of another site). */
  goalpostSite: string;
  /** The last such page's origin: scheme, host and port only. */
  lastOrigin: string;
  /** Clicks counted (each instance adds its count at most once a minute). */
  clicks: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/**
 * Clicks recorded from pages on another site than Goalpost's (Origin or Referer of the snippet and pixel,
 * the `to` of a redirect link). There the browser treats Goalpost's SameSite=Lax cookie as a third-party
 * one: the visitor's later calls from the shop arrive without it, so only a clickSessionID kept with the
 * order can attribute the sale.
 */
export interface CrossSiteHealth {
  seen: boolean;
  lastOrigin: string | null;
  lastSeenAt: string | null;
  /** The sites seen, most recent first (at most 10). */
  sites: CrossSiteSighting[];
}

export interface TrackingHealth {
  crossSite: CrossSiteHealth;
}

export interface HealthResponse {
  status: 'ok' | 'degraded' | 'down';
  /** `writable` is false from a write that failed for lack of space or connection until a probe write commits. */
  database: { ok: boolean; dialect: 'sqlite' | 'postgres'; writable: boolean; error?: string };
  worker: { running: boolean; lastTickAt: string | null; pending: number };
  upstream: UpstreamHealth;
  /** What click capture has noticed about the deployment; from this instance's memory while the database does not answer. */
  tracking: TrackingHealth;
  version: string;
}
