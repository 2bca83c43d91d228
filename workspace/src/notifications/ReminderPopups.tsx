import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { notificationPathOf } from './notification-path.ts';
import type { Notifications } from './use-notifications.ts';

/** Reminders that fall due while the rep works pop up here (seed 001: 到回访时间系统自动弹出窗体进行提醒). */
export function ReminderPopups({ notifications }: { notifications: Notifications }) {
  const { locale, t } = useI18n();
  const { popups } = notifications.inbox;
  return (
    <section className="reminder-popups" aria-label={t('notifications.popups')} aria-live="assertive">
      {popups.map((popup) => {
        const path = notificationPathOf(popup);
        return (
          <div key={popup.id} className={`reminder-popup severity-${popup.severity}`} role="alert">
            <p className="notification-title">{popup.title[locale]}</p>
            {popup.body !== null && <p>{popup.body[locale]}</p>}
            <div className="row-actions">
              {path !== undefined && (
                <Link href={path} onClick={() => notifications.markRead(popup)}>
                  {t('notifications.open')}
                </Link>
              )}
              <button type="button" onClick={() => notifications.markRead(popup)}>
                {t('notifications.markRead')}
              </button>
              <button type="button" onClick={() => notifications.dismiss(popup.id)}>
                {t('notifications.dismiss')}
              </button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
