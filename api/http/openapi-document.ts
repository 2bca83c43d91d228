import { readFileSync } from 'node:fs';
import { conditionSchema } from '../../definitions/condition.schema.ts';
import { sessionCookieName } from '../auth/session-cookie.ts';
import { sessionAbsoluteMs, sessionIdleMs } from '../auth/session-lifetime.ts';
import { problemDocumentSchema } from './http-problem.ts';
import { collectSchemaComponents, type DocumentSchema, type SchemaComponents } from './openapi-schema-components.ts';
import type { AnswerDeclaration, ApiTag, HeaderDeclaration, Operation, ParametersSchema } from './operation.ts';
import { openApiPath } from './route-operation.ts';

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: DocumentSchema;
}

export interface OpenApiHeader {
  description: string;
  required?: boolean;
  schema: DocumentSchema;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, OpenApiHeader>;
  content?: Record<string, { schema: DocumentSchema }>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Array<Record<string, string[]>>;
  parameters?: OpenApiParameter[];
  requestBody?: { required: true; content: { 'application/json': { schema: DocumentSchema } } };
  responses: Record<string, OpenApiResponse>;
  /** The texts a zh-CN reader sees on the reference page. */
  'x-zh-CN': { summary: string };
  /** The role permissions the operation needs, by name (docs/auth.md). */
  'x-stagecraft-permissions'?: string[];
}

export interface OpenApiTag {
  name: string;
  description: string;
  'x-displayName': string;
  'x-zh-CN': { displayName: string; description: string };
}

export interface OpenApiDocument {
  openapi: '3.1.1';
  info: { title: string; version: string; summary: string; description: string; license: { name: string; identifier: string } };
  servers: Array<{ url: string; description: string }>;
  tags: OpenApiTag[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, { [keyword: string]: unknown }>;
    securitySchemes: Record<string, { type: 'apiKey'; in: 'cookie'; name: string; description: string }>;
  };
}

// The security scheme is named after the cookie it describes.
const securitySchemeName = sessionCookieName;
const problemMediaType = 'application/problem+json';
// Schemas that bodies `$ref` by `$id` without embedding them; the engine's ajv registers the same ones.
const referableSchemas = [conditionSchema];
// The document names the release it describes. Read, not imported: package.json belongs to no room of ours.
const releaseVersion: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/** The OpenAPI 3.1 document of the given operations, built from the very schemas `route` checks requests with. */
export function openApiDocument(operations: readonly Operation[]): OpenApiDocument {
  assertUnique(operations);
  const components = collectSchemaComponents(referableSchemas);
  const problem = components.place(problemDocumentSchema);
  const paths: OpenApiDocument['paths'] = {};
  for (const operation of operations) {
    const pathItem = (paths[openApiPath(operation.path)] ??= {});
    pathItem[operation.method] = documentOperation(operation, components, problem);
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Stagecraft API',
      version: releaseVersion,
      summary: 'The HTTP API of Stagecraft, the CRM in which every business process is data.',
      description:
        'Every failure answers application/problem+json (RFC 9457) in the language of Accept-Language. Sign in with ' +
        'POST /api/auth/login; the session cookie signs in every later request. A readable reference is at /api/docs.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api', description: 'this server' }],
    tags: documentTags(operations),
    paths,
    components: {
      schemas: components.schemas(),
      securitySchemes: {
        [securitySchemeName]: {
          type: 'apiKey',
          in: 'cookie',
          name: sessionCookieName,
          description:
            `Set by POST /api/auth/login; HttpOnly, SameSite=Strict. The session ends after ${sessionIdleMs / 3_600_000} ` +
            `hours without a request or ${sessionAbsoluteMs / 86_400_000} days after sign-in.`,
        },
      },
    },
  };
}

