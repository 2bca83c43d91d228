import type { EntityName } from '../../definitions/entity.schema.ts';
import type { QueuePolicy } from '../../definitions/queue-policy.schema.ts';
import { dayKeyOfCalendarText } from '../conditions/calendar-days.ts';
import { problem, type Problem } from '../validation/problem.ts';
import type { QueueKeyKind, QueueSortKey } from './queue-sort-keys.ts';

/**
 * Where an item stands in its section: `<section>:<entity>:<id>`, optionally followed by `:<keys>` — the item's sort
 * key values as base64url JSON, one per key: a text, null, or false for "not carried: read it from the item's row".
 * With the keys, "after this item" means after the place the item had when it was listed, so working an item (which
 * moves its follow-up date) never makes the next one skip or repeat. Values the caller may not read are left out
 * (false) rather than handed to the browser.
 */
export interface QueuePosition {
  section: string;
  entity: EntityName;
  id: string;
  /** One per sort key; `undefined` when the token names the item only, or for a key read from the row. */
  keys: Array<string | null | undefined> | undefined;
}

const idPattern = /^[1-9][0-9]{0,17}$/;
const maxTokenLength = 4_000;

const validValue: Record<QueueKeyKind, (text: string) => boolean> = {
  rank: (text) => text === '0' || text === '1',
  text: (text) => text.length <= 2_000,
  numeric: (text) => /^-?[0-9]{1,30}(\.[0-9]{1,30})?$/.test(text),
  float8: (text) => /^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)(e[+-]?[0-9]+)?$/i.test(text) && Number.isFinite(Number(text)),
  boolean: (text) => text === 'true' || text === 'false',
  date: (text) => dayKeyOfCalendarText(text) !== undefined,
  instant: (text) => /^-?[0-9]{1,17}$/.test(text),
};

export function encodeQueuePosition(position: QueuePosition): string {
  const head = `${position.section}:${position.entity}:${position.id}`;
  if (position.keys === undefined) return head;
  const keys = position.keys.map((value) => (value === undefined ? false : value));
  return `${head}:${base64UrlOf(JSON.stringify(keys))}`;
}

// btoa/atob rather than Buffer: the engine stays free of Node built-ins, so the designer can run it in a browser.
function base64UrlOf(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function textOfBase64Url(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) throw new SyntaxError('not base64url');
  const binary = atob(encoded.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

function notAPosition(path: string, why: { en: string; zh: string }): Problem {
  return problem(
    path,
    'queue.badPosition',
    `Not a place in your queue (${why.en}): pass an item's position as the queue answered it.`,
    `不是队列中的位置（${why.zh}）：请传入队列返回的事项位置。`,
  );
}

/**
 * Reads a position token against the policy and the sort keys of each section: the section must exist, the entity
 * be the section's, the id a whole number and each carried key a value of its key's kind. Problems name `path`.
 */
export function decodeQueuePosition(
  text: string,
  policy: QueuePolicy,
  keysOf: (section: string) => readonly QueueSortKey[],
  path: string,
): { position: QueuePosition } | { problems: Problem[] } {
  const fail = (en: string, zh: string) => ({ problems: [notAPosition(path, { en, zh })] });
  if (text.length > maxTokenLength) return fail('too long', '过长');
  const parts = text.split(':');
  if (parts.length !== 3 && parts.length !== 4) return fail('expected section:entity:id', '应为 分区:实体:编号');
  const [section, entity, id, encoded] = parts as [string, string, string, string | undefined];
  const declared = policy.sections.find((candidate) => candidate.id === section);
  if (declared === undefined) return fail(`no section "${section}"`, `没有“${section}”分区`);
  if (declared.entity !== entity) return fail(`section "${section}" lists ${declared.entity} records`, `“${section}”分区列出的是 ${declared.entity} 记录`);
  if (!idPattern.test(id)) return fail('the id is not a whole number', '编号不是整数');
  if (encoded === undefined) return { position: { section, entity: declared.entity, id, keys: undefined } };

  let values: unknown;
  try {
    values = JSON.parse(textOfBase64Url(encoded));
  } catch {
    return fail('the sort keys do not read', '排序键无法解析');
  }
  const keys = keysOf(section);
  if (!Array.isArray(values) || values.length !== keys.length) return fail('the sort keys do not match the section', '排序键与分区不符');
  const read: Array<string | null | undefined> = [];
  for (const [index, value] of values.entries()) {
    const key = keys[index]!;
    if (value === false) read.push(undefined);
    else if (value === null && key.nullable) read.push(null);
    else if (typeof value === 'string' && validValue[key.kind](value)) read.push(value);
    else return fail(`sort key ${index + 1} is not a ${key.kind} value`, `第 ${index + 1} 个排序键的值无效`);
  }
  return { position: { section, entity: declared.entity, id, keys: read } };
}
