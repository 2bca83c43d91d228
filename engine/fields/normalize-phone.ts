const chineseMobile = /^1[3-9]\d{9}$/;
// Landlines with their area code (010 + 8 digits up to 0xxx + 8 digits) and national service numbers (400/800).
const chineseFixedLine = /^0\d{9,11}$/;
const chineseServiceNumber = /^[48]00\d{7}$/;
const internationalDigits = /^[1-9]\d{6,14}$/;

/**
 * The canonical form of a phone number, used for dedupe and dialling: Chinese numbers in their national form
 * (13812345678, 01012345678), other countries as +<country><number>; null when the text is not a phone number.
 * Spaces, dashes, dots, brackets, full-width digits and the +86 / 0086 / 86 prefixes are accepted on input.
 */
export function normalizePhone(raw: string): string | null {
  const compact = raw.normalize('NFKC').replace(/[\s\-.()]/g, '');
  if (!/^(\+|00)?\d+$/.test(compact)) return null;

  const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : null;
  if (international !== null) {
    if (international.startsWith('86')) return chineseNational(international.slice(2), true);
    return internationalDigits.test(international) ? `+${international}` : null;
  }
  if (compact.length === 13 && compact.startsWith('86') && chineseMobile.test(compact.slice(2))) {
    return compact.slice(2);
  }
  return chineseNational(compact, false);
}

function chineseNational(digits: string, afterCountryCode: boolean): string | null {
  if (chineseMobile.test(digits) || chineseServiceNumber.test(digits)) return digits;
  // After +86 a landline is written without its trunk 0 (+86 10 …); the national form puts it back.
  if (afterCountryCode && /^(10\d{8}|[2-9]\d{8,10})$/.test(digits)) return `0${digits}`;
  return chineseFixedLine.test(digits) ? digits : null;
}
