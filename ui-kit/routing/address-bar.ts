import { useSyncExternalStore } from 'react';

// Fired by `navigate`: `pushState` itself tells no one, unlike back and forward (`popstate`).
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

/** The address bar's path and query, kept current on back/forward and on `navigate`; the app reads its route from them. */
export function useAddress(): { path: string; query: string } {
  const address = useSyncExternalStore(subscribe, currentAddress);
  const queryAt = address.indexOf('?');
  return queryAt < 0 ? { path: address, query: '' } : { path: address.slice(0, queryAt), query: address.slice(queryAt) };
}

/** Shows another page of the app without reloading it; the server answers every page address with the app. */
export function navigate(path: string): void {
  if (path === currentAddress()) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(changeEvent));
}
