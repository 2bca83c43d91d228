import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import customerFields from '../../definitions/defaults/fields/customer.fields.json' with { type: 'json' };
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import leadConversion from '../../definitions/defaults/lead-conversion.json' with { type: 'json' };
import queuePolicy from '../../definitions/defaults/queue-policy.json' with { type: 'json' };
import routingPolicy from '../../definitions/defaults/routing-policy.json' with { type: 'json' };
import { defaultRules } from '../../definitions/defaults/rules/default-rules.ts';
import { validateTemplateDefinitions, type TemplateDefinition } from './validate-template-definitions.ts';

function aRole(key: string): TemplateDefinition {
  return {
    kind: 'role',
    key,
    document: { key, labels: { en: key, 'zh-CN': key }, visibility: key === 'rep' ? 'own' : 'all' },
  };
}

function theDefaultBundle(): TemplateDefinition[] {
  return structuredClone([
    ...Object.values(defaultFactCatalogues).map((document) => ({ kind: 'factCatalogue' as const, key: document.entity, document })),
    { kind: 'fieldDefinitions', key: 'customer', document: customerFields },
    ...Object.entries(defaultMachines).map(([key, document]) => ({ kind: 'machine' as const, key, document })),
    ...Object.entries(defaultRules).map(([key, document]) => ({ kind: 'rule' as const, key, document })),
    { kind: 'queuePolicy', key: 'daily-work-line', document: queuePolicy },
    { kind: 'routingPolicy', key: 'lead-routing', document: routingPolicy },
    { kind: 'leadConversion', key: 'lead-conversion', document: leadConversion },
    aRole('admin'),
    aRole('manager'),
    aRole('rep'),
  ]);
}

const indexOf = (bundle: TemplateDefinition[], key: string) => bundle.findIndex((definition) => definition.key === key);

describe('validating a template as one bundle', () => {
  it('accepts the default definitions together', () => {
    expect(validateTemplateDefinitions(theDefaultBundle())).toEqual([]);
  });

  it('checks a lead conversion mapping against its schema', () => {
    const bundle = theDefaultBundle();
    const index = indexOf(bundle, 'lead-conversion');
    delete (bundle[index]!.document as { customer?: unknown }).customer;
    expect(validateTemplateDefinitions(bundle).map((found) => found.path)).toEqual([`/definitions/${index}/document/customer`]);
  });

  it('lets a rule name a stage that only the template’s own machine has', () => {
    const bundle = theDefaultBundle();
    const lifecycle = bundle[indexOf(bundle, 'customer-lifecycle')]!.document as { states: Record<string, unknown> };
    lifecycle.states.nurturing = { ...(lifecycle.states.reserve as object), label: { en: 'Nurturing', 'zh-CN': '培育中' } };
    const rule = bundle[indexOf(bundle, 'recycle-potential-no-contact')]!.document as { conditions: { all: unknown[] } };
    rule.conditions.all[0] = { fact: 'stage', operator: 'equal', value: 'nurturing' };
    expect(validateTemplateDefinitions(bundle).filter((p) => p.path.startsWith('/definitions/' + indexOf(bundle, 'recycle-potential-no-contact')))).toEqual([]);
  });

  it('names the manifest entry and the path inside it when a rule names an unknown fact', () => {
    const bundle = theDefaultBundle();
    const index = indexOf(bundle, 'recycle-potential-no-contact');
    const rule = bundle[index]!.document as { conditions: { all: unknown[] } };
    rule.conditions.all[0] = { fact: 'shoeSize', operator: 'equal', value: 42 };
    expect(validateTemplateDefinitions(bundle)).toMatchObject([
      { path: `/definitions/${index}/document/conditions/all/0/fact`, message: { en: expect.stringContaining('shoeSize') } },
    ]);
  });

  it('refuses a machine whose transition names a role the template does not ship', () => {
    const bundle = theDefaultBundle().filter((definition) => definition.key !== 'manager');
    const problems = validateTemplateDefinitions(bundle);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.message.en.includes('manager'))).toBe(true);
  });

  it('refuses a machine for an entity the template has no catalogue for', () => {
    const bundle = theDefaultBundle().filter((definition) => !(definition.kind === 'factCatalogue' && definition.key === 'ticket'));
    expect(validateTemplateDefinitions(bundle)).toContainEqual(
      expect.objectContaining({
        path: `/definitions/${indexOf(bundle, 'ticket-escalation')}/document/entity`,
        code: 'template.missingCatalogue',
      }),
    );
  });

  it('refuses a role listed under another key', () => {
    const bundle = theDefaultBundle();
    const index = indexOf(bundle, 'rep');
    bundle[index] = { ...bundle[index]!, key: 'agent' };
    expect(validateTemplateDefinitions(bundle)).toContainEqual(
      expect.objectContaining({ path: `/definitions/${index}/document/key`, code: 'template.keyMismatch' }),
    );
  });
});
