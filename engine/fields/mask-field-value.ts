import type { FieldType } from '../../definitions/field-definitions.schema.ts';
import { normalizePhone } from './normalize-phone.ts';

const hidden = '***';

function maskPhone(raw: string): string {
  const phone = normalizePhone(raw) ?? raw.replace(/\D/g, '');
  if (phone.length < 7) return hidden;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

function maskEmail(raw: string): string {
  const at = raw.lastIndexOf('@');
  if (at < 1) return hidden;
  return `${raw.slice(0, 1)}***${raw.slice(at)}`;
}

function maskText(raw: string): string {
  const chars = [...raw];
  return chars.length <= 2 ? hidden : `${chars[0]}${hidden}${chars.at(-1)}`;
}

/**
 * What a role with `masked` access sees instead of the value: enough to recognise it on a call
 * (138****5678, j***@x.com), not enough to copy it out. Empty values stay empty.
 */
export function maskFieldValue(type: FieldType, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'phone':
      return maskPhone(String(value));
    case 'email':
      return maskEmail(String(value));
    case 'text':
      return maskText(String(value));
    default:
      return hidden;
  }
}