function documentOperation(operation: Operation, components: SchemaComponents, problem: DocumentSchema): OpenApiOperation {
  const parameters = [
    ...parametersOf(operation.params, 'path', components),
    ...parametersOf(operation.query, 'query', components),
    ...Object.entries(operation.headers ?? {}).map(([name, header]) => headerParameter(name, header, components)),
  ];
  const permissions = typeof operation.auth === 'object' ? [...operation.auth.permissions] : [];
  return {
    operationId: operation.operationId,
    summary: operation.summary.en,
    ...(operation.description === undefined ? {} : { description: operation.description }),
    tags: operation.tags.map((tag) => tag.name),
    security: operation.auth === 'public' ? [] : [{ [securitySchemeName]: [] }],
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(operation.body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: components.place(operation.body) } } } }),
    responses: {
      ...Object.fromEntries(
        Object.entries(operation.responses).map(([status, answer]) => [status, documentAnswer(answer, components)]),
      ),
      ...Object.fromEntries(
        Object.entries(problemDescriptions(operation)).map(([status, description]) => [
          status,
          { description, content: { [problemMediaType]: { schema: problem } } },
        ]),
      ),
      default: {
        description: 'Any other failure, such as `internal` (500): nothing was changed.',
        content: { [problemMediaType]: { schema: problem } },
      },
    },
    'x-zh-CN': { summary: operation.summary['zh-CN'] },
    ...(permissions.length === 0 ? {} : { 'x-stagecraft-permissions': permissions }),
  };
}

function parametersOf(schema: ParametersSchema | undefined, where: 'path' | 'query', components: SchemaComponents): OpenApiParameter[] {
  if (schema === undefined) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, property]) => {
    const description = (property as { description?: unknown }).description;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: components.place(property),
    };
  });
}

function headerParameter(name: string, header: HeaderDeclaration, components: SchemaComponents): OpenApiParameter {
  return { name, in: 'header', required: header.required ?? false, description: header.description, schema: components.place(header.schema) };
}

function documentAnswer(answer: AnswerDeclaration, components: SchemaComponents): OpenApiResponse {
  const headers = Object.entries(answer.headers ?? {}).map(([name, header]): [string, OpenApiHeader] => [
    name,
    { description: header.description, ...(header.required ? { required: true } : {}), schema: components.place(header.schema) },
  ]);
  const content =
    answer.body !== undefined
      ? { 'application/json': { schema: components.place(answer.body) } }
      : answer.mediaType !== undefined
        ? { [answer.mediaType]: { schema: { type: 'string' } } }
        : undefined;
  return {
    description: answer.description,
    ...(headers.length === 0 ? {} : { headers: Object.fromEntries(headers) }),
    ...(content === undefined ? {} : { content }),
  };
}

/** The failures the declaration implies, then the operation's own, joined per status. */
function problemDescriptions(operation: Operation): Record<string, string> {
  const causes = new Map<number, string[]>();
  const add = (status: number, cause: string) => causes.set(status, [...(causes.get(status) ?? []), cause]);
  const checked = [operation.params && 'path values', operation.query && 'query', operation.body && 'body'].filter(Boolean);
  if (checked.length > 0) add(400, `\`validation\`: the request fails its schemas (${checked.join(', ')}); \`errors\` names each path.`);
  if (operation.body !== undefined) add(400, '`malformed-json`: the body is not JSON.');
  if (operation.auth !== 'public') add(401, '`unauthenticated`: no session, or it has ended; sign in again.');
  if (typeof operation.auth === 'object') {
    add(403, `\`forbidden\`: your role lacks ${operation.auth.permissions.map((p) => `\`${p}\``).join(' and ')}.`);
  }
  if (operation.method !== 'get') add(403, '`cross-origin`: the change was sent from another site’s page.');
  for (const [status, description] of Object.entries(operation.problems ?? {})) add(Number(status), description);
  return Object.fromEntries([...causes].sort(([a], [b]) => a - b).map(([status, texts]) => [String(status), texts.join(' ')]));
}

function documentTags(operations: readonly Operation[]): OpenApiTag[] {
  const tags = new Map<string, ApiTag>();
  for (const tag of operations.flatMap((operation) => operation.tags)) {
    const known = tags.get(tag.name);
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(tag)) {
      throw new Error(`Two different tags are both called "${tag.name}"; declare the tag once and share it.`);
    }
    tags.set(tag.name, tag);
  }
  return [...tags.values()].map((tag) => ({
    name: tag.name,
    description: tag.description.en,
    'x-displayName': tag.title.en,
    'x-zh-CN': { displayName: tag.title['zh-CN'], description: tag.description['zh-CN'] },
  }));
}

/** One operation per id and per method and path (`/users/{id}` and `/users/{userId}` are the same path). */
function assertUnique(operations: readonly Operation[]): void {
  const seen = new Set<string>();
  for (const operation of operations) {
    const shape = `${operation.method} ${openApiPath(operation.path).replace(/\{[^}]+\}/g, '{}')}`;
    for (const key of [`id ${operation.operationId}`, shape]) {
      if (seen.has(key)) throw new Error(`The API declares ${key} twice (operation ${operation.operationId}).`);
      seen.add(key);
    }
  }
}
