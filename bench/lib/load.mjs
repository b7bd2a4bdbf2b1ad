// One autocannon run against one target, reduced to the figures the report needs.
import autocannon from 'autocannon';

/**
 * Runs `scenario` against `target` for `duration` seconds. `built` counts requests built (an upper bound on
 * requests sent), so after the run: acknowledged <= rows in the database <= built.
 */
export async function runLoad({ target, scenario, ids, connections, duration }) {
  let built = 0;
  const request = { method: scenario.method, path: scenario.path, headers: scenario.headers(target) };
  if (scenario.body) {
    request.setupRequest = (req) => {
      built++;
      req.body = scenario.body(ids);
      return req;
    };
  }
  const result = await autocannon({
    url: target.url,
    connections,
    pipelining: 1,
    duration,
    requests: [request],
  });
  const statusCount = (code) => Number(result.statusCodeStats?.[code]?.count ?? 0);
  return {
    requestsPerSec: result.requests.average,
    requestsTotal: result.requests.total,
    latencyMs: { mean: result.latency.average, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    created: scenario.createdStatus ? statusCount(scenario.createdStatus) : null,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, Number(v.count)])),
    built,
  };
}
