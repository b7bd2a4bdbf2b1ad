import type { AttemptOutcome, ConversionStatus } from '@goalpost/contracts';
import type { ReactNode } from 'react';

export type BadgeTone = 'good' | 'bad' | 'warn' | 'info' | 'neutral';

export function Badge({ tone, children, title }: { tone: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

export const STATUS_LABEL: Record<ConversionStatus, string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
  unattributed: 'Unattributed',
};

const STATUS_TONE: Record<ConversionStatus, BadgeTone> = {
  pending: 'warn',
  delivered: 'good',
  failed: 'bad',
  unattributed: 'neutral',
};

const STATUS_HELP: Record<ConversionStatus, string> = {
  pending: 'Waiting to be sent to Aflite, or held while Aflite is unreachable',
  delivered: 'Aflite accepted it',
  failed: 'Aflite refused it or every attempt failed',
  unattributed: 'No Aflite click was found, so it was recorded but not sent',
};

export function StatusBadge({ status }: { status: ConversionStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} title={STATUS_HELP[status]}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

const OUTCOME: Record<AttemptOutcome, { label: string; tone: BadgeTone }> = {
  delivered: { label: 'Delivered', tone: 'good' },
  retry: { label: 'Will retry', tone: 'warn' },
  failed: { label: 'Failed', tone: 'bad' },
  ambiguous: { label: 'No answer', tone: 'warn' },
  reconciled: { label: 'Already at Aflite', tone: 'good' },
  'not-found': { label: 'Not at Aflite', tone: 'info' },
  'in-flight': { label: 'Interrupted', tone: 'neutral' },
};

export function OutcomeBadge({ outcome }: { outcome: AttemptOutcome }) {
  const { label, tone } = OUTCOME[outcome];
  return <Badge tone={tone}>{label}</Badge>;
}

export function KindBadge({ test }: { test: boolean }) {
  return test ? <Badge tone="info">Test</Badge> : <Badge tone="neutral">Live</Badge>;
}
