import { useEffect, useState } from 'react';
import { useApiClient } from '../../../ui-kit/api/use-api-client.ts';
import { failureStatus, isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../../ui-kit/i18n/LanguageSwitch.tsx';
import { DefinitionListPage } from './DefinitionListPage.tsx';
import { DefinitionPage } from './DefinitionPage.tsx';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { useRoute } from './use-route.ts';
import { pathOf, signInAddress } from './routes.ts';

interface Me {
  displayName: string;
  role: { permissions: { mayManageDefinitions: boolean } };
}

type Session = { state: 'checking' } | { state: 'failed' } | { state: 'signed-in'; me: Me };

function goToSignIn() {
  location.assign(signInAddress(`${location.pathname}${location.search}`));
}

/** Asks who is signed in: signed-out people go to the workspace sign-in and come back; only admins get the studio. */
export function App() {
  const { t } = useI18n();
  const api = useApiClient(goToSignIn);
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const route = useRoute();

  useEffect(() => {
    api.get<Me>('/api/me').then(
      (me) => setSession({ state: 'signed-in', me }),
      (error: unknown) => {
        if (!isApiFailure(error) || failureStatus(error.failure) !== 401) setSession({ state: 'failed' });
      },
    );
  }, [api]);

  if (session.state === 'checking') return <p role="status">{t('app.loading')}</p>;
  if (session.state === 'failed') return <p role="alert">{t('errors.unreachable')}</p>;
  const header = (
    <header className="top-bar">
      <Link href={pathOf({ page: 'list' })} className="brand">
        {t('app.title')}
      </Link>
      <span className="spacer" />
      <a href="/">{t('app.toWorkspace')}</a>
      <span>{session.me.displayName}</span>
      <LanguageSwitch label={t('language.label')} />
    </header>
  );
  if (!session.me.role.permissions.mayManageDefinitions) {
    return (
      <>
        {header}
        <main className="admins-only">
          <h1>{t('app.adminsOnly')}</h1>
          <p>{t('app.adminsOnlyHint')}</p>
        </main>
      </>
    );
  }
  return (
    <>
      {header}
      {route.page === 'definition' ? (
        <DefinitionPage key={`${route.kind}/${route.key}`} api={api} kind={route.kind} definitionKey={route.key} />
      ) : route.page === 'list' ? (
        <DefinitionListPage api={api} />
      ) : (
        <main>
          <h1>{t('app.notFound')}</h1>
        </main>
      )}
    </>
  );
}
