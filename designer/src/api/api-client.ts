import type { Locale } from '../i18n/locale.ts';

/** One problem a failed request or a validation names: where (a JSON Pointer) and why. */
export interface ProblemEntry {
  path: string;
  code?: string;
  message: string | Record<Locale, string>;
}

/** The RFC 9457 body every failed API request answers with (docs/api-errors.md). */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: ProblemEntry[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDocument | undefined;

  constructor(status: number, problem: ProblemDocument | undefined) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export type RequestHeaders = Readonly<Record<string, string>>;

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown, headers?: RequestHeaders): Promise<T>;
  put<T>(path: string, body: unknown, headers?: RequestHeaders): Promise<T>;
  delete(path: string): Promise<void>;
}

/** The text of a problem entry in the interface language. */
export function problemMessage(entry: ProblemEntry, locale: Locale): string {
  return typeof entry.message === 'string' ? entry.message : entry.message[locale];
}

/** The designer's one way to the API: JSON in and out, the session cookie, problems thrown as ApiError. */
export function createApiClient(options: { locale(): Locale; onSessionEnded(): void }): ApiClient {
  async function request<T>(method: string, path: string, body?: unknown, extra: RequestHeaders = {}): Promise<T> {
    const headers: Record<string, string> = {
      ...extra,
      accept: 'application/json, application/problem+json',
      'accept-language': options.locale(),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
    let problem: ProblemDocument | undefined;
    try {
      problem = (await response.json()) as ProblemDocument;
    } catch {
      problem = undefined; // not JSON: a proxy's error page, say
    }
    if (response.status === 401) options.onSessionEnded();
    throw new ApiError(response.status, problem);
  }
  return {
    get: (path) => request('GET', path),
    post: (path, body, headers) => request('POST', path, body, headers),
    put: (path, body, headers) => request('PUT', path, body, headers),
    delete: (path) => request('DELETE', path),
  };
}
