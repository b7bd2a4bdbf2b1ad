import { readClick } from './click-params';
import { debug } from './debug';
import { postJson } from './post-json';
import type { GoalInput, Goalpost, SnippetConfig } from './types';

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

  let consent = !config.consentRequired;
  let replaying = true;
  // Held in memory only, with the URL as it was on landing: consent may come after SPA navigation.
  let pending = readClick(location.search, location.hash);
  if (pending) {
    pending.landingUrl = location.href;
    pending.referrer = document.referrer || undefined;
  }
  const warned: Record<string, 1> = {};

  function sendClick(): void {
    if (replaying || !consent || !pending) return;
    const click = pending;
    pending = null;
    postJson(config.base + '/t/clicks', click).catch(debug);
  }

  const goalpost = function (command: string, arg?: unknown): Promise<unknown> | undefined {
    try {
      if (command === 'consent') {
        consent = arg === true;
        sendClick();
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
  sendClick();
}
