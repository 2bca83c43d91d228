import { schemaProblems, type SchemaCheck } from '../../engine/validation/schema-validator.ts';
import { validationFailed } from './http-problem.ts';

/** The body, typed, when it matches the compiled schema; otherwise a 400 naming every failing JSON path. */
export function validRequestBody<T>(check: SchemaCheck, body: unknown): T {
  const problems = schemaProblems(check, body, '');
  if (problems.length > 0) throw validationFailed(problems);
  return body as T;
}
