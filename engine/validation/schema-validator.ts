import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { conditionSchema } from '../../definitions/condition.schema.ts';
import { problemsFromAjvErrors } from './ajv-problems.ts';
import type { Problem } from './problem.ts';

export type { ErrorObject };

// ajv-formats is CommonJS: at runtime the default import is the plugin itself, but NodeNext types it as the module
// object (whose `default` is the plugin), so the type is corrected here.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const ajv = new Ajv2020({
  allErrors: true,
  // `verbose` puts the failing schema on each error, so messages can list the allowed values of an enum or a
  // discriminator; `discriminator` lets oneOf unions keyed by a tag report only the branch the tag names.
  verbose: true,
  discriminator: true,
  strict: true,
  allowUnionTypes: true,
});
addFormats(ajv);
// Registered once so schemas of other kinds can `$ref` the one condition language by its $id.
ajv.addSchema(conditionSchema);

export interface SchemaCheck {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Compiles a definition schema on the engine's one ajv instance (compiled validators are cached per schema object). */
export function compileSchemaCheck(schema: object): SchemaCheck {
  return ajv.compile(schema);
}

/** Runs a compiled check and returns its failures as Problems under `basePath`. */
export function schemaProblems(check: SchemaCheck, data: unknown, basePath: string): Problem[] {
  return check(data) ? [] : problemsFromAjvErrors(check.errors, basePath);
}
