import type { NetworkFailure } from '@goalpost/aflite';
import { describe, expect, it } from 'vitest';
import type { AfliteCallResult } from '../aflite-client';
import { readAnswer } from './send';

const respond = (status: number, body: string): AfliteCallResult => ({ response: { status, headers: {}, body }, durationMs: 12 });
const fail = (error: NetworkFailure): AfliteCallResult => ({ error, durationMs: 1_000 });
const feedOf = (...mrefs: string[]) => `<goals>${mrefs.map((m) => `<goal><mref>${m}</mref><value>10.99</value></goal>`).join('')}</goals>`;

describe('readAnswer: goals feed', () => {
  it('says whether the feed holds the mref', () => {
    expect(readAnswer('reconcile', respond(200, feedOf('ORDER-1')), 'ORDER-1')).toEqual({ kind: 'reconcile', feed: { result: 'held' } });
    expect(readAnswer('reconcile', respond(200, feedOf('ORDER-2')), 'ORDER-1')).toEqual({ kind: 'reconcile', feed: { result: 'not-held' } });
    expect(readAnswer('reconcile', respond(200, ''), 'ORDER-1')).toEqual({ kind: 'reconcile', feed: { result: 'not-held' } });
  });

  it('reports a feed it could not read, or did not get, as failed with the reason', () => {
    expect(readAnswer('reconcile', respond(502, ''), 'ORDER-1')).toEqual({ kind: 'reconcile', feed: { result: 'failed', reason: 'HTTP 502 (empty body)' } });
    expect(readAnswer('reconcile', fail({ code: 'UND_ERR_HEADERS_TIMEOUT', message: 'Headers Timeout Error', requestSent: true }), 'ORDER-1')).toEqual({
      kind: 'reconcile',
      feed: { result: 'failed', reason: 'UND_ERR_HEADERS_TIMEOUT: Headers Timeout Error' },
    });
    expect(readAnswer('reconcile', fail({ code: 'ECONNREFUSED', requestSent: false }), 'ORDER-1')).toEqual({
      kind: 'reconcile',
      feed: { result: 'failed', reason: 'ECONNREFUSED' },
    });
  });
});

describe('readAnswer: register goal', () => {
  it('reads the answer with the mref, so words inside it are not taken for a verdict', () => {
    const echo = respond(200, '<response><status>ok</status><ref>DUPLICATE-ORDER-7</ref></response>');
    expect(readAnswer('send', echo, 'DUPLICATE-ORDER-7')).toMatchObject({ kind: 'send', verdict: { outcome: 'delivered' } });
    // The same answer about another mref does say "duplicate".
    expect(readAnswer('send', echo, 'ORDER-8')).toMatchObject({ kind: 'send', verdict: { outcome: 'failed', duplicate: true } });
  });

  it("recognises Aflite's duplicate-mref answer", () => {
    const duplicate = respond(200, 'ERROR: duplicate mref ALREADY-PAID-3 - goal recorded in error');
    expect(readAnswer('send', duplicate, 'ALREADY-PAID-3')).toMatchObject({ kind: 'send', verdict: { outcome: 'failed', duplicate: true } });
  });

  it("reads a send's answer with the one classifier", () => {
    expect(readAnswer('send', respond(200, 'OK goal registered mref=ORDER-1'), 'ORDER-1')).toMatchObject({ kind: 'send', verdict: { outcome: 'delivered' } });
    expect(readAnswer('send', respond(503, ''), 'ORDER-1')).toMatchObject({ kind: 'send', verdict: { outcome: 'retry' } });
  });
});
