import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

export interface DefinitionsStage {
  app: TestApp;
  admin: string;
  manager: string;
  rep: string;
}

/** A test app with the generic template installed and the admin, a manager and a rep signed in. */
export async function startDefinitionsStage(label: string): Promise<DefinitionsStage> {
  const app = await startTestApp(label);
  await installGenericTemplate(app);
  return { app, admin: await signIn(app, 'admin'), manager: await signIn(app, 'manager.wang'), rep: await signIn(app, 'rep.li') };
}

export const lifecycle = '/api/definitions/machine/customer-lifecycle';

/** The latest published customer machine, as the API hands it out. */
export async function publishedLifecycle(stage: DefinitionsStage): Promise<MachineDefinition> {
  const detail = await api(stage.app, 'GET', lifecycle, { cookie: stage.admin });
  if (detail.status !== 200) throw new Error(`GET ${lifecycle} answered ${detail.status}`);
  return detail.body.latest.document;
}

/** The customer machine without its potential stage: target upgrades straight to opportunity, which downgrades to target. */
export function withoutPotential(machine: MachineDefinition): MachineDefinition {
  const next = structuredClone(machine);
  delete next.states.potential;
  (next.states.target!.on!.UPGRADE as { target: string }).target = 'opportunity';
  (next.states.opportunity!.on!.DOWNGRADE as { target: string }).target = 'target';
  return next;
}

/** The customer machine with a nurture stage reached from target by NURTURE. */
export function withNurture(machine: MachineDefinition): MachineDefinition {
  const next = structuredClone(machine);
  const label = { en: 'Move to nurture', 'zh-CN': '转入培育' };
  next.events.NURTURE = { label };
  next.states.nurture = {
    label: { en: 'Nurture', 'zh-CN': '培育客户' },
    permissions: next.states.target!.permissions,
    on: { UPGRADE: { target: 'target', permission: 'upgrade', label: { en: 'Back to target', 'zh-CN': '回到目标客户' } } },
  } as MachineDefinition['states'][string];
  next.states.target!.on!.NURTURE = { target: 'nurture', permission: 'downgrade', label };
  return next;
}

/** The customer machine without the nurture stage withNurture adds. */
export function withoutNurture(machine: MachineDefinition): MachineDefinition {
  const next = structuredClone(machine);
  delete next.states.nurture;
  delete next.events.NURTURE;
  delete next.states.target!.on!.NURTURE;
  return next;
}

/**
 * A customer in `customerStage`, created through the API by the rep, or by the admin for potential (a stage reps may
 * not create customers in); `serial` keeps names and phones unique.
 */
export async function aCustomerIn(stage: DefinitionsStage, customerStage: 'reserve' | 'target' | 'potential' | 'nurture', serial: number): Promise<number> {
  const body = { name: `迁移客户${serial}`, phone: `137${String(serial).padStart(8, '0')}`, stage: customerStage };
  const cookie = customerStage === 'potential' ? stage.admin : stage.rep;
  const created = await api(stage.app, 'POST', '/api/customers', { cookie, body });
  if (created.status !== 201) throw new Error(`customer answered ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body.id;
}
