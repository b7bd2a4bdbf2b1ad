import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../test/integration/harness/wait-for';
import { RequestGate } from './request-gate';

/** A bare Fastify with the gate, over real keep-alive sockets: what a merchant's HTTP client sees during a stop. */
async function serve(): Promise<{ fastify: FastifyInstance; gate: RequestGate; pool: Pool; release: () => void; connections: () => Promise<number> }> {
  const fastify = Fastify({ forceCloseConnections: true });
  const gate = new RequestGate();
  gate.install(fastify);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  fastify.get('/slow', async () => {
    await held;
    return { answered: 'slow' };
  });
  fastify.get('/fast', async () => ({ answered: 'fast' }));
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  const { port } = fastify.server.address() as AddressInfo;
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 2, keepAliveTimeout: 30_000 });
  const connections = () => new Promise<number>((resolve, reject) => fastify.server.getConnections((error, n) => (error ? reject(error) : resolve(n))));
  return { fastify, gate, pool, release, connections };
}

describe('RequestGate', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('refuses new requests with 503, Retry-After and Connection: close, closes idle keep-alive sockets, and answers the accepted one', async () => {
    const { fastify, gate, pool, release, connections } = await serve();
    cleanups.push(async () => {
      await pool.destroy();
      await fastify.close();
    });

    const slow = pool.request({ path: '/slow', method: 'GET' });
    await waitFor(() => expect(gate.inFlight).toBe(1));
    // A second keep-alive socket, idle once its request is answered.
    const fast = await pool.request({ path: '/fast', method: 'GET' });
    expect(fast.statusCode).toBe(200);
    expect(fast.headers.connection).toBe('keep-alive');
    await fast.body.text();
    expect(await connections()).toBe(2);

    gate.close();
    expect(gate.isOpen).toBe(false);
    await waitFor(async () => expect(await connections()).toBe(1));

    const refused = await pool.request({ path: '/fast', method: 'GET' });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.headers.connection).toBe('close');
    expect(await refused.body.json()).toMatchObject({ statusCode: 503, error: 'shutting_down' });

    let idle = false;
    const whenIdle = gate.whenIdle().then(() => (idle = true));
    expect(idle).toBe(false);
    expect(gate.inFlight).toBe(1);

    release();
    const answered = await slow;
    expect(answered.statusCode).toBe(200);
    expect(answered.headers.connection).toBe('close');
    expect(await answered.body.json()).toEqual({ answered: 'slow' });
    await whenIdle;
    expect(gate.inFlight).toBe(0);
    await waitFor(async () => expect(await connections()).toBe(0));
  });

  it('counts a request whose client went away as finished', async () => {
    const { fastify, gate, pool, release } = await serve();
    cleanups.push(async () => {
      release();
      await fastify.close();
    });
    const slow = pool.request({ path: '/slow', method: 'GET' }).catch((error: unknown) => error);
    await waitFor(() => expect(gate.inFlight).toBe(1));
    gate.close();
    await pool.destroy();
    expect(await slow).toBeInstanceOf(Error);
    await gate.whenIdle();
    expect(gate.inFlight).toBe(0);
  });

  it('is open and idle until closed', async () => {
    const gate = new RequestGate();
    expect(gate.isOpen).toBe(true);
    await gate.whenIdle();
    gate.close();
    gate.close();
    expect(gate.isOpen).toBe(false);
  });
});
