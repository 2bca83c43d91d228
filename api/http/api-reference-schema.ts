import type { Locale } from '../../engine/validation/problem.ts';
import type { DocumentSchema } from './openapi-schema-components.ts';

type SchemaObject = { [keyword: string]: unknown };
type Components = Record<string, SchemaObject>;

const words = {
  en: {
    field: 'Field', type: 'Type', required: 'Required', notes: 'Notes', yes: 'yes', oneOf: 'one of', listOf: 'list of',
    or: ' or ', characters: 'characters', atLeast: 'at least', atMost: 'at most', pattern: 'form', defaultValue: 'default',
    entries: 'entries', anyKey: 'any other key', noOther: 'no other fields',
    types: { string: 'text', integer: 'whole number', number: 'number', boolean: 'true/false', object: 'object', array: 'list', null: 'null' },
  },
  'zh-CN': {
    field: '字段', type: '类型', required: '必填', notes: '说明', yes: '是', oneOf: '取值之一', listOf: '列表，元素为',
    or: ' 或 ', characters: '个字符', atLeast: '至少', atMost: '至多', pattern: '格式', defaultValue: '默认',
    entries: '项', anyKey: '其他任意键', noOther: '不允许其他字段',
    types: { string: '字符串', integer: '整数', number: '数字', boolean: '布尔值', object: '对象', array: '列表', null: '空值' },
  },
} as const;

interface Context {
  components: Components;
  w: (typeof words)[Locale];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The id of a named schema's entry on the reference page. */
export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

/**
 * A schema as a person reads it: an object as a table of its fields (inline objects as nested tables), anything else
 * as one line of type and limits. A named schema (a component) inside it is a link to its own entry, which also keeps
 * the recursive condition language from unfolding forever. At the top, a named schema is shown in full when `expand`
 * is set (request bodies) and linked otherwise (answers, which repeat the same few shapes).
 */
export function schemaHtml(schema: DocumentSchema, components: Components, locale: Locale, { expand }: { expand: boolean }): string {
  const context: Context = { components, w: words[locale] };
  const name = componentNameOf(schema, components);
  return render(expand && name !== undefined ? (components[name] as SchemaObject) : schema, context);
}

/** The schema in one line (a link to a named schema, a list of them, a type), or undefined when it needs a table. */
export function schemaLineHtml(schema: DocumentSchema, components: Components, locale: Locale): string | undefined {
  const context: Context = { components, w: words[locale] };
  const items = typeof schema === 'object' ? (schema.items as DocumentSchema | undefined) : undefined;
  if (isInlineObject(schema, context) || (items !== undefined && isInlineObject(items, context))) return undefined;
  return typeText(schema, context);
}

function render(schema: DocumentSchema, context: Context): string {
  if (isInlineObject(schema, context)) return fieldTable(schema as SchemaObject, context);
  const items = typeof schema === 'object' ? (schema.items as DocumentSchema | undefined) : undefined;
  if (items !== undefined && isInlineObject(items, context)) return `<p>${escapeHtml(context.w.listOf)}:</p>${render(items, context)}`;
  return `<p>${typeText(schema, context)}</p>`;
}

function fieldTable(schema: SchemaObject, context: Context): string {
  const { w } = context;
  const required = new Set((schema.required ?? []) as string[]);
  const rows = Object.entries(schema.properties as Record<string, DocumentSchema>).map(([field, property]) => {
    const items = typeof property === 'object' ? (property.items as DocumentSchema | undefined) : undefined;
    const nested = isInlineObject(property, context) || (items !== undefined && isInlineObject(items, context));
    return (
      `<tr><td><code>${escapeHtml(field)}</code></td><td>${typeText(property, context)}</td>` +
      `<td>${required.has(field) ? w.yes : ''}</td><td>${descriptionOf(property, context)}${nested ? render(property, context) : ''}</td></tr>`
    );
  });
  const additional = schema.additionalProperties as DocumentSchema | undefined;
  const footer =
    additional === false
      ? `<tr><td colspan="4" class="muted">${escapeHtml(w.noOther)}</td></tr>`
      : typeof additional === 'object'
        ? `<tr><td><em>${escapeHtml(w.anyKey)}</em></td><td>${typeText(additional, context)}</td><td></td><td>${descriptionOf(additional, context)}</td></tr>`
        : '';
  return (
    `<table class="fields"><thead><tr><th>${w.field}</th><th>${w.type}</th><th>${w.required}</th><th>${w.notes}</th></tr></thead>` +
    `<tbody>${rows.join('')}${footer}</tbody></table>`
  );
}

/** One line: a link to a named schema, or the type (or the allowed values) and its limits. */
function typeText(schema: DocumentSchema, context: Context): string {
  const { w } = context;
  if (typeof schema === 'boolean') return schema ? '*' : '—';
  const name = componentNameOf(schema, context.components);
  if (name !== undefined) return `<a class="schema-name" href="#${escapeHtml(schemaAnchor(name))}">${escapeHtml(name)}</a>`;
  if (Array.isArray(schema.enum)) return `${w.oneOf} ${schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(', ')}`;
  if ('const' in schema) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives)) return alternatives.map((a: DocumentSchema) => typeText(a, context)).join(w.or);
  // A `$ref` inside a component (`#/$defs/condition`) that names no component: shown as written.
  if (typeof schema.$ref === 'string') return `<code>${escapeHtml(schema.$ref)}</code>`;
  const types = (Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]) as string[];
  const typeNames = types.map((t) => {
    if (t === 'array' && schema.items !== undefined) return `${w.listOf} ${typeText(schema.items as DocumentSchema, context)}`;
    const typeName = (w.types as Record<string, string>)[t] ?? escapeHtml(t);
    return typeof schema.format === 'string' && t === 'string' ? `${typeName} (${escapeHtml(schema.format)})` : typeName;
  });
  return (typeNames.length === 0 ? '—' : typeNames.join(w.or)) + limits(schema, context);
}

