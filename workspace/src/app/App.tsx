import { useEffect, useState } from 'react';
import { useApiClient } from '../../../ui-kit/api/use-api-client.ts';
import { isApiFailure, type ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { fetchMe, type Me } from '../api/me.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { LoginPage, type LoginNotice } from '../login/LoginPage.tsx';
import { Shell } from '../shell/Shell.tsx';

/**
 * The designer (/designer) sends a signed-out admin here with `?next=/designer/…`; once signed in they go back.
 * Only designer addresses are followed, so the parameter cannot send anyone to another site.
 */
function returnToDesigner(): boolean {
  const next = new URLSearchParams(location.search).get('next');
  if (next === null || !/^\/designer(\/|$)/.test(next)) return false;
  location.assign(next);
  return true;
}

type Session =
  | { state: 'checking' }
  | { state: 'signed-out'; notice?: LoginNotice; failure?: ApiFailure }
  | { state: 'signed-in'; me: Me };

/** Asks who is signed in, then shows the login page or the workspace; any 401 later brings the login page back. */
export function App() {
  const { t } = useI18n();
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const api = useApiClient(() =>
    setSession((current) => (current.state === 'signed-in' ? { state: 'signed-out', notice: 'sessionEnded' } : current)),
  );

  useEffect(() => {
    let current = true;
    fetchMe(api).then(
      (me) => current && !returnToDesigner() && setSession({ state: 'signed-in', me }),
      (error: unknown) => {
        if (!current) return;
        if (isApiFailure(error, 'unauthenticated')) setSession({ state: 'signed-out' });
        else if (isApiFailure(error)) setSession({ state: 'signed-out', failure: error.failure });
        else throw error;
      },
    );
    return () => {
      current = false;
    };
  }, [api]);

  switch (session.state) {
    case 'checking':
      return (
        <p className="app-loading" role="status">
          {t('app.loading')}
        </p>
      );
    case 'signed-out':
      return (
        <LoginPage
          api={api}
          {...(session.notice === undefined ? {} : { notice: session.notice })}
          {...(session.failure === undefined ? {} : { failure: session.failure })}
          onSignedIn={(me) => !returnToDesigner() && setSession({ state: 'signed-in', me })}
        />
      );
    case 'signed-in':
      return <Shell api={api} me={session.me} onSignedOut={() => setSession({ state: 'signed-out', notice: 'signedOut' })} />;
  }
}
