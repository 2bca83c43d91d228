import { useSyncExternalStore } from 'react';
import { routeOf, type Route } from './routes.ts';

const changeEvent = 'stagecraft-designer:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

/** The route of the address bar, kept current on back/forward and on `navigate`. */
export function useRoute(): Route {
  return routeOf(useSyncExternalStore(subscribe, () => location.pathname));
}

/** Shows another page without reloading; the server answers every /designer address with the app. */
export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(changeEvent));
}
