// Browser-safe (no Node imports): the dashboard's install guide bundles this file as it is.

/** Where the api serves the snippet; the snippet derives the Goalpost base URL by stripping it. */
export const TRACKER_PATH = '/t/goalpost.js';

/** Queues calls made before the async snippet arrives; the snippet replays them on load. */
export const INSTALL_STUB = 'window.goalpost = window.goalpost || function(){(window.goalpost.q = window.goalpost.q || []).push(arguments)};';

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML merchants paste into every page, as shown in the install guide. */
export function snippetTag(baseUrl: string, opts: { consentRequired?: boolean } = {}): string {
  const src = escapeAttr(baseUrl.replace(/\/+$/, '') + TRACKER_PATH);
  const consent = opts.consentRequired ? ' data-consent="required"' : '';
  return `<script>${INSTALL_STUB}</script>\n<script async src="${src}"${consent}></script>`;
}
