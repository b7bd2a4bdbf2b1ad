import type { AttemptOutcome, ConversionStatus } from '@goalpost/contracts';
import type { ReactNode } from 'react';

export type BadgeTone = 'good' | 'bad' | 'warn' | 'info' | 'neutral';

interface BadgeProps {
  tone: BadgeTone;
  children: ReactNode;
  title?: string;
  /**
   * What the badge tells, e.g. "Status": read out before the value ("Status: Delivered") where the colour and the
   * position are all that say what it is. Left out in a column that already has a header.
   */
  label?: string;
}

export function Badge({ tone, children, title, label }: BadgeProps) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {label ? <span className="visually-hidden">{label}: </span> : null}
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

export function StatusBadge({ status, label }: { status: ConversionStatus; label?: string }) {
  return (
    <Badge tone={STATUS_TONE[status]} title={STATUS_HELP[status]} label={label}>
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
  'in-flight': { label: 'In flight', tone: 'info' },
  interrupted: { label: 'Interrupted', tone: 'warn' },
};

export function OutcomeBadge({ outcome, label }: { outcome: AttemptOutcome; label?: string }) {
  const { label: text, tone } = OUTCOME[outcome];
  return (
    <Badge tone={tone} label={label}>
      {text}
    </Badge>
  );
}

export function KindBadge({ test }: { test: boolean }) {
  return test ? <Badge tone="info">Test</Badge> : <Badge tone="neutral">Live</Badge>;
}
