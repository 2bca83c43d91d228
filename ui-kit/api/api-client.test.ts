import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './api-client.ts';
import { ApiError, failureStatus, type ApiFailure } from './api-failure.ts';

const problemBody = {
  type: 'https://stagecraft.dev/problems/unauthenticated',
  title: '需要登录',
  status: 401,
  detail: '您尚未登录或会话已过期，请重新登录。',
};

function answering(response: () => Response) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return response();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('the API client', () => {
  it('sends JSON in the interface language and reads JSON back', async () => {
    const { fetch, calls } = answering(() => json(200, { ok: true }));
    const api = createApiClient({ locale: () => 'zh-CN', fetch });
    expect(await api.post('/api/auth/login', { login: 'rep.li', password: 'x' })).toEqual({ ok: true });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers['accept-language']).toBe('zh-CN');
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(calls[0]!.init.body).toBe('{"login":"rep.li","password":"x"}');
  });

  it('answers undefined for 204 No Content', async () => {
    const { fetch } = answering(() => new Response(null, { status: 204 }));
    expect(await createApiClient({ locale: () => 'en', fetch }).post('/api/auth/logout')).toBeUndefined();
  });

  it('throws the problem+json the API answered with', async () => {
    const { fetch } = answering(() => json(401, problemBody, 'application/problem+json'));
    const failure = await createApiClient({ locale: () => 'zh-CN', fetch })
      .get('/api/me')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).failure).toEqual({ kind: 'problem', problem: problemBody });
  });

  it('reports an ended session on a 401 from any call but the sign-in itself', async () => {
    const { fetch } = answering(() => json(401, problemBody, 'application/problem+json'));
    const onSessionEnded = vi.fn();
    const api = createApiClient({ locale: () => 'en', fetch, onSessionEnded });
    await api.post('/api/auth/login', { login: 'a', password: 'b' }).catch(() => {});
    expect(onSessionEnded).not.toHaveBeenCalled();
    await api.get('/api/me/queue').catch(() => {});
    expect(onSessionEnded).toHaveBeenCalledOnce();
  });

  it('tells an unreachable server from one that answered without a problem', async () => {
    const down = createApiClient({
      locale: () => 'en',
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof globalThis.fetch,
    });
    await expect(down.get('/api/me')).rejects.toMatchObject({ failure: { kind: 'unreachable' } });

    const { fetch } = answering(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const failure = await createApiClient({ locale: () => 'en', fetch })
      .get<ApiFailure>('/api/me')
      .catch((error: unknown) => (error as ApiError).failure);
    expect(failure).toEqual({ kind: 'unexpected', status: 502 });
    expect(failureStatus(failure)).toBe(502);
    expect(failureStatus({ kind: 'unreachable' })).toBeUndefined();
  });
});

describe('the API client’s edits', () => {
  it('sends PUT with its body and headers', async () => {
    const { fetch, calls } = answering(() => json(200, { revision: 2 }));
    const api = createApiClient({ locale: () => 'zh-CN', fetch });
    expect(await api.put('/api/definitions/machine/customer/draft', { document: {} }, { 'if-match': '"1"' })).toEqual({ revision: 2 });
    expect(calls[0]!.init.method).toBe('PUT');
    expect((calls[0]!.init.headers as Record<string, string>)['if-match']).toBe('"1"');
  });

  it('sends PATCH with the If-Match header the caller gives, beside its own headers', async () => {
    const { fetch, calls } = answering(() => json(200, { id: 1, version: 4 }));
    const api = createApiClient({ locale: () => 'en', fetch });
    expect(await api.patch('/api/customers/1', { phone: '1' }, { 'if-match': '"3"' })).toEqual({ id: 1, version: 4 });
    expect(calls[0]!.init.method).toBe('PATCH');
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers['if-match']).toBe('"3"');
    expect(headers['accept-language']).toBe('en');
  });
});
