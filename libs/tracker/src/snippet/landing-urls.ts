/**
 * Where a click may be read: the address the document was loaded from (a page script may have
 * replaceState'd the parameters away before this async snippet ran), then the address now.
 */
export function landingUrls(): string[] {
  const urls: string[] = [];
  try {
    const entry = performance.getEntriesByType('navigation')[0];
    if (entry && entry.name) urls.push(entry.name);
  } catch {
    // No Navigation Timing: the current address is all there is.
  }
  urls.push(location.href);
  return urls;
}
