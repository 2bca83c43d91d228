import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Problem } from '../../engine/validation/problem.ts';
import { schemaProblems, type SchemaCheck } from '../../engine/validation/schema-validator.ts';

// ajv-formats is CommonJS; see engine/validation/schema-validator.ts for why the default import is re-typed.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

// Path and query values always arrive as text. This instance turns "20" into 20 where a schema says integer and fills
// in declared defaults — both of which would be wrong for the engine's instance, which checks documents as they are.
const parameterAjv = new Ajv2020({
  allErrors: true,
  verbose: true,
  strict: true,
  allowUnionTypes: true,
  coerceTypes: true,
  useDefaults: true,
});
addFormats(parameterAjv);

/** Compiles the schema of an operation's path or query values (cached per schema object by ajv). */
export function compileParametersCheck(schema: object): SchemaCheck {
  return parameterAjv.compile(schema);
}

/**
 * Checks a copy of the raw values (`request.params` or `request.query`), so coercion never touches Express's own
 * objects. Returns the coerced, defaulted copy, or the problems under `basePath` (`/params`, `/query`).
 */
export function checkRequestParameters(
  check: SchemaCheck,
  raw: Readonly<Record<string, unknown>>,
  basePath: string,
): { values: Record<string, unknown>; problems: Problem[] } {
  const values = { ...raw };
  return { values, problems: schemaProblems(check, values, basePath) };
}
