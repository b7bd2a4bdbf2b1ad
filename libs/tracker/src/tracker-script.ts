import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the api serves the snippet; the snippet derives the Goalpost base URL by stripping it. */
export const TRACKER_PATH = '/t/goalpost.js';

/** Sits next to the compiled index.js in dist/. */
export const TRACKER_FILE = 'goalpost.min.js';

let cached: string | undefined;

/** The minified snippet, read once: it is served on every affiliate landing. */
export function readTrackerScript(): string {
  if (cached === undefined) {
    const file = join(__dirname, TRACKER_FILE);
    try {
      cached = readFileSync(file, 'utf8');
    } catch (err) {
      throw new Error(`Goalpost tracker snippet not found at ${file}: run the build (npx nx run @goalpost/tracker:build)`, {
        cause: err,
      });
    }
  }
  return cached;
}
