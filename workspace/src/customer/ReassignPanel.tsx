import { useId, useMemo, useState, type FormEvent } from 'react';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { reassignCustomer, type Customer } from '../api/customers.ts';
import { problemsOfFailure, type FormProblems } from '../api/field-problems.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';
import { reassignCandidates } from './reassign-candidates.ts';

type ReassignField = 'toUserId' | 'reason';
const reassignFields: readonly ReassignField[] = ['toUserId', 'reason'];
const noProblems: FormProblems<ReassignField> = { byField: {}, general: [] };

/**
 * 调拨 for roles with mayReassign: pick a team member, say why if you like, confirm. The stage's permission, the
 * owner's team and the assignee's capacity are the server's to judge; its refusal shows by the field it names.
 */
export function ReassignPanel({ customer, onReassigned }: { customer: Pick<Customer, 'id' | 'ownerId'>; onReassigned(): void }) {
  const { api, me, people, personName } = useSession();
  const { locale, t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [toUserId, setToUserId] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState(noProblems);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<string>();
  const candidates = useMemo(
    () => reassignCandidates(people, me, customer.ownerId, new Intl.Collator(locale)),
    [people, me, customer.ownerId, locale],
  );

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    if (toUserId === '') {
      setProblems({ byField: { toUserId: [t('reassign.pickSomeone')] }, general: [] });
      return;
    }
    setSaving(true);
    setProblems(noProblems);
    try {
      const target = Number(toUserId);
      await reassignCustomer(api, customer.id, { toUserId: target, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) });
      setOpen(false);
      setToUserId('');
      setReason('');
      setDone(t('reassign.done', { name: personName(target) }));
      onReassigned();
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setProblems(problemsOfFailure(error.failure, reassignFields, t));
    } finally {
      setSaving(false);
    }
  }

  if (!open) {
    return (
      <div className="reassign">
        <button
          type="button"
          onClick={() => {
            setDone(undefined);
            setProblems(noProblems);
            setOpen(true);
          }}
        >
          {t('reassign.open')}
        </button>
        {done !== undefined && (
          <p className="notice" role="status">
            {done}
          </p>
        )}
      </div>
    );
  }

  const errorOf = (field: ReassignField) => problems.byField[field];
  const described = (field: ReassignField) => (errorOf(field) === undefined ? undefined : `${id}-${field}-error`);
  const fieldError = (field: ReassignField) =>
    errorOf(field) !== undefined && (
      <p className="field-error" id={`${id}-${field}-error`} role="alert">
        {errorOf(field)!.join(' ')}
      </p>
    );

  return (
    <form className="reassign reassign-form" onSubmit={confirm} noValidate aria-busy={saving} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('reassign.title')}</h3>
      {problems.general.length > 0 && (
        <div className="form-error" role="alert">
          {problems.general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {candidates.length === 0 && <p className="hint">{t('reassign.noOne')}</p>}
      <div className="field">
        <label htmlFor={`${id}-toUserId`}>{t('reassign.to')}</label>
        <select
          id={`${id}-toUserId`}
          name="toUserId"
          value={toUserId}
          autoFocus
          aria-invalid={errorOf('toUserId') !== undefined}
          aria-describedby={described('toUserId')}
          onChange={(event) => setToUserId(event.target.value)}
        >
          <option value="">{t('reassign.choose')}</option>
          {candidates.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </select>
        {fieldError('toUserId')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('reassign.reason')}</label>
        <input
          id={`${id}-reason`}
          name="reason"
          value={reason}
          maxLength={500}
          aria-invalid={errorOf('reason') !== undefined}
          aria-describedby={described('reason')}
          onChange={(event) => setReason(event.target.value)}
        />
        {fieldError('reason')}
      </div>
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={saving}>
          {t(saving ? 'reassign.saving' : 'reassign.confirm')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
