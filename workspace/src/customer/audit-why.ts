import type { AuditEntry } from '../api/customers.ts';
import type { Locale } from '../../../ui-kit/i18n/locale.ts';
import type { MessageKey, Translate } from '../i18n/translate.ts';

/** The reasons commands give (api/**: `why: { kind: 'reason', code }`) that the console puts in words. */
const reasonMessages: Record<string, MessageKey> = {
  edit: 'audit.reason.edit',
  deleted: 'audit.reason.deleted',
  restored: 'audit.reason.restored',
  contactLogged: 'audit.reason.contactLogged',
  claimed: 'audit.reason.claimed',
  released: 'audit.reason.released',
  reassigned: 'audit.reason.reassigned',
  claimRemoved: 'audit.reason.claimRemoved',
  collaboratorAdded: 'audit.reason.collaboratorAdded',
  collaboratorRemoved: 'audit.reason.collaboratorRemoved',
  recycled: 'audit.reason.recycled',
  payment: 'audit.reason.payment',
};

/** The audit actions of a customer's trail (api/**: `audit: { action }`) that the console names. */
const actionMessages: Record<string, MessageKey> = {
  'create': 'audit.action.create',
  'update': 'audit.action.update',
  'event': 'audit.action.event',
  'delete': 'audit.action.delete',
  'restore': 'audit.action.restore',
  'claim': 'audit.action.claim',
  'release': 'audit.action.release',
  'reassign': 'audit.action.reassign',
  'remove-claim': 'audit.action.remove-claim',
  'add-collaborator': 'audit.action.add-collaborator',
  'remove-collaborator': 'audit.action.remove-collaborator',
  'contact-logged': 'audit.action.contact-logged',
  'convert': 'audit.action.convert',
  'payment': 'audit.action.payment',
};

// The event the server records for a customer created directly in a stage (api/customers/customer-stage.ts).
const startInStageEvent = 'stagecraft.startInStage';

const entityMessages: Record<string, MessageKey> = {
  customer: 'entity.customer',
  contact: 'entity.contact',
  contact_record: 'entity.contact_record',
  opportunity: 'entity.opportunity',
  order: 'entity.order',
  ticket: 'entity.ticket',
  lead: 'entity.lead',
};

/** What kind of change an entry is, on what, in words; a name the console does not know yet shows as it is. */
export function auditActionInWords(entry: Pick<AuditEntry, 'entity' | 'action'>, t: Translate): string {
  const entity = entityMessages[entry.entity];
  const action = actionMessages[entry.action];
  return `${entity === undefined ? entry.entity : t(entity)} · ${action === undefined ? entry.action : t(action)}`;
}

export interface AuditWords {
  /** Names a stage key in the interface language (the definition's label). */
  stage(key: string): string;
  /** Names a changed field as the API records it (`phone`, `customFields.industry`) by its label. */
  field(path: string): string;
  /** Names an event sent in stage `from`, when the console knows its label there; otherwise the key itself. */
  event(type: string, from: string): string;
  locale: Locale;
  t: Translate;
}

/**
 * Why a change happened, in a sentence a rep reads: the machine's event and the stages it moved between (from the
 * engine's trace), or the command and its reason; words the person typed are quoted after it.
 */
export function auditWhyInWords(entry: Pick<AuditEntry, 'why'>, words: AuditWords): string {
  const { why } = entry;
  const { t } = words;
  if (why.kind === 'trace') {
    const { event, from, to } = why.trace;
    const flagChanges = changedFlags(why.trace.flagsBefore ?? {}, why.trace.flagsAfter ?? {});
    const main =
      event === startInStageEvent
        ? t('audit.trace.started', { stage: words.stage(to) })
        : from === to
        ? t('audit.trace.stayed', { event: words.event(event, from), stage: words.stage(to) })
        : t('audit.trace.moved', { event: words.event(event, from), from: words.stage(from), to: words.stage(to) });
    return flagChanges === '' ? main : `${main} (${flagChanges})`;
  }
  const key = reasonMessages[why.code];
  let sentence = key === undefined ? t('audit.reason.other', { code: why.code }) : t(key);
  if (why.code === 'edit' && why.fields !== undefined && why.fields.length > 0) {
    sentence = t('audit.reason.editFields', { fields: why.fields.map(words.field).join(t('common.listSeparator')) });
  }
  const typed = typeof why.words === 'object' && why.words !== null ? why.words[words.locale] : (why.words ?? why.text);
  return typed === undefined || typed === '' ? sentence : t('audit.quoted', { sentence, words: typed });
}

function changedFlags(before: Record<string, string>, after: Record<string, string>): string {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name}: ${before[name] ?? '–'} → ${after[name] ?? '–'}`)
    .join(', ');
}

/** The customer columns an edit may name, by their labels in the console. */
const columnMessages: Record<string, MessageKey> = {
  name: 'customer.field.name',
  phone: 'customer.field.phone',
  keywords: 'customer.field.keywords',
  doNotCall: 'customer.field.doNotCall',
  contractEndsOn: 'customer.field.contractEndsOn',
};

/**
 * A customer field an audit entry names, by its label: a column by the console's word for it, a custom field
 * (`customFields.<key>`) by its definition's label in the interface language; a field no longer defined keeps its key.
 */
export function customerFieldName(path: string, customFields: ReadonlyArray<{ key: string; label: Record<Locale, string> }>, locale: Locale, t: Translate): string {
  const custom = /^customFields\.(.+)$/.exec(path)?.[1];
  if (custom !== undefined) return customFields.find((field) => field.key === custom)?.label[locale] ?? custom;
  const column = columnMessages[path];
  return column === undefined ? path : t(column);
}
