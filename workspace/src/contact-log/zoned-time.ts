/**
 * `<input type="datetime-local">` values read in the person's time zone (GET /api/me), not the browser machine's:
 * a rep whose laptop is set to another zone still books a callback at 09:00 of her own day.
 */
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time `YYYY-MM-DDTHH:mm` names in `timeZone`; undefined for anything else. */
export function instantOfZonedLocal(local: string, timeZone: string): Date | undefined {
  const match = localPattern.exec(local);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two rounds: the first guess's offset may be the other side of a clock change from the answer's.
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/** The `YYYY-MM-DDTHH:mm` wall-clock time of an instant in `timeZone`, as a datetime-local input shows it. */
export function zonedLocalOf(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone));
  return shifted.toISOString().slice(0, 16);
}
