import { assertBuilt } from './harness/build-output';
import { POSTGRES_SKIPPED, POSTGRES_URL } from './harness/test-database';

/** Runs once per vitest run: a missing build fails at once, and a skipped PostgreSQL run is said once. */
export default function setup(): void {
  assertBuilt();
  if (!POSTGRES_URL) console.warn(POSTGRES_SKIPPED);
}
