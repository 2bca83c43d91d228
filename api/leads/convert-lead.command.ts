import type { MikroORM } from '@mikro-orm/postgresql';
import { pointer, problem, type Problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { creatorOf, customerAccessOf } from '../customers/customer-access.ts';
import { customFieldValues, phoneValue } from '../customers/customer-values.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { customerUniqueViolation } from '../customers/customer-unique-violation.ts';
import { holdsStagePermission } from '../customers/customer-stage.ts';
import { insertCustomer } from '../customers/insert-customer.ts';
import { publishedFields, recordDefinitions } from '../customers/published-definitions.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import { insertOpportunity } from '../opportunities/insert-opportunity.ts';
import { opportunityCustomerLinks } from '../opportunities/opportunity-customer-links.ts';
import { machineActorOf, personActor, systemActor } from '../transitions/event-actor.ts';
import { fireRecordEvent } from '../transitions/fire-record-event.command.ts';
import { TransitionRefused } from '../transitions/transition-refused.problem.ts';
import { stageForbids } from '../customers/customer-problems.ts';
import { latestConversionMapping, mappedValue } from './conversion-mapping-store.ts';
import type { ConvertLeadBody } from './lead-bodies.schema.ts';
import { leadAccessOf, leadDocument, leadView, type LeadRow } from './lead-document.ts';
import { leadEventAdapter } from './lead-event-adapter.ts';
import { conversionRefused, noSuchLead } from './lead-problems.ts';
import type { LeadView } from './lead-view.schema.ts';
import { leadScopeSql } from './lead-visibility.ts';

const text = (value: unknown) => (value === undefined || value === null ? null : String(value));

/**
 * Converts a lead by the published mapping, in one transaction: the lead row locked; the customer (the mapping's
 * stage, the lead's owner, its campaign) through the customers' own insert — their dedupe and required fields
 * apply —, its primary contact, an opportunity when the mapping or the caller asks, and the lead moved through its
 * machine's CONVERTED transition (as the system) with links to all three. Anything refused leaves nothing behind.
 */
export async function convertLead(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  expectedVersion: number | undefined,
  body: ConvertLeadBody,
): Promise<{ lead: LeadView; customerId: number; contactId: number | null; opportunityId: number | null }> {
  return runCommand(
    orm,
    origin,
    async (context) => {
      const { em, now } = context;
      const bind = new BindParams([id]);
      const [lead] = await boundQuery<LeadRow>(
        em,
        `select l.* from lead l where l.id = $1 and l.deleted_at is null and ${leadScopeSql(customerScopeOf(caller), bind)} for update`,
        bind.values,
      );
      if (lead === undefined) throw noSuchLead(id);
      if (expectedVersion !== undefined && expectedVersion !== lead.version) throw recordChangedSinceLoaded(lead.version);
      const leadDefinitions = await recordDefinitions(em, 'lead', { key: (lead as unknown as { definition_key: string }).definition_key, version: (lead as unknown as { definition_version: number }).definition_version });
      const leadMachine = leadDefinitions.machine.document;
      // CONVERTED is reserved to the system: the command, not a button, decides a lead is converted. The machine is
      // asked first, so a converted or disqualified lead answers its refusal whoever asks; anything refused later
      // rolls the transition back with the rest.
      const fired = await fireRecordEvent(context, leadEventAdapter, Number(lead.id), { type: 'CONVERTED' }, systemActor(caller.user.timeZone), {
        cause: 'convert',
      });
      if (!fired.ok) throw new TransitionRefused(fired.reason);
      const leadState = leadMachine.states[lead.status];
      if (leadState === undefined || !holdsStagePermission(leadMachine, lead.status, caller.role.key, 'edit')) {
        throw stageForbids({ en: 'convert leads', 'zh-CN': '转化线索' }, leadState?.label ?? { en: lead.status, 'zh-CN': lead.status }, caller.role.labels);
      }

      const mapping = (await latestConversionMapping(em)).document;
      const customerDefinitions = await recordDefinitions(em, 'customer');
      const overrides = body.overrides ?? {};
      const problems: Problem[] = [];
      const required = (path: string, value: unknown) => {
        if (value === undefined || value === null || String(value).trim() === '') {
          problems.push(problem(path, 'conversion.requiredField', 'The mapping leaves this required field empty; fill it in on the lead or pass it in overrides.', '按映射该必填字段为空；请在线索中补全，或在 overrides 中传入。'));
        }
      };
      const pick = (target: 'customer' | 'contact' | 'opportunity', key: string, source: Parameters<typeof mappedValue>[0] | undefined) =>
        overrides[target]?.[key] !== undefined ? overrides[target]![key] : source === undefined ? undefined : mappedValue(source, lead);

      const customerName = pick('customer', 'name', mapping.customer.fields.name);
      required('/customer/name', customerName);
      const customerPhone = phoneValue(text(pick('customer', 'phone', mapping.customer.fields.phone)), '/customer/phone');
      if ('code' in customerPhone) problems.push(customerPhone);
      const stage = mapping.customer.stage;
      const state = customerDefinitions.machine.document.states[stage];
      if (state === undefined || state.type === 'final') {
        problems.push(problem('/customer/stage', 'conversion.unknownStage', `The mapping names stage "${stage}", which the customer machine lacks.`, `映射中的阶段“${stage}”在客户流程中不存在。`));
      }
      const mappedCustom = Object.fromEntries(
        Object.entries(mapping.customer.customFields ?? {}).map(([key, source]) => [key, mappedValue(source, lead)]).filter(([, v]) => v !== undefined),
      );
      const customerCustom = { ...mappedCustom, ...Object.fromEntries(Object.entries(overrides.customer ?? {}).filter(([key]) => key !== 'name' && key !== 'phone')) };
      const custom = customFieldValues(customerCustom, customerDefinitions.fields, { path: '/customer/customFields', requireAll: true });
      problems.push(...custom.problems);

      const contactName = mapping.contact === undefined ? undefined : pick('contact', 'name', mapping.contact.fields.name);
      if (mapping.contact !== undefined) required('/contact/name', contactName);
      const contactPhone = mapping.contact === undefined ? undefined : phoneValue(text(pick('contact', 'phone', mapping.contact.fields.phone)), '/contact/phone');
      if (contactPhone !== undefined && 'code' in contactPhone) problems.push(contactPhone);

      const opportunityWanted =
        mapping.opportunity !== undefined &&
        (mapping.opportunity.create === 'always' || (mapping.opportunity.create === 'onRequest' && body.createOpportunity === true));
      const opportunityName = opportunityWanted ? pick('opportunity', 'name', mapping.opportunity!.fields.name) : undefined;
      if (opportunityWanted) required('/opportunity/name', opportunityName);
      const amountValue = opportunityWanted ? pick('opportunity', 'amount', mapping.opportunity!.fields.amount) : undefined;
      const amount = amountValue === undefined || amountValue === null ? null : Number(amountValue);
      if (amount !== null && !(Number.isFinite(amount) && amount >= 0)) problems.push(problem('/opportunity/amount', 'conversion.amount', 'Must be a number of at least 0.', '必须是不小于 0 的数字。'));
      if (body.createOpportunity === true && mapping.opportunity?.create === 'never') {
        problems.push(problem('/createOpportunity', 'conversion.noOpportunity', 'The conversion mapping creates no opportunities.', '转化映射不创建商机。'));
      }
      if (problems.length > 0) throw conversionRefused(problems.map((p) => ({ ...p, path: p.path.startsWith('/createOpportunity') ? p.path : pointer('/mapping', ...p.path.slice(1).split('/')) })));

      const ownerId = lead.owner_id === null ? null : Number(lead.owner_id);
      const access = customerAccessOf(caller.role, customerDefinitions.fields);
      const customer = await insertCustomer(
        context,
        customerDefinitions,
        {
          name: String(customerName).trim(),
          phone: 'code' in customerPhone ? null : customerPhone.phone,
          phoneNormalized: 'code' in customerPhone ? null : customerPhone.normalized,
          keywords: [],
          stage,
          ownership: ownerId === null ? 'pool' : 'personal',
          ownerId,
          teamId: lead.team_id === null ? null : Number(lead.team_id),
          doNotCall: false,
          contractEndsOn: null,
          customFields: custom.values,
          createdBy: caller.user.id,
        },
        creatorOf(caller, access),
      );
      await boundQuery(em, 'update customer set campaign_id = $2, lead_id = $3 where id = $1', [customer.id, lead.campaign_id, lead.id]);

      let contactId: number | null = null;
      if (mapping.contact !== undefined) {
        const email = pick('contact', 'email', mapping.contact.fields.email);
        const title = pick('contact', 'title', mapping.contact.fields.title);
        const [contact] = await boundQuery<{ id: string }>(
          em,
          `insert into contact (customer_id, name, title, phone, phone_normalized, email, is_primary, custom_fields, created_by, created_at, updated_at)
           values ($1, $2, $3, $4, $5, $6, true, '{}', $7, $8, $8) returning id`,
          [customer.id, String(contactName).trim(), text(title), contactPhone && !('code' in contactPhone) ? contactPhone.phone : null,
            contactPhone && !('code' in contactPhone) ? contactPhone.normalized : null, text(email), caller.user.id, now],
        );
        contactId = Number(contact!.id);
        context.audit({ entity: 'contact', recordId: contactId, customerId: customer.id, action: 'create', before: null, after: { id: contactId, name: contactName, fromLead: lead.id }, why: { kind: 'reason', code: 'leadConverted' } });
      }

      let opportunityId: number | null = null;
      if (opportunityWanted) {
        const { opportunity } = await insertOpportunity(
          context,
          await recordDefinitions(em, 'opportunity'),
          { customerId: customer.id, name: String(opportunityName).trim(), amount, expectedCloseOn: null, ownerId, createdBy: caller.user.id },
          { actor: machineActorOf(personActor(caller)), timeZone: caller.user.timeZone },
          opportunityCustomerLinks,
        );
        opportunityId = opportunity.id;
      }

      // The machine's step already moved the state and the version; the links belong to the same version.
      const [converted] = await boundQuery<LeadRow>(
        em,
        `update lead set converted_at = $2, converted_customer_id = $3, converted_contact_id = $4, converted_opportunity_id = $5
         where id = $1 returning *`,
        [lead.id, now, customer.id, contactId, opportunityId],
      );
      context.audit({
        entity: 'lead',
        recordId: Number(lead.id),
        customerId: customer.id,
        action: 'convert',
        before: leadDocument(lead),
        after: leadDocument(converted!),
        why: { kind: 'reason', code: 'leadConverted', fields: ['customer', ...(contactId === null ? [] : ['contact']), ...(opportunityId === null ? [] : ['opportunity'])] },
      });
      const leadFields = await publishedFields(em, 'lead');
      return { lead: leadView(converted!, leadAccessOf(caller.role, leadFields)), customerId: customer.id, contactId, opportunityId };
    },
    customerUniqueViolation,
  );
}
