import type { FastifyInstance } from 'fastify';
import type { FaultSpec } from '../faults';
import type { RecordedGoal, SandboxReport, SandboxState } from '../state';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);

const STYLE = `body{font:14px system-ui,sans-serif;margin:2rem;color:#1d2433}
table{border-collapse:collapse;margin-bottom:1.5rem}th,td{border:1px solid #d0d5dd;padding:.3rem .6rem;text-align:left}
th{background:#f2f4f7}.dup{color:#b42318;font-weight:600}.fault{background:#fff4e5;padding:.5rem;border:1px solid #f79009}
.muted{color:#667085}`;

function goalsTable(goals: RecordedGoal[], perMref: Record<string, number>, emptyText: string): string {
  if (goals.length === 0) return `<p class="muted">${esc(emptyText)}</p>`;
  const rows = goals.map((g) => {
    const times = perMref[g.mref] ?? 0;
    const dup = times > 1 ? ` <span class="dup">×${times} (duplicate)</span>` : '';
    return (
      `<tr><td>${esc(g.receivedAt)}</td><td>${esc(g.mref)}${dup}</td><td>${esc(g.goalId)}</td>` +
      `<td>${esc(g.value)}</td><td>${esc(g.clickSessionId)}</td><td>${esc(g.method)}</td></tr>`
    );
  });
  return '<table><tr><th>received</th><th>mref</th><th>goal</th><th>value</th><th>clickSessionID</th><th>method</th></tr>' + `${rows.join('')}</table>`;
}

function faultBlock(fault: FaultSpec | null): string {
  if (!fault) return '<p class="muted">No fault injected.</p>';
  return `<pre class="fault">${esc(JSON.stringify(fault, null, 2))}</pre>`;
}

export function renderHome(report: SandboxReport, fault: FaultSpec | null): string {
  const { register, goals, help } = report.requests;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>Aflite sandbox</title><style>${STYLE}</style></head><body>
<h1>Aflite sandbox</h1>
<p class="muted">Requests: ${register} register, ${goals} goals feed, ${help} help.</p>
<h2>Fault</h2>${faultBlock(fault)}
<h2>Goals (${report.goals.length})</h2>${goalsTable([...report.goals].reverse(), report.perMref, 'No goals registered yet.')}
<h2>Trace report (${report.traces.length})</h2>${goalsTable([...report.traces].reverse(), {}, 'No trace-only goals yet.')}
</body></html>`;
}

export function homeRoutes(app: FastifyInstance, state: SandboxState): void {
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(renderHome(state.report(), state.faults.current)));
}
