import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { LEASE_OWNER_LENGTH } from './delivery.entity';

/**
 * Who holds a delivery's lease: `host:pid:random`, readable in the database when an instance dies
 * holding leases. The host part is cut so the whole always fits the column; a pod name can be longer
 * than the column, and PostgreSQL refuses an over-long value (every claim would fail), while the pid and
 * the random part are what keep two instances apart.
 */
export function leaseOwnerId(host: string = hostname(), pid: number = process.pid, random: string = randomBytes(3).toString('hex')): string {
  const tail = `:${pid}:${random}`;
  return `${host.slice(0, Math.max(0, LEASE_OWNER_LENGTH - tail.length))}${tail}`;
}
