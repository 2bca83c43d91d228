import { useAddress } from '../../../ui-kit/routing/address-bar.ts';
import { routeOf, type Route } from './routes.ts';

/** The designer page the address bar shows, kept current on back/forward and on `navigate`. */
export function useRoute(): Route {
  return routeOf(useAddress().path);
}
