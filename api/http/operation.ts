import type { Request, Response } from 'express';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { RolePermissionFlag } from '../../definitions/role.schema.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A group of operations: a section of the reference page and an entry of the document's `tags`. */
export interface ApiTag {
  /** The key the document uses, e.g. `users`. */
  name: string;
  title: LocalizedText;
  description: LocalizedText;
}

/**
 * Who may call: `public` anyone; `session` anyone signed in; `{ permissions }` a signed-in user whose role grants each
 * permission. Documentation only — the route's guards enforce it, and test/api/openapi.test.ts checks they agree.
 */
export type OperationAuth = 'public' | 'session' | { readonly permissions: readonly RolePermissionFlag[] };

/**
 * The path or query values of an operation: an object schema with one property per value. Values arrive as text and
 * are coerced to the declared types (`"20"` → 20 where the property says integer); declared defaults are filled in.
 */
export interface ParametersSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, JSONSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
}

export interface HeaderDeclaration {
  readonly description: string;
  readonly schema: JSONSchema;
  readonly required?: boolean;
}

/** One answer of an operation. */
export interface AnswerDeclaration {
  readonly description: string;
  /** The schema of its `application/json` body; absent when it has none (or is not JSON, see `mediaType`). */
  readonly body?: JSONSchema;
  /** A body that is not JSON (the reference page's `text/html`). */
  readonly mediaType?: string;
  readonly headers?: Readonly<Record<string, HeaderDeclaration>>;
}

/**
 * An HTTP operation under /api, declared once: `route` mounts it and checks its path, query and body against these
 * very schemas; `openApiDocument` and the reference page describe it from the same declaration.
 */
export interface Operation {
  /** Unique across the API, camelCase verb first: `listUsers`, `createTeam`. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Relative to /api, in Express form: plain segments and `:name` parameters only, e.g. `/users/:id`. */
  readonly path: string;
  readonly summary: LocalizedText;
  /** Longer English prose for the document and the page, when the summary is not enough. */
  readonly description?: string;
  readonly tags: readonly ApiTag[];
  readonly auth: OperationAuth;
  /** Required whenever the path has `:name` segments: one required property per segment. */
  readonly params?: ParametersSchema;
  readonly query?: ParametersSchema;
  /** Request headers the handler reads. Documented, not checked: a handler decides what a malformed one means. */
  readonly headers?: Readonly<Record<string, HeaderDeclaration>>;
  /** The JSON body's schema. Problems name paths inside the body from its root (`/login`), as before. */
  readonly body?: JSONSchema;
  /** Successful answers by status. */
  readonly responses: Readonly<Record<number, AnswerDeclaration>>;
  /**
   * Failures this operation answers (problem+json) by status, saying when. 400 for a declared params/query/body,
   * 401 for a signed-in operation and 403 for permissions and cross-site writes are added from the declaration.
   */
  readonly problems?: Readonly<Record<number, string>>;
}

/** Declares an operation, keeping its schemas' literal types so `route` can type the handler's input. */
export function defineOperation<const O extends Operation>(operation: O): O {
  return operation;
}

// `JSONSchema extends S`: while TypeScript is still inferring an operation, S is the wide JSONSchema, whose FromSchema
// never ends; only a declared (literal) schema is turned into a type.
type Parsed<S, Absent> = S extends JSONSchema ? (JSONSchema extends S ? unknown : FromSchema<S>) : Absent;
type Part<O, K extends string, Absent> = O extends { readonly [P in K]: infer S } ? Parsed<S, Absent> : Absent;

/** What a handler gets after the checks: path and query values coerced, defaults filled in, the body as sent. */
export interface OperationInput<O extends Operation> {
  params: Part<O, 'params', Record<string, never>>;
  query: Part<O, 'query', Record<string, never>>;
  body: Part<O, 'body', undefined>;
}

export type OperationHandler<O extends Operation> = (
  input: OperationInput<O>,
  request: Request,
  response: Response,
) => void | Promise<void>;
