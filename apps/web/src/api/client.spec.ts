import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../test/fetch-mock';
import { ApiError, api, buildUrl, errorMessage, parseErrorResponse, setCsrfTokenSource } from './client';

afterEach(() => setCsrfTokenSource(async () => null));

describe('parseErrorResponse', () => {
  it('keeps the api error body: code, message and fields', async () => {
    const error = await parseErrorResponse(
      json(
        {
          statusCode: 400,
          error: 'validation_failed',
          message: 'maxAttempts: must not be greater than 20',
          fields: [{ field: 'maxAttempts', message: 'maxAttempts must not be greater than 20' }],
        },
        400,
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.fieldMessage('maxAttempts')).toBe('Must not be greater than 20');
    expect(error.fieldMessage('retryBaseSeconds')).toBeUndefined();
  });

  it('places messages about list items and nested fields on the field itself', async () => {
    const error = await parseErrorResponse(
      json(
        { statusCode: 400, error: 'validation_failed', message: 'x', fields: [{ field: 'allowedOrigins.1', message: 'each value must be an origin' }] },
        400,
      ),
    );
    expect(error.fieldMessage('allowedOrigins')).toBe('Line 2: each value must be an origin');
    expect(error.otherFieldMessages(['allowedOrigins'])).toEqual([]);
    expect(error.otherFieldMessages(['redirectHosts'])).toEqual(['each value must be an origin']);
  });

  it('makes a readable error from a non-JSON answer such as a proxy page', async () => {
    const error = await parseErrorResponse(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.message).toMatch(/could not answer/);
    expect(error.fields).toEqual([]);
  });

  it('mentions the error id of a 500 so support can find it in the log', async () => {
    const error = await parseErrorResponse(
      json({ statusCode: 500, error: 'internal_error', message: 'Something went wrong on our side.', errorId: 'abc-123' }, 500),
    );
    expect(errorMessage(error)).toBe('Something went wrong on our side. (reference abc-123)');
  });
});

describe('request', () => {
  it('sends the CSRF token on changes but not on reads', async () => {
    setCsrfTokenSource(async () => 'token-1');
    const { requests } = mockFetch({
      'GET /api/admin/goals': () => json([]),
      'POST /api/admin/goals': () => json({ id: 1 }, 201),
    });
    await api.get('/api/admin/goals');
    await api.post('/api/admin/goals', { name: 'Sale' });
    expect(requests[0].headers.get('x-csrf-token')).toBeNull();
    expect(requests[1].headers.get('x-csrf-token')).toBe('token-1');
    expect(requests[1].headers.get('content-type')).toBe('application/json');
    expect(requests[1].body).toEqual({ name: 'Sale' });
  });

  it('fetches a fresh token and retries once when the server refuses a stale one', async () => {
    const source = vi.fn(async ({ refresh }: { refresh: boolean }) => (refresh ? 'fresh' : 'stale'));
    setCsrfTokenSource(source);
    mockFetch({
      'DELETE /api/admin/ingest-keys/4': ({ headers }) =>
        headers.get('x-csrf-token') === 'fresh'
          ? new Response(null, { status: 204 })
          : json({ statusCode: 403, error: 'csrf_invalid', message: 'CSRF token missing or wrong' }, 403),
    });
    await expect(api.delete('/api/admin/ingest-keys/4')).resolves.toBeUndefined();
    expect(source).toHaveBeenLastCalledWith({ refresh: true });
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await api.get('/api/admin/session').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).code).toBe('network_error');
  });

  it('throws the parsed ApiError for a 4xx', async () => {
    mockFetch({ 'GET /api/admin/deliveries/9': () => json({ statusCode: 404, error: 'not_found', message: 'conversion 9 not found' }, 404) });
    await expect(api.get('/api/admin/deliveries/9')).rejects.toMatchObject({ status: 404, code: 'not_found', message: 'conversion 9 not found' });
  });
});

describe('buildUrl', () => {
  it('leaves out empty values', () => {
    expect(buildUrl('/api/admin/deliveries', { status: 'failed', q: '', cursor: null, goalId: undefined, limit: 50 })).toBe(
      '/api/admin/deliveries?status=failed&limit=50',
    );
    expect(buildUrl('/api/admin/audit', {})).toBe('/api/admin/audit');
  });
});
