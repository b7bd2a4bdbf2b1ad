import { describe, expect, it } from 'vitest';
import { describeNetworkError, isSentBeforeFailure } from './network-error';

function codedError(code: string, message = `${code} happened`): Error {
  return Object.assign(new Error(message), { code });
}

describe('describeNetworkError', () => {
  it.each([
    ['ECONNREFUSED', false],
    ['ENOTFOUND', false],
    ['EAI_AGAIN', false],
    ['UND_ERR_CONNECT_TIMEOUT', false],
    ['CERT_HAS_EXPIRED', false],
    ['UND_ERR_HEADERS_TIMEOUT', true],
    ['UND_ERR_BODY_TIMEOUT', true],
    ['UND_ERR_SOCKET', true],
    ['ECONNRESET', true],
    ['EPIPE', true],
  ])('%s settles requestSent=%s whatever the caller believed', (code, sent) => {
    for (const believed of [true, false]) {
      expect(describeNetworkError(codedError(code), believed)).toEqual({
        code,
        message: `${code} happened`,
        requestSent: sent,
      });
    }
  });

  it('keeps the caller’s belief for codes that do not settle it', () => {
    expect(describeNetworkError(codedError('ETIMEDOUT'), true).requestSent).toBe(true);
    expect(describeNetworkError(codedError('ETIMEDOUT'), false).requestSent).toBe(false);
  });

  it('reads the code from the cause, as fetch wraps it', () => {
    const err = new TypeError('fetch failed', { cause: codedError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4010') });
    expect(describeNetworkError(err, true)).toEqual({
      code: 'ECONNREFUSED',
      message: 'fetch failed: connect ECONNREFUSED 127.0.0.1:4010',
      requestSent: false,
    });
  });

  it('reads the code from an AggregateError', () => {
    const err = new AggregateError([new Error('no code'), codedError('ECONNREFUSED')], 'all failed');
    expect(describeNetworkError(err, true).code).toBe('ECONNREFUSED');
  });

  it.each([
    [Object.assign(new Error('This operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' })],
    [Object.assign(new Error('Request aborted'), { name: 'AbortError', code: 'UND_ERR_ABORTED' })],
    [new DOMException('This operation was aborted', 'AbortError')],
  ])('maps aborts to ABORTED (%#)', (err) => {
    expect(describeNetworkError(err, true)).toMatchObject({ code: 'ABORTED', requestSent: true });
    expect(describeNetworkError(err, false)).toMatchObject({ code: 'ABORTED', requestSent: false });
  });

  it('maps a timeout signal to TIMEOUT, ignoring its numeric code', () => {
    const err = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(describeNetworkError(err, true)).toEqual({
      code: 'TIMEOUT',
      message: 'The operation was aborted due to timeout',
      requestSent: true,
    });
  });

  it.each([
    [new Error('boom'), { code: 'UNKNOWN', message: 'boom', requestSent: true }],
    ['plain string', { code: 'UNKNOWN', message: 'plain string', requestSent: true }],
    [null, { code: 'UNKNOWN', requestSent: true }],
    [undefined, { code: 'UNKNOWN', requestSent: true }],
    [{ code: 42 }, { code: 'UNKNOWN', requestSent: true }],
    [{ code: '' }, { code: 'UNKNOWN', requestSent: true }],
  ])('falls back to UNKNOWN (%#)', (err, expected) => {
    expect(describeNetworkError(err, true)).toEqual(expected);
  });

  it('caps a long message', () => {
    const failure = describeNetworkError(codedError('ECONNRESET', 'x'.repeat(1000)), true);
    expect(failure.message).toHaveLength(300);
  });

  it('survives a cause cycle', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(describeNetworkError(a, false)).toEqual({ code: 'UNKNOWN', message: 'a: b', requestSent: false });
  });
});

describe('isSentBeforeFailure', () => {
  it.each([
    ['UND_ERR_HEADERS_TIMEOUT', true],
    ['UND_ERR_BODY_TIMEOUT', true],
    ['UND_ERR_SOCKET', true],
    ['ECONNRESET', true],
    ['ECONNREFUSED', false],
    ['UND_ERR_CONNECT_TIMEOUT', false],
    ['ENOTFOUND', false],
    ['EAI_AGAIN', false],
    ['UNKNOWN', false],
  ])('%s -> %s', (code, sent) => {
    expect(isSentBeforeFailure(code)).toBe(sent);
  });
});
