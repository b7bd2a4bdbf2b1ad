import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { formatQuantity, formatWhen, type Noun } from '../../lib/format';
import { CLICK_COOKIE } from '../install/examples';
import { useClearCrossSite, useCrossSite } from './hooks';
import './cross-site-notice.css';

const CLICK: Noun = { one: 'click', other: 'clicks' };

/**
 * Shown while Goalpost has recorded clicks from pages on another site than its own: there the browser
 * treats its SameSite=Lax cookie as a third-party one and drops it, so those visitors' sales can be
 * attributed only by a clickSessionID the shop keeps with the order.
 */
export function CrossSiteNotice() {
  const crossSite = useCrossSite();
  const clear = useClearCrossSite();
  const sites = crossSite.data?.sites ?? [];
  if (!crossSite.data?.seen || sites.length === 0) return null;
  const [latest] = sites;

  return (
    <aside className="banner banner-warn cross-site-notice" aria-label="Cross-site clicks">
      <strong>Clicks arrive from another site than Goalpost’s: the visitor’s click cookie is lost there</strong>
      <p>
        The last came from <code>{crossSite.data.lastOrigin}</code> ({formatWhen(crossSite.data.lastSeenAt)}), while Goalpost runs on{' '}
        <code>{latest.goalpostSite}</code>. Browsers do not send Goalpost’s <code>{CLICK_COOKIE}</code> cookie from a shop on another site, so a sale from there
        cannot be attributed by the cookie.
      </p>
      <ul aria-label="Sites seen">
        {sites.map((site) => (
          <li key={site.pageSite}>
            <code>{site.pageSite}</code>: {formatQuantity(site.clicks, CLICK)}, last {formatWhen(site.lastSeenAt)}
          </li>
        ))}
      </ul>
      <p>To fix it:</p>
      <ol>
        <li>
          Host Goalpost under the shop’s own domain, e.g. <code>track.{latest.pageSite}</code>, and use that address in the snippet.
        </li>
        <li>
          Set the cookie domain to <code>{latest.pageSite}</code> in <Link to="/settings">Settings</Link> (or <code>COOKIE_DOMAIN</code>).
        </li>
        <li>
          Meanwhile, keep the <code>clickSessionID</code> from the landing page’s address (or, once on the shop’s domain, the <code>{CLICK_COOKIE}</code>{' '}
          cookie) with the order, and send it with the sale.
        </li>
      </ol>
      <button type="button" className="button button-small" onClick={() => clear.mutate()} disabled={clear.isPending}>
        Clear these: Goalpost is on the shop’s site now
      </button>
      {clear.isError ? <p role="alert">{errorMessage(clear.error)}</p> : null}
    </aside>
  );
}
