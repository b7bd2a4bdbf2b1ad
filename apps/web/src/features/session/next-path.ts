/** Where to go after signing in: only a path on this site, never another origin (`//evil.example`). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/setup')) return '/';
  return next;
}

export function signInPath(from: { pathname: string; search: string; hash?: string }): string {
  const next = `${from.pathname}${from.search}${from.hash ?? ''}`;
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
