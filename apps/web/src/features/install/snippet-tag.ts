/**
 * The tag merchants paste into every page. Mirrors libs/tracker/src/snippet-tag.ts, which cannot be bundled
 * for the browser (it also reads the snippet file from disk); snippet-tag.spec.ts keeps the two identical.
 */
export const TRACKER_PATH = '/t/goalpost.js';

/** Queues calls made before the async snippet arrives; the snippet replays them on load. */
export const INSTALL_STUB =
  'window.goalpost = window.goalpost || function(){(window.goalpost.q = window.goalpost.q || []).push(arguments)};';

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function snippetTag(baseUrl: string, opts: { consentRequired?: boolean } = {}): string {
  const src = escapeAttr(baseUrl.replace(/\/+$/, '') + TRACKER_PATH);
  const consent = opts.consentRequired ? ' data-consent="required"' : '';
  return `<script>${INSTALL_STUB}</script>\n<script async src="${src}"${consent}></script>`;
}
