import type { OverviewResponse } from '@goalpost/contracts';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatDayMonth, formatPercent, formatTime } from '../../lib/format';

type OverviewChartsProps = Pick<OverviewResponse, 'series' | 'bucket' | 'timeZone'>;

const COLOURS = { delivered: '#2f7d4f', failed: '#b33a3a', pending: '#8a93a0', rate: '#1f5f8b', grid: '#e3e7ec', axis: '#5b6573' };

/** Conversions per bucket (split by what happened to them) and the delivery success rate. */
export default function OverviewCharts({ series, bucket, timeZone }: OverviewChartsProps) {
  const label = (at: string) => (bucket === 'hour' ? formatTime(at) : formatDayMonth(at, timeZone));
  const data = series.map((point) => ({
    ...point,
    label: label(point.at),
    other: Math.max(point.conversions - point.delivered - point.failed, 0),
    ratePercent: point.successRate === null ? null : Math.round(point.successRate * 1000) / 10,
  }));
  const total = series.reduce((sum, point) => sum + point.conversions, 0);
  const rated = series.filter((point) => point.successRate !== null);
  const axis = { fontSize: 12, fill: COLOURS.axis };

  return (
    <div className="chart-grid">
      <figure className="panel chart">
        <figcaption>
          <h2>Conversions</h2>
          <p className="muted">{formatCount(total)} in this period: delivered, failed and not (yet) sent</p>
        </figcaption>
        <div role="img" aria-label={`Bar chart of conversions over time, ${formatCount(total)} in total`}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={COLOURS.grid} vertical={false} />
              <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={false} minTickGap={16} />
              <YAxis allowDecimals={false} tick={axis} tickLine={false} axisLine={false} />
              <Tooltip formatter={(value) => formatCount(Number(value))} />
              <Bar dataKey="delivered" name="Delivered" stackId="c" fill={COLOURS.delivered} />
              <Bar dataKey="failed" name="Failed" stackId="c" fill={COLOURS.failed} />
              <Bar dataKey="other" name="Not sent yet or unattributed" stackId="c" fill={COLOURS.pending} radius={[3, 3, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <ul className="chart-legend" aria-label="Colours">
          <li>
            <span className="chart-swatch" style={{ background: COLOURS.delivered }} aria-hidden="true" />
            Delivered
          </li>
          <li>
            <span className="chart-swatch" style={{ background: COLOURS.failed }} aria-hidden="true" />
            Failed
          </li>
          <li>
            <span className="chart-swatch" style={{ background: COLOURS.pending }} aria-hidden="true" />
            Not sent yet or unattributed
          </li>
        </ul>
      </figure>
      <figure className="panel chart">
        <figcaption>
          <h2>Delivery success rate</h2>
          <p className="muted">Delivered out of delivered plus failed{rated.length ? '' : ' — nothing was sent in this period'}</p>
        </figcaption>
        <div role="img" aria-label="Line chart of the delivery success rate over time">
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={COLOURS.grid} vertical={false} />
              <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={false} minTickGap={16} />
              <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} tick={axis} tickLine={false} axisLine={false} />
              <Tooltip formatter={(value) => formatPercent(Number(value) / 100)} />
              <Line
                type="monotone"
                dataKey="ratePercent"
                name="Success rate"
                stroke={COLOURS.rate}
                strokeWidth={2}
                // A lone day with sends has no line to draw: its dot is the only mark.
                dot={rated.length <= 31 ? { r: 3, fill: COLOURS.rate } : false}
                connectNulls
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
