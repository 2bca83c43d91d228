import type { FactCatalogue } from '../../../definitions/fact-catalogue.schema.ts';
import { leadConversionSourceColumns, leadConversionTargets, type LeadConversion } from '../../../definitions/lead-conversion.schema.ts';
import type { DefinitionsApi } from '../api/definitions-api.ts';
import { useFactCatalogues } from '../conditions/use-fact-catalogues.ts';
import { JsonEditor } from '../drafts/JsonEditor.tsx';
import { CommitInput } from '../forms/CommitInput.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { ProblemList } from '../problems/ProblemList.tsx';
import { FieldProblems, hasProblem } from '../rules/FieldProblems.tsx';
import { ConversionFieldRow, type Choice } from './ConversionFieldRow.tsx';
import {
  addRow,
  customFieldKey,
  mappingRows,
  opportunityCreateChoices,
  removeRow,
  retargetRow,
  unmappedTargets,
  withContact,
  withName,
  withOpportunityCreate,
  withRowSource,
  withStage,
  type ConversionSection,
} from './lead-conversion-edits.ts';
import { useConversionTargets, type ConversionTargets } from './use-conversion-targets.ts';

interface LeadConversionEditorProps {
  api: DefinitionsApi;
  mapping: LeadConversion;
  problems: readonly ProblemEntry[];
  replace(mapping: unknown): void;
}

const sectionTitles: Record<ConversionSection, MessageKey> = {
  customer: 'conversion.customer',
  contact: 'conversion.contact',
  opportunity: 'conversion.opportunity',
};

/** The lead facts a mapping can read, labelled from the lead catalogue: its convertible columns and custom fields. */
function leadFactChoices(catalogue: FactCatalogue | undefined, locale: 'en' | 'zh-CN'): Choice[] {
  return (catalogue?.facts ?? []).flatMap((fact) => {
    if (fact.source.kind === 'customField') return [{ value: `customFields.${fact.source.key}`, label: fact.label[locale] }];
    return (leadConversionSourceColumns as readonly string[]).includes(fact.name) ? [{ value: fact.name, label: fact.label[locale] }] : [];
  });
}

/**
 * The lead conversion mapping as a form: its names; the customer's start stage (among the published customer
 * machine's stages) and field mappings; the contact's; when an opportunity is created and its field mappings. Each
 * problem of the draft shows beside the input its path names, and all of them in the list beside the form.
 */
export function LeadConversionEditor(props: LeadConversionEditorProps) {
  const { mapping, problems, replace } = props;
  // A draft imported or typed without the parts the form is built on is shown as JSON until it has them.
  const shaped = typeof mapping === 'object' && mapping !== null && typeof mapping.name === 'object' && typeof mapping.customer === 'object' && typeof mapping.customer.fields === 'object';
  return shaped ? <MappingForm {...props} /> : <JsonEditor document={mapping} problems={problems} replace={replace} />;
}

