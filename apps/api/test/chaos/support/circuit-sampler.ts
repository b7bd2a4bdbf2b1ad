import type { ApiClient } from '../../integration/harness/api-client';

export interface CircuitSamples {
  total: number;
  /** Samples in which /health said the circuit was open or half-open. */
  notClosed: number;
}

/** Reads /health every `everyMs` until stopped: how much of the time the circuit held deliveries. */
export function sampleCircuit(api: ApiClient, everyMs: number): { stop(): Promise<CircuitSamples> } {
  const samples: CircuitSamples = { total: 0, notClosed: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const health = await api.health();
      samples.total += 1;
      if (health.upstream.circuit !== 'closed') samples.notClosed += 1;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}
