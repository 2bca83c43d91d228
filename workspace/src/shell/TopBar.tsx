import { useState } from 'react';
import { isApiFailure, type ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { logOut } from '../api/me.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../../ui-kit/i18n/LanguageSwitch.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import type { Notifications } from '../notifications/use-notifications.ts';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { useSession } from './session-context.ts';

/** The product, the notification bell, who is signed in with which role and team, the language, and signing out. */
export function TopBar({ onSignedOut, notifications }: { onSignedOut(): void; notifications: Notifications }) {
  const { me, api } = useSession();
  const { locale, t } = useI18n();
  const [failure, setFailure] = useState<ApiFailure>();
  const role = me.role.labels[locale];

  async function signOut() {
    try {
      await logOut(api);
      onSignedOut();
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setFailure(error.failure);
    }
  }

  return (
    <header className="top-bar">
      <Link className="brand" href="/">
        {t('app.name')}
      </Link>
      <div className="top-bar-end">
        {me.role.permissions.mayManageDefinitions && <a href="/designer/">{t('shell.designer')}</a>}
        <NotificationBell notifications={notifications} />
        <p className="user" aria-label={t('shell.userMenu', { name: me.displayName, role })}>
          <span className="user-name">{me.displayName}</span>
          <span className="user-role">
            {role}
            {me.team === null ? '' : ` · ${me.team.name}`}
          </span>
        </p>
        <LanguageSwitch label={t('language.label')} />
        <button type="button" onClick={signOut}>
          {t('shell.logout')}
        </button>
        {failure !== undefined && (
          <p className="form-error" role="alert">
            {failureMessage(failure, t)}
          </p>
        )}
      </div>
    </header>
  );
}
