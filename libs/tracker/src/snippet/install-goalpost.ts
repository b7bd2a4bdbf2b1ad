import { clickAt, URL_LIMIT } from './click-params';
import { debug } from './debug';
import { landingUrls } from './landing-urls';
import { loadPending, storePending } from './pending-clicks';
import { isWorthRetrying, postJson } from './post-json';
import type { Click, GoalInput, Goalpost, SnippetConfig } from './types';
import { URL_CHANGED, watchHistory } from './watch-history';

/** Waits before each retry of a click post on the page; a click still unsent after them waits for the visit's next page. */
const CLICK_RETRY_DELAYS_MS = [1_000, 5_000, 20_000];

async function sendGoal(base: string, input: unknown): Promise<unknown> {
  const g = (input || {}) as Partial<GoalInput>;
  if (!g.goal || !g.mref) throw new Error('goal and mref are required');
  return postJson(base + '/t/goals', {
    goal: String(g.goal),
    mref: String(g.mref),
    value: g.value,
    traceOnly: g.traceOnly,
  });
}

/** Replaces the queue stub with the real `goalpost` function and replays what was queued. */
export function installGoalpost(config: SnippetConfig): void {
  const existing = window.goalpost;
  // A second copy of the tag on the page must not capture the click twice.
  if (existing && (existing as Goalpost).loaded) return;
  const queue = (existing && (existing as { q?: ArrayLike<unknown>[] }).q) || [];

  // true, false, or undefined while the visitor has not answered (consent mode).
  let consent: boolean | undefined = config.consentRequired ? undefined : true;
  let replaying = true;
  // Clicks waiting for consent, with the URL each landed on, kept across the visit's pages (see pending-clicks).
  let pending = loadPending();
  // Each click is sent at most once from a page, however often its address comes back.
  const seen: Record<string, 1> = {};
  for (const click of pending) seen[click.clickSessionID] = 1;
  const warned: Record<string, 1> = {};
  // Clicks whose post failed in a way worth retrying: retried on this page, and kept for the visit's next one.
  let unsent: Click[] = [];

  function capture(href: string): void {
    const click = clickAt(href);
    if (!click || seen[click.clickSessionID]) return;
    seen[click.clickSessionID] = 1;
    click.referrer = document.referrer.slice(0, URL_LIMIT) || undefined;
    pending.push(click);
  }

  /** What the visit's next page must still send: clicks waiting for consent, or clicks whose post has not succeeded yet. */
  function persist(): void {
    storePending(consent === undefined ? pending : consent ? unsent : []);
  }

  /**
   * Posts one click; a post that got no answer, a 429 or a 5xx is tried again on this page, and stays stored
   * for the next page until it succeeds (the server keeps one click per clickSessionID: a repeat whose first
   * answer was lost only bumps its hit count). A refusal of the click itself (4xx) is final.
   */
  function send(click: Click, retry: number): void {
    postJson(config.base + '/t/clicks', click).then(
      () => forget(click),
      (err: unknown) => {
        debug(err);
        if (!isWorthRetrying(err)) return forget(click);
        if (!unsent.includes(click)) unsent.push(click);
        persist();
        const delay = CLICK_RETRY_DELAYS_MS[retry];
        if (delay) setTimeout(() => consent && unsent.includes(click) && send(click, retry + 1), delay);
      },
    );
  }

  function forget(click: Click): void {
    unsent = unsent.filter((c) => c !== click);
    persist();
  }

  /** Sends what is pending once consent allows; until then keeps it for the visit, and after a refusal keeps it on this page only. */
  function settle(): void {
    if (replaying) return;
    if (consent) {
      const clicks = pending;
      pending = [];
      for (const click of clicks) send(click, 0);
    } else if (consent === false) {
      unsent = [];
    }
    persist();
  }

  const goalpost = function (command: string, arg?: unknown): Promise<unknown> | undefined {
    try {
      if (command === 'consent') {
        consent = arg === true;
        settle();
      } else if (command === 'goal') {
        // Allowed before consent: a goal is the merchant's own record of its sale, and the server
        // attributes it only through a click cookie that consent gated in the first place.
        const result = sendGoal(config.base, arg);
        // Handled here so an ignored promise is not an unhandled rejection; callers still see it reject.
        result.catch(debug);
        return result;
      } else if (!warned[command]) {
        warned[command] = 1;
        console.warn('[goalpost] unknown command: ' + command);
      }
    } catch (err) {
      debug(err);
    }
    return undefined;
  } as Goalpost;
  goalpost.loaded = true;
  window.goalpost = goalpost;

  // Queued commands run before the click is sent so a queued consent(false) is honoured.
  for (let i = 0; i < queue.length; i++) {
    goalpost(...(queue[i] as [string, unknown]));
  }
  replaying = false;
  for (const href of landingUrls()) capture(href);
  settle();

  const onAddressChange = () => {
    // Only the installed copy listens: a replaced one (a test re-installing) stays quiet.
    if (window.goalpost !== goalpost) return;
    try {
      capture(location.href);
      settle();
    } catch (err) {
      debug(err);
    }
  };
  watchHistory();
  addEventListener(URL_CHANGED, onAddressChange);
  addEventListener('popstate', onAddressChange);
  addEventListener('hashchange', onAddressChange);
}
