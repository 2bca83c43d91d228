import { describe, expect, it } from 'vitest';
import type { EntityName } from '../../definitions/entity.schema.ts';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import type { Problem } from '../validation/problem.ts';
import { brokenCopy } from './testing/broken-copy.ts';
import { defaultValidationDeps } from './testing/machine-test-context.ts';
import { validateMachine } from './validate-machine.ts';

const where = (problems: Problem[]) => problems.map((p) => `${p.path} ${p.code}`);

// Machines are for entities; contact records have a catalogue but no machine.
function validate(definition: unknown, entity: keyof typeof defaultFactCatalogues & EntityName) {
  return validateMachine(definition, defaultValidationDeps({ entity }));
}

describe('validating a machine definition', () => {
  it('names every fault of a broken customer lifecycle by its JSON pointer', () => {
    const definition = brokenCopy('customer-lifecycle', {
      '/states/target/on/UPGRADE/target': 'potentail',
      '/states/potential/on/UPGRADE/requiredFields': ['industri'],
      '/states/won/permissions/rep': ['view', 'fly'],
      '/states/reserve/on/SELECT/roles': ['rep', 'salesperson'],
      '/states/target/on/CLAIM/guard': { fact: 'ownerShip', operator: 'equal', value: 'pool' },
    });
    expect(where(validate(definition, 'customer'))).toEqual([
      '/states/target/on/CLAIM/guard/fact condition.unknownFact',
      '/states/target/on/UPGRADE/target machine.unknownTarget',
      '/states/reserve/on/SELECT/roles/1 machine.unknownRole',
      '/states/won/permissions/rep/1 machine.unknownPermission',
      '/states/potential/on/UPGRADE/requiredFields/0 machine.unknownField',
    ]);
  });

  it('says what is wrong in English and in Chinese', () => {
    const definition = brokenCopy('customer-lifecycle', {
      '/states/target/on/UPGRADE/target': 'potentail',
      '/states/won/permissions/rep': ['view', 'fly'],
    });
    expect(validate(definition, 'customer').map((p) => p.message)).toEqual([
      { en: 'The target stage "potentail" does not exist.', 'zh-CN': '目标阶段“potentail”不存在。' },
      {
        en: '"fly" is not a stage permission; use one of view, edit, claim, release, upgrade, downgrade, flag, assign, share, delete.',
        'zh-CN': '“fly”不是阶段权限，可选：view、edit、claim、release、upgrade、downgrade、flag、assign、share、delete。',
      },
    ]);
  });

  it('points at the bad parameter of an effect and at a probability out of range in the opportunity funnel', () => {
    const definition = brokenCopy('opportunity-funnel', {
      '/states/proposal/on/MARK_WON/actions/0/params/entity': 'invoice',
      '/states/won/probability': 120,
    });
    const problems = validate(definition, 'opportunity');
    expect(where(problems)).toEqual([
      '/states/won/probability schema.maximum',
      '/states/proposal/on/MARK_WON/actions/0/params/entity schema.enum',
    ]);
    expect(problems[0]?.message).toEqual({ en: 'Must be <= 100.', 'zh-CN': '必须 <= 100。' });
  });

  it('finds the graph faults of a broken order follow-up', () => {
    const definition = brokenCopy('order-follow-up', {
      '/initial': 'draft',
      '/states/shipped/after': { '0d': { target: 'paymentOverdue' } },
      '/states/completed/on': { PAYMENT_RECORDED: { target: 'shipped' } },
      '/states/paid/on/SHIPPED/whenFlags': { selling: 'selling' },
    });
    const problems = validate(definition, 'order');
    expect(where(problems)).toEqual([
      '/initial machine.unknownInitial',
      '/states/completed/on machine.finalStageLeaves',
      '/states/shipped/after/0d machine.zeroDelay',
      '/states/paid/on/SHIPPED/whenFlags/selling machine.flagNotInStage',
    ]);
    expect(problems[3]?.message).toEqual({
      en: 'Stage "paid" does not carry the flag "selling"; declare it under the stage\'s "flags".',
      'zh-CN': '阶段“paid”没有标记“selling”，请先在该阶段的“flags”中声明。',
    });
  });

  it('finds unreachable stages, undeclared events, look-alike names and endless always loops in a broken ticket escalation', () => {
    const definition = brokenCopy('ticket-escalation', {
      '/states/escalatedLevel1/on/ESCALATE': undefined,
      '/states/escalatedLevel1/after': undefined,
      '/states/inProgress/on/WAIT': { target: 'resolved' },
      '/states/resolved/always': { target: 'inProgress' },
      '/states/inProgress/always': { target: 'resolved', guard: { fact: 'priority', operator: 'equal', value: 'low' } },
      '/states/closeD': { label: { en: 'Closed again', 'zh-CN': '再次关闭' } },
      '/events/CLOSE/label': { en: 'Resolve', 'zh-CN': '关闭' },
    });
    const problems = validate(definition, 'ticket');
    expect(where(problems)).toEqual([
      '/states/closeD machine.duplicateStage',
      '/events/CLOSE/label/en machine.duplicateEventLabel',
      '/states/inProgress/on/WAIT machine.unknownEvent',
      '/states/escalatedLevel2 machine.unreachableStage',
      '/states/closeD machine.unreachableStage',
      '/states/inProgress/always machine.alwaysCycle',
      '/states/resolved/always machine.alwaysCycle',
    ]);
    expect(problems.find((p) => p.path === '/states/escalatedLevel2')?.message).toEqual({
      en: 'No transition leads to stage "escalatedLevel2" from the initial stage.',
      'zh-CN': '从初始阶段出发没有任何转换能到达阶段“escalatedLevel2”。',
    });
  });

  it('reports a malformed document by its structure alone, without guessing at its graph', () => {
    const definition = brokenCopy('ticket-escalation', {
      '/states/new/label': { en: 'New' },
      '/states/assigned/on/START_WORK/target': 7,
      '/states/Proposal': { label: { en: 'P', 'zh-CN': '提案' } },
      '/states/new/after/1d/target': 'nowhere',
    });
    const problems = validate(definition, 'ticket');
    expect(where(problems)).toEqual([
      '/states/Proposal schema.propertyName',
      '/states/new/label/zh-CN schema.required',
      '/states/assigned/on/START_WORK/target schema.type',
    ]);
    expect(problems[1]?.message).toEqual({ en: '"zh-CN" is required.', 'zh-CN': '缺少必填项“zh-CN”。' });
  });

  it('refuses a whole document that is not a machine at the root pointer', () => {
    expect(validate([], 'ticket')).toEqual([expect.objectContaining({ path: '', code: 'schema.type' })]);
  });

  it('checks a machine against the catalogue of its own entity', () => {
    const definition = defaultMachines['ticket-escalation'];
    const problems = validateMachine(definition, { catalogue: defaultFactCatalogues.customer });
    expect(where(problems)).toContain('/entity machine.catalogueMismatch');
  });

  it('keeps win probabilities to opportunity stages', () => {
    const definition = brokenCopy('customer-lifecycle', { '/states/won/probability': 100 });
    expect(where(validate(definition, 'customer'))).toEqual(['/states/won/probability machine.probabilityOutsideOpportunity']);
  });

  it('checks setFlags against the flags of the stage the record lands in', () => {
    const definition = brokenCopy('customer-lifecycle', {
      '/states/target/on/UPGRADE/actions': [{ type: 'setFlags', params: { flags: { contacted: true } } }],
    });
    expect(where(validate(definition, 'customer'))).toEqual([
      '/states/target/on/UPGRADE/actions/0/params/flags/contacted machine.flagNotInStage',
    ]);
  });

  it('leaves role names unchecked when the tenant’s roles are not given', () => {
    const definition = brokenCopy('customer-lifecycle', { '/states/reserve/on/SELECT/roles': ['telemarketer'] });
    expect(validateMachine(definition, { catalogue: defaultFactCatalogues.customer })).toEqual([]);
  });
});
