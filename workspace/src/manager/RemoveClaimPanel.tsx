import { useId, useState, type FormEvent } from 'react';
import { isApiFailure, type ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { removeClaim } from '../api/claims.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';

/** 去掉占有: a manager sends an owned customer back to the pool, saying why if they like; the server judges. */
export function RemoveClaimPanel({ customerId, customerName, onRemoved }: { customerId: number; customerName: string; onRemoved(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setFailure(undefined);
    try {
      await removeClaim(api, customerId, reason);
      setOpen(false);
      onRemoved();
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setFailure(error.failure);
    } finally {
      setSaving(false);
    }
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={t('removeClaim.openFor', { name: customerName })}>
        {t('removeClaim.open')}
      </button>
    );
  }
  return (
    <form className="remove-claim-form" onSubmit={(event) => void confirm(event)}>
      <label htmlFor={`${id}-reason`}>{t('removeClaim.reason')}</label>
      <input id={`${id}-reason`} value={reason} maxLength={500} autoFocus onChange={(event) => setReason(event.target.value)} />
      <button type="submit" className="primary" disabled={saving}>
        {t('removeClaim.confirm')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
      {failure !== undefined && (
        <p className="form-error" role="alert">
          {failureMessage(failure, t)}
        </p>
      )}
    </form>
  );
}
