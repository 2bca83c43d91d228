import { useSyncExternalStore } from 'react';
import { routeOf, type Route } from './routes.ts';

const changeEvent = 'stagecraft:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

const currentAddress = () => `${location.pathname}${location.search}`;

/** The route of the address bar, kept current on back/forward and on `navigate`. */
export function useRoute(): Route {
  const address = useSyncExternalStore(subscribe, currentAddress);
  const queryAt = address.indexOf('?');
  return queryAt < 0 ? routeOf(address) : routeOf(address.slice(0, queryAt), address.slice(queryAt));
}

/** Shows another page of the app without reloading it; the server answers every page address with the app. */
export function navigate(path: string): void {
  if (path === currentAddress()) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(changeEvent));
}
