import { formatDateTimeWithZone, formatDayAndTimeWithZone } from '../lib/format';

/** A moment with its weekday and zone for a table cell: the day above the time, each kept whole. */
export function StackedDateTime({ iso }: { iso: string }) {
  const parts = formatDayAndTimeWithZone(iso);
  if (!parts) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} className="stacked-time" title={formatDateTimeWithZone(iso, { seconds: true })}>
      <span>{parts.day}</span> <span>{parts.time}</span>
    </time>
  );
}
