import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from './normalize-phone.ts';

const digit = fc.constantFrom(...'0123456789'.split(''));
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));

const chineseMobile = fc
  .tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), digits(9))
  .map(([second, rest]) => `1${second}${rest}`);

const countryPrefix = fc.constantFrom('', '+86', '+86 ', '0086', '0086 ', '86', '+86-', '(+86) ');
const separator = fc.constantFrom('', ' ', '-', '  ', ' - ', '.');

/** The same mobile written as people write it: with or without +86, grouped 3-4-4 with spaces or dashes. */
const writtenMobile = fc
  .tuple(chineseMobile, countryPrefix, separator, separator)
  .map(([mobile, prefix, a, b]) => ({ mobile, written: `${prefix}${mobile.slice(0, 3)}${a}${mobile.slice(3, 7)}${b}${mobile.slice(7)}` }));

describe('normalizePhone', () => {
  it('is idempotent: a normalised number normalises to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), writtenMobile.map((w) => w.written)), (raw) => {
        const once = normalizePhone(raw);
        if (once !== null) expect(normalizePhone(once)).toBe(once);
      }),
    );
  });

  it('normalises every written form of one Chinese mobile to the same eleven digits', () => {
    fc.assert(
      fc.property(writtenMobile, ({ mobile, written }) => {
        expect(normalizePhone(written)).toBe(mobile);
      }),
    );
  });

  it.each([
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['010-6552 1234', '01065521234'],
    ['+86 10 6552 1234', '01065521234'],
    ['(0755) 8888-6666', '075588886666'],
    ['400-820-8820', '4008208820'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['0044 20 7946 0000', '+442079460000'],
  ])('reads %s as %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each(['', 'not a phone', '12345', '23812345678', '138123456789', '+86 12345', '13812345678 ext 1'])(
    'refuses %j',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );
});
