import { definitionKinds, type DefinitionKind } from '../api/definitions-api.ts';

/** The designer's pages, all under /designer/ so a reload or a shared link opens the same one. */
export type Route = { page: 'list' } | { page: 'definition'; kind: DefinitionKind; key: string } | { page: 'notFound' };

export const designerBase = '/designer';

export function routeOf(pathname: string): Route {
  if (pathname !== designerBase && !pathname.startsWith(`${designerBase}/`)) return { page: 'notFound' };
  const parts = pathname.slice(designerBase.length).split('/').filter((part) => part !== '');
  if (parts.length === 0) return { page: 'list' };
  const [kind, key] = parts;
  if (parts.length === 2 && (definitionKinds as readonly string[]).includes(kind!)) {
    return { page: 'definition', kind: kind as DefinitionKind, key: decodeURIComponent(key!) };
  }
  return { page: 'notFound' };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'list':
    case 'notFound':
      return `${designerBase}/`;
    case 'definition':
      return `${designerBase}/${route.kind}/${encodeURIComponent(route.key)}`;
  }
}

/** The workspace's sign-in, asked to bring the admin back here afterwards. */
export function signInAddress(current: string): string {
  return `/?next=${encodeURIComponent(current)}`;
}
