import { useId } from 'react';
import type { StageSummary } from '../api/work-queue.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { stageLabel } from '../i18n/stage-label.ts';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { isCurrent, pathOf, type Route } from '../routing/routes.ts';

function NavLink({ to, current, label }: { to: Route; current: Route; label: string }) {
  return (
    <Link href={pathOf(to)} aria-current={isCurrent(to, current) ? 'page' : undefined}>
      {label}
    </Link>
  );
}

/**
 * The work line first, then one entry per customer stage of the definition, then the pool, records and review; those
 * who reassign (managers) also get the paused customers to look at, those who may import the import page, and those
 * who manage definitions (admins) the web forms.
 */
export function SideNav({
  stages,
  route,
  mayReassign,
  mayImport,
  mayManageDefinitions,
}: {
  stages: readonly StageSummary[];
  route: Route;
  mayReassign: boolean;
  mayImport: boolean;
  mayManageDefinitions: boolean;
}) {
  const { locale, t } = useI18n();
  const stagesHeading = useId();
  return (
    <nav className="side-nav" aria-label={t('shell.mainNavigation')}>
      <ul>
        <li>
          <NavLink to={{ page: 'workLine' }} current={route} label={t('nav.workLine')} />
        </li>
        <li>
          <NavLink to={{ page: 'newCustomer' }} current={route} label={t('nav.newCustomer')} />
        </li>
        <li>
          <span className="nav-group" id={stagesHeading}>
            {t('nav.stages')}
          </span>
          <ul aria-labelledby={stagesHeading}>
            {stages.map((stage) => (
              <li key={stage.key}>
                <NavLink to={{ page: 'stage', stage: stage.key }} current={route} label={stageLabel(stage, locale, t)} />
              </li>
            ))}
          </ul>
        </li>
        <li>
          <NavLink to={{ page: 'pool' }} current={route} label={t('nav.pool')} />
        </li>
        <li>
          <NavLink to={{ page: 'leads' }} current={route} label={t('nav.leads')} />
        </li>
        <li>
          <NavLink to={{ page: 'contactRecords' }} current={route} label={t('nav.contactRecords')} />
        </li>
        <li>
          <NavLink to={{ page: 'review' }} current={route} label={t('nav.review')} />
        </li>
        {mayReassign && (
          <li>
            <NavLink to={{ page: 'pausedCustomers' }} current={route} label={t('nav.pausedCustomers')} />
          </li>
        )}
        {mayImport && (
          <li>
            <NavLink to={{ page: 'import' }} current={route} label={t('nav.import')} />
          </li>
        )}
        {mayManageDefinitions && (
          <li>
            <NavLink to={{ page: 'webForms' }} current={route} label={t('nav.webForms')} />
          </li>
        )}
      </ul>
    </nav>
  );
}
