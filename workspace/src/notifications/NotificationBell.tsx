import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { useSession } from '../shell/session-context.ts';
import { notificationPathOf } from './notification-path.ts';
import type { Notifications } from './use-notifications.ts';

/** The bell in the top bar: the unread count, and a list of the newest notifications to read and open. */
export function NotificationBell({ notifications }: { notifications: Notifications }) {
  const { locale, t } = useI18n();
  const { format } = useSession();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const { inbox } = notifications;

  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="notification-bell">
      <button
        type="button"
        ref={button}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('notifications.bell', { count: inbox.unreadCount })}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">{t('notifications.title')}</span>
        {inbox.unreadCount > 0 && (
          <span className="badge" data-testid="unread-count">
            {format.count(inbox.unreadCount)}
          </span>
        )}
      </button>
      {open && (
        <div
          className="notification-panel"
          id={panelId}
          ref={panel}
          tabIndex={-1}
          role="region"
          aria-label={t('notifications.title')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <div className="panel-header">
            <h2>{t('notifications.title')}</h2>
            <button type="button" onClick={notifications.markAllRead} disabled={inbox.unreadCount === 0}>
              {t('notifications.markAllRead')}
            </button>
            <button type="button" onClick={close}>
              {t('common.close')}
            </button>
          </div>
          {inbox.items.length === 0 ? (
            <p className="hint">{t('notifications.empty')}</p>
          ) : (
            <ul>
              {inbox.items.map((item) => {
                const path = notificationPathOf(item);
                return (
                  <li key={item.id} className={item.readAt === null ? 'unread' : undefined}>
                    <p className="notification-title">{item.title[locale]}</p>
                    {item.body !== null && <p>{item.body[locale]}</p>}
                    <p className="hint">{format.dateTime(item.createdAt)}</p>
                    <div className="row-actions">
                      {path !== undefined && (
                        <Link href={path} onClick={() => setOpen(false)}>
                          {t('notifications.open')}
                        </Link>
                      )}
                      {item.readAt === null && (
                        <button type="button" onClick={() => notifications.markRead(item)}>
                          {t('notifications.markRead')}
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
