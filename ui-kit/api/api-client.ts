import type { Locale } from '../i18n/locale.ts';
import { ApiError, isProblemDocument, type ApiFailure } from './api-failure.ts';

/** Headers one call adds, such as `If-Match` naming the version an edit was made from. */
export type RequestHeaders = Readonly<Record<string, string>>;

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown, headers?: RequestHeaders): Promise<T>;
  put<T>(path: string, body: unknown, headers?: RequestHeaders): Promise<T>;
  patch<T>(path: string, body: unknown, headers?: RequestHeaders): Promise<T>;
  delete(path: string): Promise<void>;
}

export interface ApiClientOptions {
  /** The interface language, read on every call: the API answers problems in it. */
  locale(): Locale;
  /** Called when a call other than sign-in answers 401: the session has ended. */
  onSessionEnded?(): void;
  fetch?: typeof fetch;
}

/**
 * A web app's one way to the API: JSON in and out, the session cookie sent by the browser (same origin),
 * failures thrown as ApiError with the API's problem+json in the caller's language.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const send = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(method: string, path: string, body?: unknown, extra: RequestHeaders = {}): Promise<T> {
    const headers: Record<string, string> = {
      ...extra,
      accept: 'application/json, application/problem+json',
      'accept-language': options.locale(),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await send(path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError({ kind: 'unreachable' });
    }
    if (response.ok) {
      if (response.status === 204) return undefined as T;
      return (await response.json()) as T;
    }
    const failure = await failureOf(response);
    if (response.status === 401 && path !== '/api/auth/login') options.onSessionEnded?.();
    throw new ApiError(failure);
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body, headers) => request('POST', path, body, headers),
    put: (path, body, headers) => request('PUT', path, body, headers),
    patch: (path, body, headers) => request('PATCH', path, body, headers),
    delete: (path) => request('DELETE', path),
  };
}

/** What a failed response says: its problem+json when it carries one, otherwise only its status. */
async function failureOf(response: Response): Promise<ApiFailure> {
  const text = await response.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (isProblemDocument(body)) return { kind: 'problem', problem: body };
  } catch {
    // not JSON: a proxy's error page, say
  }
  return { kind: 'unexpected', status: response.status };
}
