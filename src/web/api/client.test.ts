import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setCsrfToken, setSessionListener, withQuery } from './client.ts';

function respond(status: number, body?: unknown, type = 'application/json') {
  const text = body === undefined ? '' : JSON.stringify(body);
  return new Response(status === 204 ? null : text, { status, headers: { 'content-type': type } });
}

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn<typeof fetch>(() =>
    response instanceof Error ? Promise.reject(response) : Promise.resolve(response),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function sent(fetchMock: ReturnType<typeof stubFetch>) {
  const [url, init] = fetchMock.mock.calls[0] ?? [];
  return { url, init: init ?? {}, headers: (init?.headers ?? {}) as Record<string, string> };
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setSessionListener(null);
});

describe('api client', () => {
  it('sends JSON with the CSRF token and same-origin credentials on changes', async () => {
    setCsrfToken('token-1');
    const fetchMock = stubFetch(respond(200, { ok: true }));
    await expect(api.post('/api/x', { a: 1 })).resolves.toEqual({ ok: true });
    const { init, headers } = sent(fetchMock);
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"a":1}');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-csrf-token']).toBe('token-1');
  });

  it('sends no CSRF header and no body on reads', async () => {
    setCsrfToken('token-1');
    const fetchMock = stubFetch(respond(200, []));
    await api.get('/api/x', { query: { q: 'a b', empty: '', offset: 0 } });
    const { url, init, headers } = sent(fetchMock);
    expect(url).toBe('/api/x?q=a+b&offset=0');
    expect(init.body).toBeUndefined();
    expect(headers['x-csrf-token']).toBeUndefined();
  });

  it('resolves 204 with undefined', async () => {
    stubFetch(respond(204));
    await expect(api.delete('/api/x/1')).resolves.toBeUndefined();
  });

  it('turns problem details into an ApiError with field problems', async () => {
    const problem = {
      type: 'https://koop.example/probleme/validation-failed',
      title: 'Ungültige Eingabe',
      status: 400,
      detail: 'Die Eingabe ist ungültig.',
      code: 'validation_failed',
      requestId: 'r1',
      errors: [{ path: 'email', code: 'invalid_format', message: 'Ungültige E-Mail-Adresse' }],
    };
    stubFetch(respond(400, problem, 'application/problem+json'));
    const error = await api.post('/api/x', {}).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('validation_failed');
    expect((error as ApiError).problem.errors?.[0]?.path).toBe('email');
  });

  it('reports a lost session to the listener unless the request is quiet', async () => {
    const listener = vi.fn();
    setSessionListener(listener);
    const expired = { title: 'x', status: 401, detail: 'abgelaufen', code: 'session_expired' };
    stubFetch(respond(401, expired, 'application/problem+json'));
    await expect(api.get('/api/x')).rejects.toBeInstanceOf(ApiError);
    expect(listener).toHaveBeenCalledWith('session_expired');

    listener.mockClear();
    stubFetch(respond(401, expired, 'application/problem+json'));
    await expect(api.get('/api/x', { quiet: true })).rejects.toBeInstanceOf(ApiError);
    expect(listener).not.toHaveBeenCalled();
  });

  it('does not treat wrong credentials as a lost session', async () => {
    const listener = vi.fn();
    setSessionListener(listener);
    stubFetch(respond(401, { title: 'x', status: 401, detail: 'falsch', code: 'invalid_credentials' }));
    await expect(api.post('/api/auth/login', {})).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('maps an unreachable server and non-problem answers to known codes', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    await expect(api.get('/api/x')).rejects.toMatchObject({ code: 'network_error' });
    stubFetch(respond(502, 'Bad Gateway', 'text/plain'));
    await expect(api.get('/api/x')).rejects.toMatchObject({ code: 'internal_error', status: 502 });
  });
});

describe('withQuery', () => {
  it('leaves a path without values alone', () => {
    expect(withQuery('/api/x', { a: undefined, b: null })).toBe('/api/x');
  });
});
