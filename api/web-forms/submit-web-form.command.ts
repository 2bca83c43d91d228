import type { MikroORM } from '@mikro-orm/postgresql';
import { problem } from '../../engine/validation/problem.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { publishedFields } from '../customers/published-definitions.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import { intakeLead } from '../leads/lead-intake-batches.ts';
import { DuplicateLeadProblem } from '../leads/lead-problems.ts';
import { defaultRateLimit, type WebFormRow } from './web-form-row.ts';
import { submittedLead } from './web-form-submission-values.ts';
import { defaultHoneypotField } from './web-form-bodies.schema.ts';

/** What the submitter learns, whatever happened: received. A new lead, a duplicate and a honeypot look the same. */
export type SubmissionOutcome = 'created' | 'duplicate' | 'honeypot';

/**
 * Counts one submission from `clientIp` in the form's window, in a statement of its own (committed at once), so bad
 * and dropped submissions count too. In `on conflict do update` every expression sees the old row, so the window
 * test reads the same in both assignments. Over the limit: the seconds until the window ends (for Retry-After).
 */
export async function countSubmission(orm: MikroORM, form: WebFormRow, clientIp: string, now: Date): Promise<number | undefined> {
  const limit = form.document.rateLimit ?? defaultRateLimit;
  const [row] = await boundQuery<{ window_start: Date; submissions: number }>(
    orm.em.fork(),
    `insert into web_form_rate as r (form_id, client_ip, window_start, submissions) values ($1, $2, $3, 1)
     on conflict (form_id, client_ip) do update set
       window_start = case when r.window_start <= $3::timestamptz - make_interval(secs => $4) then $3 else r.window_start end,
       submissions = case when r.window_start <= $3::timestamptz - make_interval(secs => $4) then 1 else r.submissions + 1 end
     returning window_start, submissions`,
    [form.id, clientIp.slice(0, 64), now, limit.windowSeconds],
  );
  if (row!.submissions > limit.submissions) {
    const endsAt = new Date(row!.window_start).getTime() + limit.windowSeconds * 1000;
    return Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
  }
  return undefined;
}

/**
 * Checks a public submission and takes it in through the same intake as a lead entered by a person: deduplicated,
 * routed and explained, committed together (batched with other leads to the same policy). A duplicate is not told
 * apart from a new lead — an anonymous submitter must not learn that a phone number is already known — and nothing
 * new is stored for it but an audit entry on the existing lead or customer (`webFormResubmitted`, with what was
 * sent), written in the batch's transaction, so the owner sees the renewed interest.
 */
export async function submitWebForm(orm: MikroORM, origin: CommandOrigin, form: WebFormRow, body: unknown, timeZone: string): Promise<SubmissionOutcome> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationFailed([problem('', 'webForm.body', 'Send the form as a JSON object of field values.', '请以 JSON 对象提交表单字段。')]);
  }
  const values = body as Record<string, unknown>;
  const honeypot = values[form.document.honeypotField ?? defaultHoneypotField];
  if (honeypot !== undefined && honeypot !== null && honeypot !== '') return 'honeypot';

  const lead = submittedLead(form.document, values, await publishedFields(orm.em.fork(), 'lead'));
  if (Array.isArray(lead)) throw validationFailed(lead);
  try {
    await intakeLead(orm, {
      lead: {
        name: lead.columns.name!,
        company: lead.columns.company ?? null,
        phone: lead.columns.phone ?? null,
        phoneNormalized: lead.phoneNormalized,
        email: lead.columns.email ?? null,
        region: lead.columns.region ?? null,
        source: 'webForm',
        campaignId: form.campaign_id === null ? null : Number(form.campaign_id),
        webFormId: Number(form.id),
        score: null,
        customFields: lead.customFields,
      },
      policyKey: form.routing_policy_key,
      actor: { userId: 'system', roles: ['system'] },
      scope: undefined,
      createdBy: null,
      timeZone,
      stamp: { actorId: origin.actorId, requestId: origin.requestId ?? null, now: origin.now ?? new Date() },
      onDuplicate: ({ entity, id }) => ({
        entity,
        recordId: id,
        customerId: entity === 'customer' ? id : null,
        action: 'webFormResubmitted',
        before: null,
        after: { webFormId: Number(form.id), webFormKey: form.key, submitted: { ...lead.columns, customFields: lead.customFields } },
        why: { kind: 'reason', code: 'webForm.duplicate', source: form.key },
      }),
    });
    return 'created';
  } catch (error) {
    // The resubmission is already noted on the existing record, in the batch's transaction.
    if (error instanceof DuplicateLeadProblem) return 'duplicate';
    throw error;
  }
}
