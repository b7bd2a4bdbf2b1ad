import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { fastifyTrustProxy, parseTrustProxy } from './trust-proxy';

/** The client address Fastify derives for a request from `peer` carrying `X-Forwarded-For: forwardedFor`. */
function clientAddress(trust: ReturnType<typeof fastifyTrustProxy>, peer: string, forwardedFor: string): string {
  const request = { headers: { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress: peer } } as unknown as IncomingMessage;
  const addresses = proxyAddr.all(request, trust === false ? () => false : trust);
  return addresses[addresses.length - 1];
}

describe('TRUST_PROXY', () => {
  it('reads off, a hop count, and address lists', () => {
    expect(parseTrustProxy(undefined)).toEqual({ kind: 'none' });
    expect(parseTrustProxy('false')).toEqual({ kind: 'none' });
    expect(parseTrustProxy('0')).toEqual({ kind: 'none' });
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(parseTrustProxy(' 10.0.0.0/8, 127.0.0.1 ,loopback')).toEqual({ kind: 'addresses', addresses: ['10.0.0.0/8', '127.0.0.1', 'loopback'] });
  });

  it('takes `true` as the one proxy in front, not as "believe every hop"', () => {
    expect(parseTrustProxy('true')).toEqual({ kind: 'hops', hops: 1 });
    expect(parseTrustProxy('TRUE')).toEqual({ kind: 'hops', hops: 1 });
  });

  it('refuses what is neither, saying what it takes', () => {
    expect(() => parseTrustProxy('proxy.example')).toThrow(/a number of proxy hops .*invalid IP address: proxy\.example/);
    expect(() => parseTrustProxy('10.0.0.1/40')).toThrow(/invalid range on address: 10\.0\.0\.1\/40/);
    expect(() => parseTrustProxy('11')).toThrow(/more than 10/);
  });

  it('with one hop, takes the address the proxy added, whatever the client wrote before it', () => {
    const trust = fastifyTrustProxy(parseTrustProxy('1'));
    expect(clientAddress(trust, '10.0.0.2', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddress(trust, '10.0.0.2', '198.51.100.2, 203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddress(trust, '10.0.0.2', '203.0.113.9')).toBe('203.0.113.9');
  });

  it('with two hops, walks back through both proxies and no further', () => {
    const trust = fastifyTrustProxy(parseTrustProxy('2'));
    expect(clientAddress(trust, '10.0.0.2', '198.51.100.1, 203.0.113.9, 10.0.0.3')).toBe('203.0.113.9');
  });

  it('with addresses, trusts only those peers: anyone else is the client', () => {
    const trust = fastifyTrustProxy(parseTrustProxy('10.0.0.0/8'));
    expect(clientAddress(trust, '10.0.0.2', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddress(trust, '192.0.2.7', '198.51.100.1, 203.0.113.9')).toBe('192.0.2.7');
  });

  it('off: the peer is the client', () => {
    expect(fastifyTrustProxy(parseTrustProxy('false'))).toBe(false);
  });
});
