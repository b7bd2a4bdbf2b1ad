import type { SnippetConfig } from './types';

const TRACKER_SUFFIX = '/t/goalpost.js';

const isTrackerSrc = (src: string) => src.split(/[?#]/)[0].slice(-TRACKER_SUFFIX.length) === TRACKER_SUFFIX;

/** `currentScript` is null when the tag was injected late or by a tag manager, hence the scan. */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript as HTMLScriptElement | null;
  if (current && current.src) return current;
  const scripts = doc.scripts;
  for (let i = scripts.length; i--;) {
    if (isTrackerSrc(scripts[i].src)) return scripts[i];
  }
  return null;
}

/** Without a usable script tag the snippet falls back to the page's origin (a same-host reverse proxy). */
export function readConfig(script: HTMLScriptElement | null, pageUrl: string): SnippetConfig {
  const data: DOMStringMap = (script && script.dataset) || {};
  const src = (script && script.src) || '';
  let base = '';
  try {
    if (data.endpoint) {
      base = new URL(data.endpoint, pageUrl).href;
    } else if (src) {
      const url = new URL(src, pageUrl);
      base = url.origin + (isTrackerSrc(src) ? url.pathname.slice(0, -TRACKER_SUFFIX.length) : '');
    }
  } catch {
    // An unparsable endpoint leaves the same-origin fallback.
  }
  return { base: base.replace(/\/+$/, ''), consentRequired: data.consent === 'required' };
}
