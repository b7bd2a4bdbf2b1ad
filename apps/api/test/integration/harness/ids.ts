import { randomBytes } from 'node:crypto';

/** Unique per call, so tests sharing one database and sandbox never see each other's mrefs or clicks. */
export function uid(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}
