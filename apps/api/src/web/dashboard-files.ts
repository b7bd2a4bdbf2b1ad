import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** URL prefixes the server answers itself; the dashboard's client-side routes never use them. */
export const SERVER_PREFIXES = ['/api', '/t', '/data', '/health', '/metrics'];

/** apps/web/dist as resolved through the workspace package, or null when the dashboard has not been built. */
export function locateDashboard(): string | null {
  let packageJson: string;
  try {
    packageJson = require.resolve('@goalpost/web/package.json');
  } catch {
    return null;
  }
  const dist = join(dirname(packageJson), 'dist');
  return existsSync(join(dist, 'index.html')) ? dist : null;
}

export function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Vite puts content-hashed bundles under /assets: they never change, so browsers may keep them for a year. */
export function cacheControlFor(filePath: string): string {
  const normalized = filePath.split('\\').join('/');
  if (normalized.endsWith('/index.html')) return 'no-cache';
  if (normalized.includes('/assets/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}
