import type { Request, RequestHandler, Response, Router } from 'express';
import type { Problem } from '../../engine/validation/problem.ts';
import { compileSchemaCheck, schemaProblems } from '../../engine/validation/schema-validator.ts';
import { validationFailed } from './http-problem.ts';
import type { Operation, OperationHandler } from './operation.ts';
import { checkRequestParameters, compileParametersCheck } from './validate-request-parameters.ts';

const operationsByRouter = new WeakMap<Router, Operation[]>();

/**
 * Mounts `operation` on `router` and records it for the OpenAPI document. The handlers are Express's: guards first
 * (requireSession, requirePermission), the endpoint last. Between them, the path values, query and body are checked
 * against the operation's schemas — after the guards, so a caller who may not call learns nothing about the schemas
 * — and one 400 names every failing path (`/params/id`, `/query/limit`, and `/login` inside the body).
 */
export function route<O extends Operation>(
  router: Router,
  operation: O,
  ...handlers: [...guards: RequestHandler[], endpoint: OperationHandler<NoInfer<O>>]
): void {
  assertPathParametersDeclared(operation);
  const guards = handlers.slice(0, -1) as RequestHandler[];
  // Typed loosely here: the caller's handler was typed against the operation, and inputChecker keeps that promise.
  const endpoint = handlers[handlers.length - 1] as unknown as UntypedHandler;
  const validInput = inputChecker(operation);
  router[operation.method](operation.path, ...guards, async (request: Request, response: Response) => {
    await endpoint(validInput(request), request, response);
  });
  operationsByRouter.set(router, [...declaredOperations(router), operation]);
}

/** The operations `route` mounted on a router, in order. */
export function declaredOperations(router: Router): readonly Operation[] {
  return operationsByRouter.get(router) ?? [];
}

type UntypedHandler = (input: UntypedInput, request: Request, response: Response) => void | Promise<void>;
type UntypedInput = { params: Record<string, unknown>; query: Record<string, unknown>; body: unknown };

/** Checks a request against the operation's schemas: the input `OperationInput` promises, or one 400 for all. */
function inputChecker(operation: Operation): (request: Request) => UntypedInput {
  const paramsCheck = operation.params && compileParametersCheck(operation.params);
  const queryCheck = operation.query && compileParametersCheck(operation.query);
  const bodyCheck = operation.body === undefined ? undefined : compileSchemaCheck(operation.body as object);
  return (request) => {
    const problems: Problem[] = [];
    const checkedValues = (check: typeof paramsCheck, raw: Record<string, unknown>, basePath: string) => {
      if (check === undefined) return {};
      const checked = checkRequestParameters(check, raw, basePath);
      problems.push(...checked.problems);
      return checked.values;
    };
    const params = checkedValues(paramsCheck, request.params, '/params');
    const query = checkedValues(queryCheck, request.query, '/query');
    if (bodyCheck !== undefined) problems.push(...schemaProblems(bodyCheck, request.body, ''));
    if (problems.length > 0) throw validationFailed(problems);
    return { params, query, body: bodyCheck === undefined ? undefined : request.body };
  };
}

const plainSegment = /^[A-Za-z0-9._~-]+$/;
const parameterSegment = /^:([A-Za-z][A-Za-z0-9_]*)$/;

/**
 * A path the document can describe (no Express wildcards or optional groups), whose every `:name` is a required
 * property of `params` and back. A mismatch is a programming mistake, so it stops the server at start.
 */
function assertPathParametersDeclared(operation: Operation): void {
  const names = pathParameterNames(operation.path, operation.operationId);
  const declared = operation.params === undefined ? [] : Object.keys(operation.params.properties);
  const required = new Set(operation.params?.required ?? []);
  const undeclared = names.filter((name) => !declared.includes(name) || !required.has(name));
  const extra = declared.filter((name) => !names.includes(name));
  if (undeclared.length > 0 || extra.length > 0) {
    throw new Error(
      `Operation ${operation.operationId} (${operation.path}): every :name in the path must be a required property of ` +
        `params and nothing else; undeclared: [${undeclared.join(', ')}], not in the path: [${extra.join(', ')}].`,
    );
  }
}

/** The `:name` parameters of an operation path, in order. */
export function pathParameterNames(path: string, operationId = path): string[] {
  if (!path.startsWith('/')) throw new Error(`Operation ${operationId}: its path must start with "/" (it is under /api).`);
  const segments = path === '/' ? [] : path.slice(1).split('/');
  return segments.flatMap((segment) => {
    const parameter = parameterSegment.exec(segment);
    if (parameter !== null) return [parameter[1] as string];
    if (plainSegment.test(segment)) return [];
    throw new Error(`Operation ${operationId}: "${segment}" in ${path} is neither a plain segment nor a :name parameter.`);
  });
}

/** `/users/:id` → `/users/{id}`: the same path as the OpenAPI document writes it. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9_]*)/g, '{$1}');
}
