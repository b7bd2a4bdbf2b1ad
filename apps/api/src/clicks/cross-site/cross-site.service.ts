import { Injectable, Logger } from '@nestjs/common';
import type { CrossSiteHealth, CrossSiteSighting } from '@goalpost/contracts';
import type { EntityManager } from 'typeorm';
import { crossSitePage, type CrossSitePage } from './cross-site';
import { CrossSiteClicksRepository } from './cross-site-clicks.repository';

/** Each instance writes a site's count at most this often: a cross-site deployment must not double every click's writes. */
const WRITE_EVERY_MS = 60_000;
/** Sites kept in the database, and in this instance's memory before it starts over. */
const MAX_SITES = 50;
const MAX_SITES_IN_MEMORY = 1_000;
const SHOWN_SITES = 10;

interface Unwritten {
  page: CrossSitePage;
  clicks: number;
  firstAt: number;
  at: number;
  writtenAt: number;
}

/** Notices clicks from pages Goalpost's cookie cannot reach (cross-site.ts), for the dashboard and /health. */
@Injectable()
export class CrossSiteService {
  private readonly logger = new Logger(CrossSiteService.name);
  private readonly seen = new Map<string, Unwritten>();

  constructor(private readonly sightings: CrossSiteClicksRepository) {}

  /**
   * Counts a recorded click whose page is on another site than `goalpostHost` (or COOKIE_DOMAIN). Never
   * throws: it is a diagnosis, and the click it is about is committed already.
   */
  async note(pageUrl: string | undefined, goalpostHost: string, cookieDomain: string | null): Promise<void> {
    const page = crossSitePage(pageUrl, goalpostHost, cookieDomain);
    if (!page) return;
    const now = Date.now();
    if (this.seen.size >= MAX_SITES_IN_MEMORY && !this.seen.has(page.site)) this.seen.clear();
    const entry = this.seen.get(page.site) ?? { page, clicks: 0, firstAt: now, at: now, writtenAt: 0 };
    Object.assign(entry, { page, at: now, clicks: entry.clicks + 1 });
    this.seen.set(page.site, entry);
    if (now - entry.writtenAt < WRITE_EVERY_MS) return;

    const clicks = entry.clicks;
    entry.clicks = 0;
    entry.writtenAt = now;
    try {
      await this.sightings.add({ pageSite: page.site, goalpostSite: page.goalpostSite, lastOrigin: page.origin.slice(0, 512), clicks, at: now }, MAX_SITES);
    } catch (error) {
      // Counted again with the next click from that site.
      entry.clicks += clicks;
      entry.writtenAt = 0;
      this.logger.warn(`A cross-site click from ${page.origin} was not counted: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** What every instance has written. */
  async report(): Promise<CrossSiteHealth> {
    const rows = await this.sightings.latest(SHOWN_SITES);
    return summary(
      rows.map((row) => ({
        pageSite: row.pageSite,
        goalpostSite: row.goalpostSite,
        lastOrigin: row.lastOrigin,
        clicks: row.clicks,
        firstSeenAt: new Date(row.firstSeenAt).toISOString(),
        lastSeenAt: new Date(row.lastSeenAt).toISOString(),
      })),
    );
  }

  /** What this instance has seen since it started (or was last cleared), for when the database does not answer. */
  reportFromMemory(): CrossSiteHealth {
    const entries = [...this.seen.values()].sort((a, b) => b.at - a.at).slice(0, SHOWN_SITES);
    return summary(
      entries.map(({ page, clicks, firstAt, at }) => ({
        pageSite: page.site,
        goalpostSite: page.goalpostSite,
        lastOrigin: page.origin,
        clicks,
        firstSeenAt: new Date(firstAt).toISOString(),
        lastSeenAt: new Date(at).toISOString(),
      })),
    );
  }

  /** Forgets every sighting (once the deployment is fixed). Other instances' memory is read only while the database does not answer. */
  async clear(alongside?: (manager: EntityManager) => Promise<void>): Promise<void> {
    await this.sightings.clear(alongside);
    this.seen.clear();
  }
}

function summary(sites: CrossSiteSighting[]): CrossSiteHealth {
  const [latest] = sites;
  return { seen: sites.length > 0, lastOrigin: latest?.lastOrigin ?? null, lastSeenAt: latest?.lastSeenAt ?? null, sites };
}
