import { useState } from 'react';
import { CLICK_SESSION_PARAM, CLICK_SOURCE_PARAM, CLICK_SOURCE_VALUE } from '@goalpost/aflite/constants';
import { ErrorState } from '../../components/QueryStates';
import { formatTime } from '../../lib/format';
import { useRecentClicks, WATCH_INTERVAL_MS } from './hooks';

/** Clicks from a little before the panel opened, so a test link opened just beforehand still shows. */
const LOOK_BACK_MS = 5 * 60_000;

export const landingTestUrl = (site: string) =>
  `${site.replace(/\/+$/, '')}/any-page?${CLICK_SOURCE_PARAM}=${CLICK_SOURCE_VALUE}&${CLICK_SESSION_PARAM}=TEST123`;

export function WatchClicksPanel({ onUseClick }: { onUseClick: (clickSessionID: string) => void }) {
  const [since, setSince] = useState<string | null>(null);
  const watching = since !== null;
  const recent = useRecentClicks(since);

  return (
    <section className="panel" aria-labelledby="watch-heading">
      <div className="panel-header">
        <h2 id="watch-heading">Watch for clicks</h2>
        {/* A toggle keeps its name; aria-pressed (and the lit dot) says whether it is on. */}
        <button
          type="button"
          className="button button-toggle"
          aria-pressed={watching}
          onClick={() => setSince(watching ? null : new Date(Date.now() - LOOK_BACK_MS).toISOString())}
        >
          <span className="toggle-dot" aria-hidden="true" />
          Watch for clicks
        </button>
      </div>
      <p>
        Open any page of your site with Aflite&rsquo;s parameters added, for example <code className="cell-break">{landingTestUrl('https://your-site')}</code>.
        With the snippet installed, the click appears here within a couple of seconds.
      </p>
      {watching ? (
        <>
          <p className="muted" role="status">
            Watching: checking every {WATCH_INTERVAL_MS / 1000} seconds for clicks since {formatTime(since)}.
          </p>
          {recent.isError ? <ErrorState error={recent.error} title="Could not check for clicks" /> : null}
          {recent.data && recent.data.items.length === 0 ? <p className="muted">No clicks yet.</p> : null}
          {recent.data && recent.data.items.length ? (
            <ul className="click-feed" aria-label="Clicks seen">
              {recent.data.items.map((click) => (
                <li key={click.id}>
                  <div className="click-feed-item">
                    <span className="cell-mono">{click.clickSessionID}</span> <span className="muted">at {formatTime(click.lastSeenAt)}</span>
                    <div className="muted text-ellipsis" title={click.landingUrl ?? undefined}>
                      {click.landingUrl ?? 'landing page unknown'}
                    </div>
                  </div>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => onUseClick(click.clickSessionID)}
                    aria-label={`Use click ${click.clickSessionID}`}
                  >
                    Use this click
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
