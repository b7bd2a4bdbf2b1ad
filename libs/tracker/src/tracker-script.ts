import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { TRACKER_PATH } from './snippet-tag';

export { TRACKER_PATH };

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
