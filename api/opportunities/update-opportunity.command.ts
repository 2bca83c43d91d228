import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundQuery } from '../database/bound-query.ts';
import { sharedCustomerReadOnly } from '../customers/customer-problems.ts';
import { requireStagePermission } from '../customers/customer-stage.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import type { UpdateOpportunityBody } from './opportunity-bodies.schema.ts';
import { opportunityDocument, type OpportunityView } from './opportunity-document.ts';
import { noSuchOpportunity } from './opportunity-problems.ts';
import { visibleOpportunity } from './opportunity-rows.ts';

/**
 * Changes an opportunity's name, amount or expected close date from the version the caller loaded. Refused: 404
 * when its customer is out of their sight; 409 when it changed since; 403 when its customer is in the pool and the
 * role may not edit shared customers, or the funnel stage does not give the role `edit` (a won or lost one).
 */
export async function updateOpportunity(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  expectedVersion: number,
  body: UpdateOpportunityBody,
): Promise<OpportunityView> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const row = await visibleOpportunity(em, customerScopeOf(caller), id, true);
    if (row === undefined) throw noSuchOpportunity(id);
    if (row.version !== expectedVersion) throw recordChangedSinceLoaded(row.version);
    const [customer] = await boundQuery<{ ownership: string }>(em, 'select ownership from customer where id = $1', [row.customerId]);
    if (customer?.ownership === 'pool' && !caller.role.permissions.mayEditShared) throw sharedCustomerReadOnly(caller.role.labels);
    const machine = (await recordDefinitions(em, 'opportunity', { key: row.definitionKey, version: row.definitionVersion })).machine.document;
    requireStagePermission(machine, row.stage, caller.role, 'edit', { en: 'edit opportunities', 'zh-CN': '修改商机' });

    const before = opportunityDocument(row);
    if (body.name !== undefined) row.name = body.name.trim();
    if (body.amount !== undefined) row.amount = body.amount;
    if (body.expectedCloseOn !== undefined) row.expectedCloseOn = body.expectedCloseOn;
    row.updatedAt = context.now;
    await em.flush();
    const after = opportunityDocument(row);
    context.audit({
      entity: 'opportunity',
      recordId: row.id,
      customerId: row.customerId,
      action: 'update',
      before: { ...before },
      after: { ...after },
      why: { kind: 'reason', code: 'edit', fields: ['name', 'amount', 'expectedCloseOn'].filter((key) => key in body) },
    });
    return after;
  });
}
