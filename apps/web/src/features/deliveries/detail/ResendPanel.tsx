import { useState } from 'react';
import { InlineError } from '../../../components/QueryStates';
import { useResendDeliveries } from '../hooks';
import { ForceOption } from '../resend/ForceOption';

interface ResendPanelProps {
  id: number;
  watching: boolean;
  onQueued: () => void;
}

export function ResendPanel({ id, watching, onQueued }: ResendPanelProps) {
  const [force, setForce] = useState(false);
  const resend = useResendDeliveries();
  return (
    <section className="panel" aria-labelledby="resend-heading">
      <h2 id="resend-heading">Re-send to Aflite</h2>
      <p>Puts this conversion back in the delivery queue. Goalpost checks with Aflite first so it is never counted twice.</p>
      <ForceOption checked={force} onChange={setForce} />
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={resend.isPending || watching}
          onClick={() => resend.mutate({ ids: [id], force }, { onSuccess: onQueued })}
        >
          {resend.isPending ? 'Re-sending…' : 'Re-send'}
        </button>
        {watching ? (
          <span role="status" className="muted">
            Queued: waiting for Aflite&rsquo;s answer…
          </span>
        ) : null}
      </div>
      <InlineError error={resend.error} />
    </section>
  );
}
