/** The host page is not ours: failures are logged quietly, never thrown. */
export function debug(err: unknown): void {
  console.debug('[goalpost]', err);
}