function limits(schema: SchemaObject, { w }: Context): string {
  const parts: string[] = [];
  const range = (low: unknown, high: unknown, unit: string) => {
    if (low !== undefined && high !== undefined) parts.push(`${low}–${high}${unit}`);
    else if (low !== undefined) parts.push(`${w.atLeast} ${low}${unit}`);
    else if (high !== undefined) parts.push(`${w.atMost} ${high}${unit}`);
  };
  range(schema.minLength, schema.maxLength, ` ${w.characters}`);
  range(schema.minimum, schema.maximum, '');
  range(schema.minItems, schema.maxItems, ` ${w.entries}`);
  range(schema.minProperties, schema.maxProperties, ` ${w.entries}`);
  if (typeof schema.pattern === 'string') parts.push(`${w.pattern} <code>${escapeHtml(schema.pattern)}</code>`);
  if (schema.default !== undefined) parts.push(`${w.defaultValue} <code>${escapeHtml(JSON.stringify(schema.default))}</code>`);
  return parts.length === 0 ? '' : `, ${parts.join(', ')}`;
}

function descriptionOf(schema: DocumentSchema, context: Context): string {
  if (typeof schema === 'boolean' || componentNameOf(schema, context.components) !== undefined) return '';
  return typeof schema.description === 'string' ? escapeHtml(schema.description) : '';
}

/** An object schema written out here (not a link to a named one): shown as a table of its fields. */
function isInlineObject(schema: DocumentSchema, context: Context): boolean {
  return (
    typeof schema === 'object' &&
    componentNameOf(schema, context.components) === undefined &&
    typeof schema.properties === 'object' &&
    schema.properties !== null
  );
}

/** The component a bare `$ref` names: `#/components/schemas/X`, or a component's `$id`. */
function componentNameOf(schema: DocumentSchema, components: Components): string | undefined {
  if (typeof schema !== 'object' || typeof schema.$ref !== 'string' || Object.keys(schema).length > 1) return undefined;
  const ref = schema.$ref;
  const local = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  if (local !== null) return local[1];
  return Object.entries(components).find(([, component]) => component.$id === ref)?.[0];
}
