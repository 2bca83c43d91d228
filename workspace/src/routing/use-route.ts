import { useAddress } from '../../../ui-kit/routing/address-bar.ts';
import { routeOf, type Route } from './routes.ts';

/** The workspace page the address bar shows, kept current on back/forward and on `navigate`. */
export function useRoute(): Route {
  const { path, query } = useAddress();
  return routeOf(path, query);
}
