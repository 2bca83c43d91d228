import { useId, useMemo, useState, type FormEvent } from 'react';
import { contactChannels, contactOutcomes } from '../api/contact-records.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { problemsByField } from '../api/field-problems.ts';
import { fetchTeamContactRecords, type TeamContactRecord, type TeamContactRecordFilters } from '../api/reviews.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { ListFooter } from '../app/ListFooter.tsx';
import { usePagedList } from '../app/use-paged-list.ts';
import { reassignCandidates } from '../customer/reassign-candidates.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { pathOf } from '../routing/routes.ts';
import { ExportLink } from '../export/ExportLink.tsx';
import { useSession } from '../shell/session-context.ts';
import { teamRecordsExportSearch } from './team-records-export.ts';

const filterFields = ['query/author', 'query/from', 'query/to'] as const;
const isKnown = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * 联系记录: the contact records of the people one reviews — a rep their own, a manager their team's (审核联系记录),
 * newest first, filtered by rep and by the days of one's own zone.
 */
export function TeamContactRecordsPage() {
  const { api, me, people, personName, format, stageName } = useSession();
  const { locale, t } = useI18n();
  useDocumentTitle(t('nav.contactRecords'));
  const id = useId();
  const reviewsOthers = me.role.visibility !== 'own';
  const reps = useMemo(() => (reviewsOthers ? reassignCandidates(people, me, null, new Intl.Collator(locale)) : []), [reviewsOthers, people, me, locale]);
  const [draft, setDraft] = useState<TeamContactRecordFilters>({});
  const [filters, setFilters] = useState<TeamContactRecordFilters>({});
  const list = usePagedList((cursor?: string) => fetchTeamContactRecords(api, filters, cursor), [api, filters]);
  const page = list.first;
  const problems = page.status === 'failed' && page.failure.kind === 'problem' ? problemsByField(page.failure.problem, filterFields) : undefined;

  const records: TeamContactRecord[] = list.items;

  function submit(event: FormEvent) {
    event.preventDefault();
    setFilters({ ...draft });
  }

  const fieldError = (field: (typeof filterFields)[number]) =>
    problems?.byField[field] === undefined ? undefined : (
      <span className="field-error" role="alert">
        {problems.byField[field]!.join(' ')}
      </span>
    );

  return (
    <section className="page contact-review-page">
      <header className="page-header">
        <h1 tabIndex={-1}>{t('nav.contactRecords')}</h1>
        <p className="hint">{t(reviewsOthers ? 'contactReview.hintTeam' : 'contactReview.hintOwn', { zone: me.timeZone })}</p>
      </header>
      <form className="stage-filters" onSubmit={submit}>
        {reviewsOthers && (
          <>
            <label htmlFor={`${id}-author`}>{t('contactReview.rep')}</label>
            <select
              id={`${id}-author`}
              value={draft.author ?? ''}
              onChange={(event) => {
                const { author: _dropped, ...rest } = draft;
                setDraft(event.target.value === '' ? rest : { ...rest, author: Number(event.target.value) });
              }}
            >
              <option value="">{t('contactReview.everyone')}</option>
              {reps.map((person) => (
                <option key={person.id} value={person.id}>{person.displayName}</option>
              ))}
            </select>
            {fieldError('query/author')}
          </>
        )}
        <label htmlFor={`${id}-from`}>{t('review.from')}</label>
        <input id={`${id}-from`} type="date" value={draft.from ?? ''} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        {fieldError('query/from')}
        <label htmlFor={`${id}-to`}>{t('review.to')}</label>
        <input id={`${id}-to`} type="date" value={draft.to ?? ''} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        {fieldError('query/to')}
        <button type="submit">{t('stages.apply')}</button>
        <ExportLink list="contact-records" search={teamRecordsExportSearch(filters)} />
      </form>

      {page.status === 'failed' && (
        <p className="form-error" role="alert">
          {failureMessage(page.failure, t)}
        </p>
      )}
      {page.value !== undefined && records.length === 0 && <p className="hint">{t('contactReview.empty')}</p>}
      {records.length > 0 && (
        <table className="records contact-review-table" aria-busy={page.status === 'loading'}>
          <thead>
            <tr>
              <th scope="col">{t('contactReview.when')}</th>
              <th scope="col">{t('contactReview.rep')}</th>
              <th scope="col">{t('contactReview.customer')}</th>
              <th scope="col">{t('customer.field.stage')}</th>
              <th scope="col">{t('contactLog.channel')}</th>
              <th scope="col">{t('contactLog.outcome')}</th>
              <th scope="col">{t('contactLog.notes')}</th>
              <th scope="col">{t('customer.field.nextFollowUpAt')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr key={record.id} data-record-id={record.id}>
                <td>{format.dateTime(record.occurredAt)}</td>
                <td>{personName(record.authorId)}</td>
                <td>
                  <Link href={pathOf({ page: 'customer', id: record.customerId })}>{record.customerName}</Link>
                </td>
                <td>{stageName(record.customerStage)}</td>
                <td>{isKnown(contactChannels, record.channel) ? t(`channel.${record.channel}`) : record.channel}</td>
                <td>{isKnown(contactOutcomes, record.outcome) ? t(`outcome.${record.outcome}`) : record.outcome}</td>
                <td className="call-script-body">{record.notes === '' ? t('common.none') : record.notes}</td>
                <td>{record.nextFollowUpAt === null ? t('common.none') : format.dateTime(record.nextFollowUpAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListFooter list={list} />
    </section>
  );
}
