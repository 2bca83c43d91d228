import type { RequestHandler, Router } from 'express';
import { declaredOperations } from './route-operation.ts';

const routersOf = new WeakMap<RequestHandler, readonly Router[]>();

/** The routers a handler of {@link routersByFirstSegment} enters, for checks of what is mounted. */
export function routersBehind(handler: unknown): readonly Router[] {
  return routersOf.get(handler as RequestHandler) ?? [];
}

const firstSegmentOf = (path: string) => path.split('/')[1] ?? '';

/**
 * One handler for the API's routers: a request enters, in their order, only the routers that declare an operation
 * whose path starts with the request's first segment (`/leads/7` → those with a `/leads…` path); a path starting
 * with a parameter matches every request. Mounted one by one instead, every request walked every route of every router
 * mounted before its own. The routers must declare all their routes with `route` (route-operation.ts).
 */
export function routersByFirstSegment(routers: readonly Router[]): RequestHandler {
  const bySegment = new Map<string, Router[]>();
  const anySegment: Router[] = [];
  for (const router of routers) {
    for (const segment of new Set(declaredOperations(router).map((operation) => firstSegmentOf(operation.path)))) {
      if (segment.startsWith(':')) anySegment.push(router);
      else bySegment.set(segment, [...(bySegment.get(segment) ?? []), router]);
    }
  }
  const entered = new Map([...bySegment].map(([segment, some]) => [segment, routers.filter((router) => some.includes(router) || anySegment.includes(router))]));
  const handler: RequestHandler = (request, response, next) => {
    const candidates = entered.get(firstSegmentOf(request.path)) ?? anySegment;
    let index = 0;
    const enterNext = (error?: unknown) => {
      // A router left with next('router') (or having no matching route) hands on to the next one, as app.use would.
      if (error !== undefined && error !== null && error !== 'router' && error !== 'route') {
        next(error);
        return;
      }
      const router = candidates[index++];
      if (router === undefined) next();
      else router(request, response, enterNext);
    };
    enterNext();
  };
  routersOf.set(handler, routers);
  return handler;
}
