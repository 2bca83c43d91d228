type SchemaObject = { [keyword: string]: unknown };
export type DocumentSchema = SchemaObject | boolean;

export interface SchemaComponents {
  /**
   * The schema as the document writes it: a schema with a `title` or an `$id` becomes a component and a `$ref` to
   * it; everything else stays inline. `$schema` is dropped (the document's dialect is 2020-12 already).
   */
  place(schema: unknown): DocumentSchema;
  /** `components.schemas`, sorted by name. */
  schemas(): Record<string, SchemaObject>;
}

// Keywords whose value is a schema, a list of schemas or a map of names to schemas (JSON Schema 2020-12, plus the
// pre-2020 forms our schemas never use but a hand-written one might). Everything else is data (enum, const, default).
const schemaKeywords = new Set([
  'not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'unevaluatedProperties',
  'unevaluatedItems', 'propertyNames', 'contentSchema', 'additionalItems',
]);
const schemaListKeywords = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const schemaMapKeywords = new Set(['properties', 'patternProperties', 'dependentSchemas']);
// What a schema whose whole body is `$ref: '#/$defs/x'` may carry besides: then the component is `x` itself.
const aliasKeywords = new Set(['$schema', '$id', '$ref', '$defs', '$comment', 'title', 'description']);

/** A schema with an `$id`, bundled: its own component name and the component names of its `$defs`. */
interface IdScope {
  name: string;
  defNames: Record<string, string>;
}

const componentPrefix = '#/components/schemas/';

/**
 * Bundles the schemas of one document into `components.schemas`, as OpenAPI tools expect: every `$ref` points at
 * `#/components/schemas/…`. A schema with an `$id` is dissolved into components — it, and each of its `$defs` — and
 * the `$ref`s to it or into it (by `$id` or by `#/$defs/…` inside it) are rewritten to match, so no `$id` is left to
 * change what a `$ref` resolves against. `referable` are schemas that others `$ref` by `$id` without embedding them
 * (the condition language); they join when referenced.
 *
 * The same object, or an equal one, placed twice becomes one component; two different schemas under one name stop
 * the build, since either would silently describe the other's data.
 */
