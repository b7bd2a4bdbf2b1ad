import fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTrackerScript as readFromSource } from './tracker-script';

// The compiled module, so __dirname is dist/ as it is when the api serves the file.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's own loader runs dist/ as the api does, untouched by Vitest
const built = require('../dist/index.js') as typeof import('./index');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readTrackerScript', () => {
  it('returns the built snippet and reads it only once', () => {
    const script = built.readTrackerScript();
    expect(script).toBe(fs.readFileSync(join(__dirname, '..', 'dist', 'goalpost.min.js'), 'utf8'));
    expect(script).toContain('/t/clicks');

    const read = vi.spyOn(fs, 'readFileSync');
    expect(built.readTrackerScript()).toBe(script);
    expect(read).not.toHaveBeenCalled();
  });

  it('says to run the build when the file is missing', () => {
    // From source, __dirname is src/, where no bundle exists.
    expect(() => readFromSource()).toThrow(/goalpost\.min\.js: run the build/);
  });

  it('exposes the path the api serves it on', () => {
    expect(built.TRACKER_PATH).toBe('/t/goalpost.js');
  });
});
