import type { MikroORM } from '@mikro-orm/postgresql';
import type { Problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { validationFailed } from '../http/http-problem.ts';
import { customerAccessOf, customerView, shownNameFor } from './customer-access.ts';
import type { CustomerView } from './customer-view.schema.ts';
import type { UpdateCustomerBody } from './customer-bodies.schema.ts';
import { dedupeKeyOf, dedupeKeysOf, duplicateCustomer, findDuplicates, lockDedupeKeys } from './customer-dedupe.ts';
import { customerColumnFields } from './customer-document.ts';
import { customerDocuments } from './customer-owners.ts';
import { fieldsNotWritable, noSuchCustomer, sharedCustomerReadOnly, stageFieldsLocked } from './customer-problems.ts';
import { visibleCustomer } from './customer-rows.ts';
import { settableColumns } from './customer-edit-rights.ts';
import { editableFieldsOf, requireStagePermission, stageLabelOf } from './customer-stage.ts';
import { customerUniqueViolation } from './customer-unique-violation.ts';
import { customFieldValues, keywordValues, phoneValue } from './customer-values.ts';
import { customerScopeOf } from './customer-visibility.ts';
import { recordDefinitions } from './published-definitions.ts';
import { writeDeniedProblems } from './record-field-access.ts';

/**
 * Changes a customer's fields from the version the caller loaded. Refused, in this order: 404 when the caller may
 * not see it; 409 when it changed since; 403 for a field their role may not write, for a shared (pool) customer
 * without `mayEditShared`, for a stage whose permission table does not let them edit or does not list the field;
 * 400 for bad values; 409 when the new name, phone or keyword belongs to another customer.
 */
export async function updateCustomer(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  expectedVersion: number,
  body: UpdateCustomerBody,
): Promise<CustomerView> {
  return runCommand(
    orm,
    origin,
    async (context) => {
      const { em } = context;
      const scope = customerScopeOf(caller);
      const customer = await visibleCustomer(em, scope, id, 'live', true);
      if (customer === undefined) throw noSuchCustomer(id);
      if (customer.version !== expectedVersion) throw recordChangedSinceLoaded(customer.version);

      const definitions = await recordDefinitions(em, 'customer', { key: customer.definitionKey, version: customer.definitionVersion });
      const machine = definitions.machine.document;
      const access = customerAccessOf(caller.role, definitions.fields);
      const columns = settableColumns.filter((key) => body[key] !== undefined);
      const customKeys = Object.keys(body.customFields ?? {});
      const denied = writeDeniedProblems(
        access,
        caller.role,
        { columns: customerColumnFields, fields: definitions.fields },
        { columns, custom: customKeys, customBase: '/customFields' },
      );
      if (denied.length > 0) throw fieldsNotWritable(denied);
      if (customer.ownership === 'pool' && !caller.role.permissions.mayEditShared) throw sharedCustomerReadOnly(caller.role.labels);
      requireStagePermission(machine, customer.stage, caller.role, 'edit', { en: 'edit customers', 'zh-CN': '修改客户' });
      const editable = editableFieldsOf(machine, customer.stage);
      if (editable !== undefined) {
        const locked = [
          ...columns.filter((key) => !editable.includes(key)).map((key) => `/${key}`),
          ...customKeys.filter((key) => !editable.includes(key)).map((key) => `/customFields/${key}`),
        ];
        if (locked.length > 0) throw stageFieldsLocked(locked, stageLabelOf(machine, customer.stage), editable);
      }

      const problems: Problem[] = [];
      const phone = body.phone === undefined ? undefined : phoneValue(body.phone, '/phone');
      if (phone !== undefined && 'code' in phone) problems.push(phone);
      const custom = customFieldValues(body.customFields ?? {}, definitions.fields, {
        path: '/customFields',
        requireAll: false,
        existing: customer.customFields,
      });
      problems.push(...custom.problems);
      if (problems.length > 0) throw validationFailed(problems);

      const [before] = await customerDocuments(em, [customer]);
      const name = body.name?.trim() ?? customer.name;
      const keywords = body.keywords === undefined ? [...customer.keywords] : keywordValues(body.keywords);
      const normalized = phone === undefined || 'code' in phone ? customer.phoneNormalized ?? null : phone.normalized;
      const keys = dedupeKeysOf({ name, phoneNormalized: normalized, keywords });
      const keysChanged =
        keys.nameKey !== customer.nameKey ||
        normalized !== (customer.phoneNormalized ?? null) ||
        keys.keywordKeys.some((key) => !customer.keywordKeys.includes(key));
      if (keysChanged) {
        await lockDedupeKeys(em, keys);
        const [duplicate] = await findDuplicates(em, keys, scope, customer.id);
        if (duplicate !== undefined) {
          const keywordPaths = new Map(keywords.map((keyword, index) => [dedupeKeyOf(keyword), index]));
          throw duplicateCustomer(duplicate, keywordPaths, shownNameFor(access));
        }
      }

      customer.name = name;
      customer.nameKey = keys.nameKey;
      customer.keywords = keywords;
      customer.keywordKeys = keys.keywordKeys;
      if (phone !== undefined && !('code' in phone)) {
        customer.phone = phone.phone;
        customer.phoneNormalized = phone.normalized;
      }
      if (body.doNotCall !== undefined) customer.doNotCall = body.doNotCall;
      if (body.contractEndsOn !== undefined) customer.contractEndsOn = body.contractEndsOn;
      if (body.customFields !== undefined) customer.customFields = custom.values;
      customer.updatedAt = context.now;
      await em.flush();

      const [after] = await customerDocuments(em, [customer]);
      context.audit({
        entity: 'customer',
        recordId: customer.id,
        customerId: customer.id,
        action: 'update',
        before: { ...before! },
        after: { ...after! },
        why: { kind: 'reason', code: 'edit', fields: [...columns, ...customKeys.map((key) => `customFields.${key}`)] },
      });
      return customerView(after!, access);
    },
    customerUniqueViolation,
  );
}
