import { useState } from 'react';
import { Dialog } from '../../../components/Dialog';
import { InlineError } from '../../../components/QueryStates';
import { DELIVERY, formatCount, formatQuantity } from '../../../lib/format';
import { useResendDeliveries } from '../hooks';
import { ForceOption } from './ForceOption';

interface ResendSelectedDialogProps {
  ids: number[];
  onClose: () => void;
  onDone: () => void;
}

export function ResendSelectedDialog({ ids, onClose, onDone }: ResendSelectedDialogProps) {
  const [force, setForce] = useState(false);
  const resend = useResendDeliveries();
  const count = formatCount(ids.length);

  return (
    <Dialog
      title={`Re-send ${formatQuantity(ids.length, DELIVERY)}`}
      onClose={onClose}
      footer={
        resend.isSuccess ? (
          <button type="button" className="button button-primary" onClick={onDone}>
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={resend.isPending} onClick={() => resend.mutate({ ids, force })}>
              {resend.isPending ? 'Re-sending…' : `Re-send ${count}`}
            </button>
          </>
        )
      }
    >
      {resend.isSuccess ? (
        <p role="status">
          {formatCount(resend.data.queued)} of {count} queued for delivery. Their status updates here as Aflite answers.
        </p>
      ) : (
        <>
          <p>The selected conversions go back in the delivery queue and are sent to Aflite within a few seconds.</p>
          <ForceOption checked={force} onChange={setForce} />
          <InlineError error={resend.error} />
        </>
      )}
    </Dialog>
  );
}
