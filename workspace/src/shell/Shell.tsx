import { useEffect, useMemo, useRef } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { Me } from '../api/me.ts';
import { createFormatters } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { PlaceholderPage } from '../pages/PlaceholderPage.tsx';
import { StagePage } from '../pages/StagePage.tsx';
import { pathOf } from '../routing/routes.ts';
import { useRoute } from '../routing/use-route.ts';
import { useWorkQueue } from '../work-line/use-work-queue.ts';
import { WorkLinePage } from '../work-line/WorkLinePage.tsx';
import { SessionContext } from './session-context.ts';
import { SideNav } from './SideNav.tsx';
import { TopBar } from './TopBar.tsx';

interface ShellProps {
  api: ApiClient;
  me: Me;
  onSignedOut(): void;
}

/** The signed-in workspace: top bar, navigation by stage, and the page the address names. */
export function Shell({ api, me, onSignedOut }: ShellProps) {
  const { locale, t } = useI18n();
  const route = useRoute();
  const { queue, reload } = useWorkQueue(api);
  const session = useMemo(() => ({ me, api, format: createFormatters(locale, me.timeZone) }), [me, api, locale]);
  const main = useRef<HTMLElement>(null);

  // After moving to another page, keyboard and screen-reader users start at its heading, not at the top bar.
  const address = pathOf(route);
  const firstAddress = useRef(address);
  useEffect(() => {
    if (address !== firstAddress.current) main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [address]);

  let page;
  switch (route.page) {
    case 'workLine':
      page = <WorkLinePage queue={queue} onRetry={reload} />;
      break;
    case 'queue':
      page = <PlaceholderPage title={t('page.queue.title')} description={t('page.queue.description')} />;
      break;
    case 'stage':
      page = <StagePage stageKey={route.stage} due={route.due} stages={queue.summary.stages} />;
      break;
    case 'pool':
      page = (
        <PlaceholderPage
          title={t('nav.pool')}
          description={t('page.pool.description', { quota: session.format.count(me.role.claimQuotaPerDay) })}
        />
      );
      break;
    case 'contactRecords':
      page = <PlaceholderPage title={t('nav.contactRecords')} description={t('page.contactRecords.description')} />;
      break;
    case 'review':
      page = <PlaceholderPage title={t('nav.review')} description={t('page.review.description')} />;
      break;
    case 'notFound':
      page = <NotFoundPage path={route.path} />;
      break;
  }

  return (
    <SessionContext value={session}>
      <div className="shell">
        <a
          className="skip-link"
          href="#content"
          onClick={(event) => {
            event.preventDefault();
            main.current?.focus();
          }}
        >
          {t('app.skipToContent')}
        </a>
        <TopBar onSignedOut={onSignedOut} />
        <div className="shell-body">
          <SideNav stages={queue.summary.stages} route={route} />
          <main id="content" ref={main} tabIndex={-1}>
            {page}
          </main>
        </div>
      </div>
    </SessionContext>
  );
}
