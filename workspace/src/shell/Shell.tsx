import { lazy, Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { Me } from '../api/me.ts';
import { fetchPeople } from '../api/people.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { CustomerPage } from '../customer/CustomerPage.tsx';
import { createFormatters } from '../../../ui-kit/i18n/format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { stageLabel } from '../i18n/stage-label.ts';
import { ReminderPopups } from '../notifications/ReminderPopups.tsx';
import { useNotifications } from '../notifications/use-notifications.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { peopleById, personName as nameOfPerson } from '../people/person-name.ts';
import { LeadPage } from '../leads/LeadPage.tsx';
import { LeadsPage } from '../leads/LeadsPage.tsx';
import { ImportPage } from '../import/ImportPage.tsx';
import { NewCustomerPage } from '../new-customer/NewCustomerPage.tsx';
import { PoolPage } from '../pool/PoolPage.tsx';
import { QueuePage } from '../queue/QueuePage.tsx';
import { StageListPage } from '../stages/StageListPage.tsx';
import { PausedCustomersPage } from '../manager/PausedCustomersPage.tsx';
import { TeamContactRecordsPage } from '../manager/TeamContactRecordsPage.tsx';
import { pathOf } from '../routing/routes.ts';
import { useRoute } from '../routing/use-route.ts';
import { useWorkQueue } from '../work-line/use-work-queue.ts';
import { WorkLinePage } from '../work-line/WorkLinePage.tsx';
import { WebFormEditorPage } from '../web-forms/WebFormEditorPage.tsx';
import { WebFormsPage } from '../web-forms/WebFormsPage.tsx';
import { SessionContext } from './session-context.ts';
import { SideNav } from './SideNav.tsx';
import { TopBar } from './TopBar.tsx';

// The review page carries ECharts (~180 KB gzipped): loaded when first opened, not with the console a rep works in.
const ReviewPage = lazy(() => import('../review/ReviewPage.tsx').then((module) => ({ default: module.ReviewPage })));

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
  const stages = queue.summary.stages;
  const stageName = useCallback(
    (key: string) => stageLabel(stages.find((stage) => stage.key === key) ?? { key }, locale, t),
    [stages, locale, t],
  );
  // Names change rarely and a stale one is harmless: one read per session, not one per page.
  const directory = useLoaded(() => fetchPeople(api), [api]);
  const people = useMemo(() => directory.value ?? [], [directory.value]);
  const personName = useMemo(() => {
    const byId = peopleById(people);
    return (id: number | null) => nameOfPerson(id, { meId: me.id, people: byId, t });
  }, [people, me.id, t]);
  const session = useMemo(
    () => ({ me, api, format: createFormatters(locale, me.timeZone), stages, stageName, people, personName }),
    [me, api, locale, stages, stageName, people, personName],
  );
  const notifications = useNotifications(api);
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
      page = <QueuePage onWorked={reload} />;
      break;
    case 'customer':
      page = <CustomerPage key={route.id} customerId={route.id} onChanged={reload} />;
      break;
    case 'stage':
      page = <StageListPage key={`${route.stage}:${route.due ?? ''}`} stageKey={route.stage} due={route.due} />;
      break;
    case 'pool':
      page = <PoolPage onClaimed={reload} />;
      break;
    case 'newCustomer':
      page = <NewCustomerPage onCreated={reload} />;
      break;
    case 'leads':
      page = <LeadsPage />;
      break;
    case 'lead':
      page = <LeadPage key={route.id} leadId={route.id} onChanged={reload} />;
      break;
    case 'contactRecords':
      page = <TeamContactRecordsPage />;
      break;
    case 'review':
      page = (
        <Suspense
          fallback={
            <p className="app-loading" role="status">
              {t('app.loading')}
            </p>
          }
        >
          <ReviewPage />
        </Suspense>
      );
      break;
    case 'pausedCustomers':
      page = <PausedCustomersPage />;
      break;
    case 'import':
      page = <ImportPage />;
      break;
    case 'webForms':
      page = <WebFormsPage />;
      break;
    case 'newWebForm':
    case 'webForm':
      // One element for both, so the address a creation moves to keeps the page (and its "saved" notice) as it is.
      page = <WebFormEditorPage formId={route.page === 'webForm' ? route.id : undefined} />;
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
        <TopBar onSignedOut={onSignedOut} notifications={notifications} />
        <div className="shell-body">
          <SideNav
            stages={stages}
            route={route}
            mayReassign={me.role.permissions.mayReassign}
            mayImport={me.role.permissions.mayImport}
            mayManageDefinitions={me.role.permissions.mayManageDefinitions}
          />
          <main id="content" ref={main} tabIndex={-1}>
            {page}
          </main>
        </div>
        <ReminderPopups notifications={notifications} />
      </div>
    </SessionContext>
  );
}
