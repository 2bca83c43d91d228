import type { MikroORM } from '@mikro-orm/postgresql';
import { problem, type Problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { validationFailed } from '../http/http-problem.ts';
import { settableColumns } from './customer-edit-rights.ts';
import { creatorOf, customerAccessOf, customerView } from './customer-access.ts';
import type { CustomerView } from './customer-view.schema.ts';
import type { CreateCustomerBody } from './customer-bodies.schema.ts';
import { customerColumnFields } from './customer-document.ts';
import { stageForbids, fieldsNotWritable } from './customer-problems.ts';
import { holdsStagePermission } from './customer-stage.ts';
import { customerUniqueViolation } from './customer-unique-violation.ts';
import { customFieldValues, keywordValues, phoneValue } from './customer-values.ts';
import { insertCustomer } from './insert-customer.ts';
import { recordDefinitions } from './published-definitions.ts';
import { writeDeniedProblems } from './record-field-access.ts';

/**
 * Creates a customer for the caller: theirs (personal) or in the pool, in the machine's initial stage or — for an
 * import — a stage where their role may edit. Fields their role may not write are refused (403, each named);
 * custom fields are checked against the published definitions; a duplicate is refused with 409.
 */
export async function createCustomer(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, body: CreateCustomerBody): Promise<CustomerView> {
  return runCommand(
    orm,
    origin,
    async (context) => {
      const definitions = await recordDefinitions(context.em, 'customer');
      const machine = definitions.machine.document;
      const access = customerAccessOf(caller.role, definitions.fields);

      const denied = writeDeniedProblems(
        access,
        caller.role,
        { columns: customerColumnFields, fields: definitions.fields },
        {
          columns: settableColumns.filter((key) => body[key] !== undefined),
          custom: Object.keys(body.customFields ?? {}),
          customBase: '/customFields',
        },
      );
      if (denied.length > 0) throw fieldsNotWritable(denied);

      const stage = body.stage ?? machine.initial;
      const state = machine.states[stage];
      const problems: Problem[] = [];
      if (state === undefined || state.type === 'final') {
        const stages = Object.keys(machine.states).filter((key) => machine.states[key]?.type !== 'final');
        problems.push(problem('/stage', 'customer.unknownStage', `Must be one of: ${stages.join(', ')}.`, `必须是以下阶段之一：${stages.join('、')}。`));
      } else if (!holdsStagePermission(machine, stage, caller.role.key, 'edit')) {
        throw stageForbids({ en: 'create customers', 'zh-CN': '新建客户' }, state.label, caller.role.labels, '/stage');
      }
      const phone = phoneValue(body.phone, '/phone');
      if ('code' in phone) problems.push(phone);
      const custom = customFieldValues(body.customFields ?? {}, definitions.fields, { path: '/customFields', requireAll: true });
      problems.push(...custom.problems);
      if (problems.length > 0 || 'code' in phone) throw validationFailed(problems);

      const personal = (body.ownership ?? 'personal') === 'personal';
      const document = await insertCustomer(
        context,
        definitions,
        {
          name: body.name.trim(),
          phone: phone.phone,
          phoneNormalized: phone.normalized,
          keywords: keywordValues(body.keywords),
          stage,
          ownership: personal ? 'personal' : 'pool',
          ownerId: personal ? caller.user.id : null,
          teamId: personal ? caller.user.teamId : null,
          doNotCall: body.doNotCall ?? false,
          contractEndsOn: body.contractEndsOn ?? null,
          customFields: custom.values,
          createdBy: caller.user.id,
        },
        creatorOf(caller, access),
      );
      return customerView(document, access);
    },
    customerUniqueViolation,
  );
}

