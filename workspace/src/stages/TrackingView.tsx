import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Customer } from '../api/customers.ts';
import { LogContactDialog } from '../contact-log/LogContactDialog.tsx';
import { CustomerSummary } from '../customer/CustomerSummary.tsx';
import { useLogContactKey } from '../customer/use-log-contact-key.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { isNextKey, isShortcutKey } from '../queue/queue-walk.ts';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { pathOf } from '../routing/routes.ts';
import { useSession } from '../shell/session-context.ts';

interface TrackingViewProps {
  stageLabel: string;
  customers: readonly Customer[];
  /** Back to the list, which reloads: logged contacts may have moved customers. */
  onClose(): void;
}

/**
 * 正在跟踪…: the listed customers one at a time, in the list's order — Next (N) and Previous (P) move, L opens the
 * contact log (with the call scripts of the customer's stage beside it), and the 360° page is a link away.
 */
export function TrackingView({ stageLabel, customers, onClose }: TrackingViewProps) {
  const { format } = useSession();
  const { t } = useI18n();
  const [index, setIndex] = useState(0);
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState<Set<number>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);
  const customer = customers[Math.min(index, customers.length - 1)]!;
  const name = customer.name ?? `#${customer.id}`;

  useEffect(() => {
    heading.current?.focus();
  }, [index]);

  useLogContactKey(() => setLogging(true), !logging);
  // Listening from the commit on (not after paint), so an N pressed the moment the customer shows is not lost.
  useLayoutEffect(() => {
    if (logging) return;
    const onKey = (event: KeyboardEvent) => {
      const press = { key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, target: event.target as HTMLElement | null };
      if (isNextKey(press)) setIndex((current) => Math.min(current + 1, customers.length - 1));
      else if (isShortcutKey(press, 'p')) setIndex((current) => Math.max(current - 1, 0));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [logging, customers.length]);

  return (
    <section className="page tracking-view" aria-labelledby="tracking-title">
      <header className="page-header">
        <p className="hint">{t('stages.tracking', { stage: stageLabel, position: format.count(index + 1), count: format.count(customers.length) })}</p>
        <h1 id="tracking-title" ref={heading} tabIndex={-1} data-customer-id={customer.id}>
          {name}
        </h1>
      </header>
      <CustomerSummary customer={customer} />
      {logged.has(customer.id) && (
        <p className="notice" role="status">
          {t('stages.logged')}
        </p>
      )}
      <div className="tracking-actions">
        <button type="button" className="primary" onClick={() => setLogging(true)}>
          {t('stages.logContact')}
        </button>
        <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {t('stages.previous')}
        </button>
        <button type="button" disabled={index >= customers.length - 1} onClick={() => setIndex(index + 1)}>
          {t('stages.next')}
        </button>
        <Link href={pathOf({ page: 'customer', id: customer.id })}>{t('stages.open360')}</Link>
        <button type="button" onClick={onClose}>
          {t('stages.backToList')}
        </button>
      </div>
      {logging && (
        <LogContactDialog
          customer={customer}
          onClose={() => setLogging(false)}
          onLogged={() => {
            setLogging(false);
            setLogged((current) => new Set(current).add(customer.id));
          }}
        />
      )}
    </section>
  );
}
