import { useState } from 'react';
import { Dialog } from '../../../components/Dialog';
import { ErrorState, InlineError, Loading } from '../../../components/QueryStates';
import { formatCount, pluralOf } from '../../../lib/format';
import { isResendJobSettled, useResendJob, useResendPreview, useStartResendJob } from '../hooks';
import { toApiFilter, type DeliveryFilters } from '../url-filters';
import { describeFilters } from './describe-filters';
import { ForceOption } from './ForceOption';
import { ResendJobProgress } from './ResendJobProgress';

/** Confirm with the server's count, then follow the background job until Aflite has answered. */
interface ResendAllDialogProps {
  filters: DeliveryFilters;
  onClose: () => void;
  /** Opens straight on the progress of a job already running. */
  jobId?: number;
}

export function ResendAllDialog({ filters, onClose, jobId: runningJobId }: ResendAllDialogProps) {
  const [jobId, setJobId] = useState<number | null>(runningJobId ?? null);
  return jobId === null ? <ConfirmStep filters={filters} onClose={onClose} onStarted={setJobId} /> : <ProgressStep jobId={jobId} onClose={onClose} />;
}

function ConfirmStep({ filters, onClose, onStarted }: { filters: DeliveryFilters; onClose: () => void; onStarted: (id: number) => void }) {
  const [force, setForce] = useState(false);
  const preview = useResendPreview(filters);
  const start = useStartResendJob();
  const description = describeFilters(filters);
  const matching = preview.data?.matching ?? 0;

  return (
    <Dialog
      title="Re-send all matching deliveries"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!preview.isSuccess || matching === 0 || start.isPending}
            onClick={() => start.mutate({ filter: toApiFilter(filters), force }, { onSuccess: (job) => onStarted(job.id) })}
          >
            {start.isPending ? 'Starting…' : preview.isSuccess ? `Re-send ${formatCount(matching)}` : 'Re-send'}
          </button>
        </>
      }
    >
      <p>Live deliveries that failed or are still waiting, {description.length ? 'matching these filters:' : 'of any kind: no filters are set.'}</p>
      {description.length ? (
        <ul className="filter-summary">
          {description.map((part) => (
            <li key={part}>{part}</li>
          ))}
        </ul>
      ) : null}
      {preview.isPending ? <Loading label="Counting matching deliveries…" /> : null}
      {preview.isError ? <ErrorState error={preview.error} title="Could not count the matching deliveries" onRetry={() => preview.refetch()} /> : null}
      <p className="muted">Delivered, unattributed and test conversions are never re-sent.</p>
      {preview.isSuccess ? (
        <p className="resend-count" role="status">
          {matching === 0
            ? 'Nothing matches: there is nothing to re-send.'
            : `${formatCount(matching)} ${pluralOf(matching, { one: 'delivery matches', other: 'deliveries match' })}.`}
        </p>
      ) : null}
      <ForceOption checked={force} onChange={setForce} />
      <InlineError error={start.error} />
    </Dialog>
  );
}

function ProgressStep({ jobId, onClose }: { jobId: number; onClose: () => void }) {
  const job = useResendJob(jobId);
  const settled = job.data ? isResendJobSettled(job.data) : false;
  return (
    <Dialog
      title={settled ? 'Re-send finished' : 'Re-sending deliveries'}
      onClose={onClose}
      footer={
        <button type="button" className="button button-primary" onClick={onClose}>
          {settled ? 'Done' : 'Close (the job carries on)'}
        </button>
      }
    >
      {job.isPending ? <Loading label="Starting…" /> : null}
      {job.isError ? <ErrorState error={job.error} title="Could not read the job's progress" onRetry={() => job.refetch()} /> : null}
      {job.data ? <ResendJobProgress job={job.data} /> : null}
    </Dialog>
  );
}
