/** The RFC 9457 body every failed API request answers with (docs/api-errors.md). */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Each failing place of the request: a JSON Pointer and why, in the language asked for. */
  errors?: Array<{ path: string; message: string }>;
}

/** Why a call failed: the API said why (a problem), nothing answered, or something else answered. */
export type ApiFailure =
  | { kind: 'problem'; problem: ProblemDocument }
  | { kind: 'unreachable' }
  | { kind: 'unexpected'; status: number };

export class ApiError extends Error {
  readonly failure: ApiFailure;

  constructor(failure: ApiFailure) {
    super(failure.kind === 'problem' ? failure.problem.detail : failure.kind);
    this.name = 'ApiError';
    this.failure = failure;
  }
}

/** The HTTP status a failed call answered with; none when nothing answered. */
export function failureStatus(failure: ApiFailure): number | undefined {
  if (failure.kind === 'problem') return failure.problem.status;
  return failure.kind === 'unexpected' ? failure.status : undefined;
}

const problemTypeBase = 'https://stagecraft.dev/problems/';

/** The short name of a problem type (`invalid-credentials`), or the whole type when it is not one of ours. */
export function problemSlug(problem: ProblemDocument): string {
  return problem.type.startsWith(problemTypeBase) ? problem.type.slice(problemTypeBase.length) : problem.type;
}

export function isProblemDocument(body: unknown): body is ProblemDocument {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return (
    typeof candidate.type === 'string' &&
    typeof candidate.title === 'string' &&
    typeof candidate.status === 'number' &&
    typeof candidate.detail === 'string' &&
    (candidate.errors === undefined ||
      (Array.isArray(candidate.errors) &&
        candidate.errors.every(
          (entry: unknown) =>
            typeof entry === 'object' &&
            entry !== null &&
            typeof (entry as Record<string, unknown>).path === 'string' &&
            typeof (entry as Record<string, unknown>).message === 'string',
        )))
  );
}

export function isApiFailure(error: unknown, slug?: string): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  return slug === undefined || (error.failure.kind === 'problem' && problemSlug(error.failure.problem) === slug);
}
