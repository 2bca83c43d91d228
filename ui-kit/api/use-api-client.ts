import { useEffect, useMemo, useRef } from 'react';
import { useLocaleChoice } from '../i18n/i18n-context.tsx';
import { createApiClient, type ApiClient } from './api-client.ts';

/**
 * The app's one API client for as long as it is mounted: it asks in the interface language of the moment and calls
 * the latest `onSessionEnded` when a call answers 401.
 */
export function useApiClient(onSessionEnded: () => void): ApiClient {
  const { locale } = useLocaleChoice();
  const latest = useRef({ locale, onSessionEnded });
  useEffect(() => {
    latest.current = { locale, onSessionEnded };
  });
  return useMemo(
    () => createApiClient({ locale: () => latest.current.locale, onSessionEnded: () => latest.current.onSessionEnded() }),
    [],
  );
}
