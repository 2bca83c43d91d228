import type { HttpProblem } from '../http/http-problem.ts';

/** A path id: a whole number, or the record does not exist (404, like any record the caller may not see). */
export function recordId(raw: string, missing: (raw: string) => HttpProblem): number {
  if (!/^[1-9]\d{0,15}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw missing(raw);
  return Number(raw);
}
