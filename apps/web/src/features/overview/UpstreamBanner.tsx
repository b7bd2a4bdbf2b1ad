import type { UpstreamHealth } from '@goalpost/contracts';
import { Link } from 'react-router';
import { DELIVERY, formatQuantity, formatWhen } from '../../lib/format';

/** Shown only while Goalpost is holding deliveries because Aflite is not answering. */
export function UpstreamBanner({ upstream }: { upstream: UpstreamHealth }) {
  if (upstream.circuit === 'closed') return null;
  const held = `${formatQuantity(upstream.held, DELIVERY)} held`;
  const since = upstream.since ? ` since ${formatWhen(upstream.since)}` : '';
  return (
    <div className="banner banner-bad" role="alert">
      <strong>
        Aflite unreachable{since} — {held}
      </strong>
      <p>
        {upstream.circuit === 'half-open'
          ? 'Goalpost is trying one delivery to see whether Aflite is back.'
          : 'Goalpost has paused sending and will try again automatically; nothing is lost.'}
        {upstream.lastError ? ` Last error: ${upstream.lastError.replace(/\.$/, '')}.` : ''}{' '}
        {upstream.held ? <Link to="/deliveries?status=pending">See the held deliveries</Link> : null}
      </p>
    </div>
  );
}