export function collectSchemaComponents(referable: readonly object[] = []): SchemaComponents {
  const components: Record<string, SchemaObject> = {};
  const serialized = new Map<string, string>();
  const scopesById = new Map<string, IdScope>();
  const referableById = new Map(referable.map((schema) => [String((schema as SchemaObject).$id), schema as SchemaObject]));

  function place(schema: unknown, scope: IdScope | undefined): DocumentSchema {
    if (typeof schema === 'boolean') return schema;
    if (!isSchemaObject(schema)) throw new Error(`Not a JSON Schema: ${JSON.stringify(schema)}`);
    if (typeof schema.$id === 'string') return { $ref: componentPrefix + bundle(schema).name };
    if (typeof schema.title !== 'string') return copy(schema, scope);
    const name = componentName(schema.title);
    register(name, copy(schema, scope));
    return { $ref: componentPrefix + name };
  }

  function register(name: string, schema: SchemaObject): void {
    const text = JSON.stringify(schema);
    const existing = serialized.get(name);
    if (existing !== undefined && existing !== text) {
      throw new Error(`Two different schemas are both called "${name}" in the OpenAPI document; give one another title.`);
    }
    components[name] = schema;
    serialized.set(name, text);
  }

  /** Dissolves a schema with an `$id` into components, once per `$id`. */
  function bundle(schema: SchemaObject): IdScope {
    const id = String(schema.$id);
    const known = scopesById.get(id);
    if (known !== undefined) return known;
    const name = componentName(typeof schema.title === 'string' ? schema.title : undefined, id);
    const defs = isSchemaObject(schema.$defs) ? schema.$defs : {};
    const alias = Object.keys(schema).every((keyword) => aliasKeywords.has(keyword)) ? localDefName(schema.$ref) : undefined;
    const defNames = Object.fromEntries(
      Object.keys(defs).map((key) => [key, key === alias ? name : `${name}${componentName(key)}`]),
    );
    const scope: IdScope = { name, defNames };
    // Registered before its parts are copied, so a schema that refers to itself resolves to the same scope.
    scopesById.set(id, scope);
    for (const [key, def] of Object.entries(defs)) {
      const annotations = key === alias ? pick(schema, ['title', 'description']) : {};
      register(defNames[key] as string, { ...annotations, ...copy(def as SchemaObject, scope) });
    }
    if (alias === undefined) {
      const { $defs: _defs, $id: _id, ...body } = schema;
      register(name, copy(body, scope));
    }
    return scope;
  }

  function copy(schema: SchemaObject, scope: IdScope | undefined): SchemaObject {
    const result: SchemaObject = {};
    for (const [keyword, value] of Object.entries(schema)) {
      if (keyword === '$defs') throw new Error('A schema with $defs needs an $id to be bundled into the OpenAPI document.');
      if (keyword === '$schema' || keyword === '$id') continue;
      if (keyword === '$ref' && typeof value === 'string') result.$ref = rewriteRef(value, scope);
      else if (schemaKeywords.has(keyword)) result[keyword] = place(value, scope);
      else if (schemaListKeywords.has(keyword) && Array.isArray(value)) result[keyword] = value.map((v) => place(v, scope));
      else if (schemaMapKeywords.has(keyword) && isSchemaObject(value)) {
        result[keyword] = Object.fromEntries(Object.entries(value).map(([key, v]) => [key, place(v, scope)]));
      } else result[keyword] = value;
    }
    return result;
  }

  /** `#/$defs/x` inside a bundled schema, or `<$id>` / `<$id>#/$defs/x` anywhere → `#/components/schemas/…`. */
  function rewriteRef(ref: string, scope: IdScope | undefined): string {
    const [uri = '', fragment = ''] = ref.split('#', 2);
    if (uri === '' && scope === undefined) return ref;
    const target = uri === '' ? scope : scopeOfId(uri);
    if (target === undefined) throw new Error(`A schema refers to ${ref}, which the OpenAPI document does not know.`);
    if (fragment === '') return componentPrefix + target.name;
    const def = /^\/\$defs\/([^/]+)(\/.*)?$/.exec(fragment);
    const defName = def === null ? undefined : target.defNames[def[1] as string];
    if (defName === undefined) throw new Error(`A schema refers to ${ref}; only its $defs can be bundled into the document.`);
    return componentPrefix + defName + (def?.[2] ?? '');
  }

  function scopeOfId(id: string): IdScope | undefined {
    const known = scopesById.get(id);
    if (known !== undefined) return known;
    const schema = referableById.get(id);
    return schema === undefined ? undefined : bundle(schema);
  }

  return {
    place: (schema) => place(schema, undefined),
    schemas: () => Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
  };
}

function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function localDefName(ref: unknown): string | undefined {
  return typeof ref === 'string' ? /^#\/\$defs\/([^/]+)$/.exec(ref)?.[1] : undefined;
}

function pick(schema: SchemaObject, keywords: readonly string[]): SchemaObject {
  return Object.fromEntries(keywords.filter((keyword) => schema[keyword] !== undefined).map((keyword) => [keyword, schema[keyword]]));
}

/** `New user` → `NewUser`; `https://stagecraft.dev/schemas/queue-policy.json` → `QueuePolicy`; `effect` → `Effect`. */
function componentName(title: string | undefined, id?: string): string {
  const source = title ?? id?.replace(/[#?].*$/, '').split('/').pop()?.replace(/\.json$/, '') ?? '';
  const name = source
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  if (name === '') throw new Error(`A schema needs a title or an $id to be named in the OpenAPI document (${id ?? title}).`);
  return name;
}
