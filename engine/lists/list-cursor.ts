import type { KeysetPosition } from './compile-keyset-order.ts';

/**
 * A cursor is opaque to clients: base64url of the sort it belongs to and the last row's position. Decoding
 * answers undefined for anything malformed, or for a cursor of another sort, so the caller can name the parameter.
 */
export function encodeListCursor(sort: string, position: KeysetPosition): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ s: sort, v: position.values, i: position.id }));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeListCursor(cursor: string, sort: string, levels: number): KeysetPosition | undefined {
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const decoded: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    const { s, v, i } = decoded as { s?: unknown; v?: unknown; i?: unknown };
    if (s !== sort || !Array.isArray(v) || v.length !== levels || !Number.isSafeInteger(i) || (i as number) < 1) return undefined;
    if (!v.every((value) => value === null || typeof value === 'string')) return undefined;
    return { values: v as Array<string | null>, id: i as number };
  } catch {
    return undefined;
  }
}
