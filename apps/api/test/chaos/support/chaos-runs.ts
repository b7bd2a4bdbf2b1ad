/**
 * How many times the chaos tests that hinge on chance (a flaky upstream) repeat. `npm test` runs each once;
 * CI sets GOALPOST_CHAOS_RUNS to repeat them, since a race shows itself in some runs and not others.
 */
export const CHAOS_RUNS = readRuns(process.env.GOALPOST_CHAOS_RUNS);

function readRuns(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error(`GOALPOST_CHAOS_RUNS: must be an integer from 1 to 50, got ${raw}`);
  return runs;
}
