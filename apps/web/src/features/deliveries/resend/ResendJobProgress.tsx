import type { ResendJobResponse } from '@goalpost/contracts';
import { formatCount, formatTime } from '../../../lib/format';
import { isResendJobSettled } from '../hooks';

/** Queueing first (queued of total), then what Aflite made of the queued ones. */
export function ResendJobProgress({ job }: { job: ResendJobResponse }) {
  const settled = isResendJobSettled(job);
  const answered = job.delivered + job.failed;
  const total = Math.max(job.total, 1);
  const progress = job.state === 'running' ? job.queued / total : answered / Math.max(job.queued, 1);
  const percent = Math.round(Math.min(progress, 1) * 100);

  return (
    <div className="job-progress">
      <p role="status" aria-live="polite">
        {job.state === 'failed'
          ? `The job stopped: ${job.error ?? 'unknown error'}.`
          : job.state === 'running'
            ? `Putting deliveries back in the queue: ${formatCount(job.queued)} of ${formatCount(job.total)}.`
            : settled
              ? `Finished at ${formatTime(job.finishedAt)}: ${formatCount(job.delivered)} delivered, ${formatCount(job.failed)} failed.`
              : `All ${formatCount(job.queued)} queued. Waiting for Aflite on ${formatCount(job.pending)}…`}
      </p>
      <progress className="progress" max={100} value={percent} aria-label={job.state === 'running' ? 'Queued so far' : 'Answered by Aflite so far'}>
        {percent}%
      </progress>
      <dl className="stat-row">
        <div>
          <dt>Matching</dt>
          <dd>{formatCount(job.total)}</dd>
        </div>
        <div>
          <dt>Queued</dt>
          <dd>{formatCount(job.queued)}</dd>
        </div>
        <div>
          <dt>Delivered</dt>
          <dd className="text-good">{formatCount(job.delivered)}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd className={job.failed ? 'text-bad' : undefined}>{formatCount(job.failed)}</dd>
        </div>
        <div>
          <dt>Pending</dt>
          <dd>{formatCount(job.pending)}</dd>
        </div>
      </dl>
    </div>
  );
}
