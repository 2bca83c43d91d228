import { workLineBuckets, type WorkLineBucket } from '../api/work-queue.ts';

/** The workspace's pages; each has one address, so a reload or a shared link opens the same page. */
export type Route =
  | { page: 'workLine' }
  | { page: 'queue' }
  | { page: 'stage'; stage: string; due?: WorkLineBucket }
  | { page: 'customer'; id: number }
  | { page: 'pool' }
  | { page: 'newCustomer' }
  | { page: 'leads' }
  | { page: 'lead'; id: number }
  | { page: 'contactRecords' }
  | { page: 'review' }
  | { page: 'pausedCustomers' }
  | { page: 'import' }
  | { page: 'webForms' }
  | { page: 'webForm'; id: number }
  | { page: 'newWebForm' }
  | { page: 'notFound'; path: string };

const stageKey = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function isBucket(value: string | null): value is WorkLineBucket {
  return (workLineBuckets as readonly (string | null)[]).includes(value);
}

/** The page an address shows. Stage keys come from the definition, so any well-formed key is a stage page. */
export function routeOf(pathname: string, search = ''): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { page: 'workLine' };
  if (path === '/queue') return { page: 'queue' };
  if (path === '/pool') return { page: 'pool' };
  if (path === '/new-customer') return { page: 'newCustomer' };
  if (path === '/import') return { page: 'import' };
  if (path === '/leads') return { page: 'leads' };
  const leadId = /^\/leads\/([1-9][0-9]{0,14})$/.exec(path)?.[1];
  if (leadId !== undefined) return { page: 'lead', id: Number(leadId) };
  if (path === '/contact-records') return { page: 'contactRecords' };
  if (path === '/review') return { page: 'review' };
  if (path === '/paused-customers') return { page: 'pausedCustomers' };
  if (path === '/web-forms') return { page: 'webForms' };
  if (path === '/web-forms/new') return { page: 'newWebForm' };
  const webFormId = /^\/web-forms\/([1-9][0-9]{0,14})$/.exec(path)?.[1];
  if (webFormId !== undefined) return { page: 'webForm', id: Number(webFormId) };
  const segment = /^\/customers\/([^/]+)$/.exec(path)?.[1];
  // Stage keys start with a letter, so a whole number after /customers/ is a customer's id.
  if (segment !== undefined && /^[1-9][0-9]{0,14}$/.test(segment)) return { page: 'customer', id: Number(segment) };
  const stage = segment;
  if (stage !== undefined && stageKey.test(stage)) {
    const due = new URLSearchParams(search).get('due');
    return isBucket(due) ? { page: 'stage', stage, due } : { page: 'stage', stage };
  }
  return { page: 'notFound', path: pathname };
}

/** The address of a page; `routeOf(pathOf(route))` gives the route back. */
export function pathOf(route: Route): string {
  switch (route.page) {
    case 'workLine':
      return '/';
    case 'queue':
      return '/queue';
    case 'pool':
      return '/pool';
    case 'newCustomer':
      return '/new-customer';
    case 'import':
      return '/import';
    case 'leads':
      return '/leads';
    case 'lead':
      return `/leads/${route.id}`;
    case 'contactRecords':
      return '/contact-records';
    case 'review':
      return '/review';
    case 'pausedCustomers':
      return '/paused-customers';
    case 'webForms':
      return '/web-forms';
    case 'webForm':
      return `/web-forms/${route.id}`;
    case 'newWebForm':
      return '/web-forms/new';
    case 'customer':
      return `/customers/${route.id}`;
    case 'stage':
      return `/customers/${route.stage}${route.due === undefined ? '' : `?due=${route.due}`}`;
    case 'notFound':
      return route.path;
  }
}

/** Whether a navigation entry for `item` is the current page (a stage page with a filter still counts). */
export function isCurrent(item: Route, current: Route): boolean {
  if (item.page !== current.page) return false;
  return item.page !== 'stage' || (current.page === 'stage' && item.stage === current.stage);
}
