import { useCallback, useEffect, useState } from 'react';
import { isApiFailure, type ApiFailure } from '../api/api-failure.ts';

export type Loaded<T> =
  | { status: 'loading'; value: T | undefined }
  | { status: 'ready'; value: T }
  | { status: 'failed'; value: T | undefined; failure: ApiFailure };

/**
 * One API read a page shows, loaded again whenever a key changes or `reload` is called. While it reloads the last
 * value stays on screen, so a refresh after a save does not make the page jump.
 */
export function useLoaded<T>(load: () => Promise<T>, keys: readonly unknown[]): Loaded<T> & { reload(): void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading', value: undefined });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', value: previous.value }));
    load().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => {
        if (!current) return;
        if (!isApiFailure(error)) throw error;
        setState((previous) => ({ status: 'failed', value: previous.value, failure: error.failure }));
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new function every render; the keys say when it asks for something else.
  }, [...keys, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
