import type { DeliveryHold } from '@goalpost/contracts';
import { Link } from 'react-router';
import { holdExplanation, holdLabel } from './hold';

/** In the list's status cell: the label alone. */
export function HoldNote({ hold }: { hold: DeliveryHold }) {
  return <span className={`cell-note hold-note hold-${hold.reason}`}>{holdLabel(hold)}</span>;
}

/** On the detail page: the label, what happens next, and where to fix it when the merchant can. */
export function HoldBanner({ hold }: { hold: DeliveryHold }) {
  return (
    <div className={`banner ${hold.reason === 'retry-wait' ? 'banner-info' : 'banner-warn'} hold-banner`} role="status">
      <p>
        <strong>{holdLabel(hold)}</strong>
      </p>
      <p>
        {holdExplanation(hold)}
        {hold.reason === 'not-configured' ? (
          <>
            {' '}
            <Link to="/settings">Open Settings</Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
