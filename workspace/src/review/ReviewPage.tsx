import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { fetchActivityReview, fetchTeams, reviewBuckets, type ActivityPeriod, type ReviewBucket } from '../api/reviews.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { problemsByField } from '../api/field-problems.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { useSession } from '../shell/session-context.ts';
import { ActivityChart } from './ActivityChart.tsx';
import { activityMetrics, metricSeries, personTotals, recentPeriod, type ActivityMetric } from './activity-summary.ts';

export const metricLabels: Record<ActivityMetric, MessageKey> = {
  newCustomers: 'review.metric.newCustomers',
  contactRecords: 'review.metric.contactRecords',
  opportunities: 'review.metric.opportunities',
  opportunityAmount: 'review.metric.opportunityAmount',
  orders: 'review.metric.orders',
  orderAmount: 'review.metric.orderAmount',
};

const bucketLabels: Record<ReviewBucket, MessageKey> = { day: 'review.bucket.day', week: 'review.bucket.week', month: 'review.bucket.month' };
const periodFields = ['query/from', 'query/to'] as const;
type PeriodField = (typeof periodFields)[number];
const isAmount = (metric: ActivityMetric) => metric === 'opportunityAmount' || metric === 'orderAmount';

/**
 * 回顾分析: what each person the viewer reviews did per day, week or month — a chart of one metric and, beside it,
 * everyone's totals for the period. Days are the person's own (their time zone), as the API counts them.
 */
export function ReviewPage() {
  const { api, me, format } = useSession();
  const { locale, t } = useI18n();
  useDocumentTitle(t('nav.review'));
  const id = useId();
  const [draft, setDraft] = useState<ActivityPeriod>(() => ({ ...recentPeriod(new Date(), me.timeZone, 14), bucket: 'day' }));
  const [period, setPeriod] = useState<ActivityPeriod>(draft);
  const [metric, setMetric] = useState<ActivityMetric>('contactRecords');
  const review = useLoaded(() => fetchActivityReview(api, period), [api, period]);
  // Only a role that sees everyone may pick a team; a manager reviews their own team anyway.
  const seesEveryone = me.role.visibility === 'all';
  const teams = useLoaded(() => (seesEveryone ? fetchTeams(api) : Promise.resolve([])), [api, seesEveryone]);
  const problems =
    review.status === 'failed' && review.failure.kind === 'problem' ? problemsByField(review.failure.problem, periodFields) : undefined;

  const dayFormat = useMemo(() => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }), [locale]);
  const monthFormat = useMemo(() => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }), [locale]);
  const value = review.value;
  // Buckets are calendar days already in the person's zone: formatted as UTC dates so no zone shifts them again.
  const categories = useMemo(
    () => (value?.buckets ?? []).map((bucket) => (value?.bucket === 'month' ? monthFormat : dayFormat).format(new Date(`${bucket}T00:00:00Z`))),
    [value, dayFormat, monthFormat],
  );
  const series = useMemo(() => (value === undefined ? [] : metricSeries(value, metric)), [value, metric]);
  const totals = useMemo(() => (value === undefined ? [] : personTotals(value)), [value]);
  const formatValue = useCallback((amount: number) => (Number.isInteger(amount) ? format.count(amount) : amount.toFixed(2)), [format]);
  const formatMetric = (which: ActivityMetric, amount: number) => (isAmount(which) ? amount.toFixed(2) : format.count(amount));

  function submit(event: FormEvent) {
    event.preventDefault();
    setPeriod({ ...draft });
  }

  const fieldError = (field: PeriodField) => problems?.byField[field]?.join(' ');

  return (
    <section className="page review-page">
      <header className="page-header">
        <h1 tabIndex={-1}>{t('nav.review')}</h1>
        <p className="hint">{t('review.hint', { zone: me.timeZone })}</p>
      </header>

      <form className="review-controls" onSubmit={submit}>
        <label htmlFor={`${id}-from`}>{t('review.from')}</label>
        <input id={`${id}-from`} type="date" required value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          aria-invalid={fieldError('query/from') !== undefined} aria-describedby={`${id}-from-error`} />
        <span id={`${id}-from-error`} className="field-error">{fieldError('query/from')}</span>
        <label htmlFor={`${id}-to`}>{t('review.to')}</label>
        <input id={`${id}-to`} type="date" required value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          aria-invalid={fieldError('query/to') !== undefined} aria-describedby={`${id}-to-error`} />
        <span id={`${id}-to-error`} className="field-error">{fieldError('query/to')}</span>
        <label htmlFor={`${id}-bucket`}>{t('review.bucket')}</label>
        <select id={`${id}-bucket`} value={draft.bucket} onChange={(event) => setDraft({ ...draft, bucket: event.target.value as ReviewBucket })}>
          {reviewBuckets.map((bucket) => (
            <option key={bucket} value={bucket}>{t(bucketLabels[bucket])}</option>
          ))}
        </select>
        {seesEveryone && (
          <>
            <label htmlFor={`${id}-team`}>{t('review.team')}</label>
            <select
              id={`${id}-team`}
              value={draft.team ?? ''}
              onChange={(event) => {
                const { team: _dropped, ...rest } = draft;
                setDraft(event.target.value === '' ? rest : { ...rest, team: Number(event.target.value) });
              }}
            >
              <option value="">{t('review.allTeams')}</option>
              {(teams.value ?? []).map((team) => (
                <option key={team.id} value={team.id}>{team.name}</option>
              ))}
            </select>
          </>
        )}
        <button type="submit" className="primary">{t('review.show')}</button>
      </form>

      {review.status === 'failed' && (
        <p className="form-error" role="alert">
          {failureMessage(review.failure, t)}
        </p>
      )}

      {value !== undefined && (
        <div className="review-body" aria-busy={review.status === 'loading'}>
          <figure className="review-chart">
            <figcaption>
              <label htmlFor={`${id}-metric`}>{t('review.metric')}</label>{' '}
              <select id={`${id}-metric`} value={metric} onChange={(event) => setMetric(event.target.value as ActivityMetric)}>
                {activityMetrics.map((one) => (
                  <option key={one} value={one}>{t(metricLabels[one])}</option>
                ))}
              </select>
            </figcaption>
            <ActivityChart categories={categories} series={series} label={t('review.chartLabel', { metric: t(metricLabels[metric]), bucket: t(bucketLabels[value.bucket]) })} formatValue={formatValue} />
          </figure>
          <table className="records review-table">
            <caption>{t('review.totals', { from: value.from, to: value.to })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.person')}</th>
                {activityMetrics.map((one) => (
                  <th scope="col" key={one}>{t(metricLabels[one])}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {totals.map((person) => (
                <tr key={person.userId} data-user-id={person.userId}>
                  <th scope="row">{person.displayName}</th>
                  {activityMetrics.map((one) => (
                    <td key={one} data-metric={one}>{formatMetric(one, person.totals[one])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