function MappingForm({ api, mapping, problems, replace }: LeadConversionEditorProps) {
  const { locale, t } = useI18n();
  const catalogue = useFactCatalogues(api, ['lead']).lead;
  const targets = useConversionTargets(api);
  const facts = leadFactChoices(catalogue, locale);
  const stages = targets?.stages ?? [];
  const stageChoices = stages.some((stage) => stage.key === mapping.customer.stage) ? stages : [...stages, { key: mapping.customer.stage, label: { en: mapping.customer.stage, 'zh-CN': mapping.customer.stage } }];
  const section = (name: ConversionSection) => (
    <SectionRows name={name} mapping={mapping} problems={problems} facts={facts} targets={targets} replace={replace} />
  );
  return (
    <div className="rule-editor lead-conversion-editor">
      <section className="inspector" aria-label={t('kind.leadConversion')}>
        <FieldProblems problems={problems} pointer="" exact />
        <CommitInput label={t('conversion.nameZh')} value={mapping.name['zh-CN']} invalid={hasProblem(problems, '/name/zh-CN') ?? false} onCommit={(text) => replace(withName(mapping, 'zh-CN', text))} />
        <CommitInput label={t('conversion.nameEn')} value={mapping.name.en} invalid={hasProblem(problems, '/name/en') ?? false} onCommit={(text) => replace(withName(mapping, 'en', text))} />
        <FieldProblems problems={problems} pointer="/name" />

        <fieldset data-section="customer" aria-invalid={hasProblem(problems, '/customer', true)}>
          <legend>{t('conversion.customer')}</legend>
          <FieldProblems problems={problems} pointer="/customer" exact />
          <label>
            {t('conversion.stage')}
            <select value={mapping.customer.stage} aria-invalid={hasProblem(problems, '/customer/stage')} onChange={(event) => replace(withStage(mapping, event.target.value))}>
              {stageChoices.map((stage) => (
                <option key={stage.key} value={stage.key}>
                  {stage.label[locale]}
                </option>
              ))}
            </select>
          </label>
          <FieldProblems problems={problems} pointer="/customer/stage" />
          {section('customer')}
        </fieldset>

        <fieldset data-section="contact" aria-invalid={hasProblem(problems, '/contact', true)}>
          <legend>{t('conversion.contact')}</legend>
          <label>
            <input type="checkbox" checked={mapping.contact !== undefined} onChange={(event) => replace(withContact(mapping, event.target.checked))} />
            {t('conversion.createContact')}
          </label>
          <FieldProblems problems={problems} pointer="/contact" exact />
          {mapping.contact !== undefined && section('contact')}
        </fieldset>

        <fieldset data-section="opportunity" aria-invalid={hasProblem(problems, '/opportunity', true)}>
          <legend>{t('conversion.opportunity')}</legend>
          <FieldProblems problems={problems} pointer="/opportunity" exact />
          <label>
            {t('conversion.createOpportunity')}
            <select value={mapping.opportunity?.create ?? 'never'} aria-invalid={hasProblem(problems, '/opportunity/create')} onChange={(event) => replace(withOpportunityCreate(mapping, event.target.value as (typeof opportunityCreateChoices)[number]))}>
              {opportunityCreateChoices.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`conversion.create.${choice}`)}
                </option>
              ))}
            </select>
          </label>
          <FieldProblems problems={problems} pointer="/opportunity/create" />
          {mapping.opportunity !== undefined && section('opportunity')}
        </fieldset>
      </section>
      <aside className="inspector-column">
        {problems.length > 0 ? <ProblemList title={t('problems.title', { count: problems.length })} problems={problems} /> : <p role="status">{t('problems.none')}</p>}
      </aside>
    </div>
  );
}

interface SectionRowsProps {
  name: ConversionSection;
  mapping: LeadConversion;
  problems: readonly ProblemEntry[];
  facts: readonly Choice[];
  targets: ConversionTargets | undefined;
  replace(mapping: unknown): void;
}

/** A section's field mapping rows, and a button adding the first field not yet mapped. */
function SectionRows({ name, mapping, problems, facts, targets, replace }: SectionRowsProps) {
  const { locale, t } = useI18n();
  const custom = name === 'customer' ? (targets?.customFields ?? []) : [];
  const choices: Choice[] = [
    ...leadConversionTargets[name].map((key) => ({ value: key, label: t(`conversion.field.${key}` as MessageKey) })),
    ...custom.map((field) => ({ value: `customFields.${field.key}`, label: field.label[locale] })),
  ];
  const free = unmappedTargets(mapping, name, choices.map((choice) => choice.value));
  const isNumeric = (target: string) => target === 'amount' || custom.some((field) => field.numeric && field.key === customFieldKey(target));
  const fieldsPointer = `/${name}/fields`;
  return (
    <div className="conversion-rows">
      <FieldProblems problems={problems} pointer={fieldsPointer} exact />
      <FieldProblems problems={problems} pointer={`/${name}/customFields`} exact />
      {mappingRows(mapping, name).map((row) => (
        <ConversionFieldRow
          key={row.pointer}
          row={row}
          targets={choices.filter((choice) => choice.value === row.target || free.includes(choice.value))}
          facts={facts}
          numeric={isNumeric(row.target)}
          problems={problems}
          retarget={(target) => replace(retargetRow(mapping, name, row.target, target))}
          update={(source) => replace(withRowSource(mapping, name, row.target, source))}
          remove={() => replace(removeRow(mapping, name, row.target))}
        />
      ))}
      <button type="button" disabled={free.length === 0} onClick={() => replace(addRow(mapping, name, free[0]!, facts[0]?.value ?? 'name'))}>
        {t('conversion.addRow', { section: t(sectionTitles[name]) })}
      </button>
    </div>
  );
}
