// Seed 003 "Time Zone in Interactions Tab": "Any interaction that is sent via our gateway/systems will be shown
// in the organization time zone." An instant written as the org's local time with its offset.
// Made for each call, not cached: a few microseconds per interaction read, and no state that outlives an org.
const formatter = (zone: string): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/** `isoUtc` in `zone`, ISO 8601 with the zone's offset at that instant, e.g. 2022-02-03T21:30:00.000+05:30. */
export function inTimeZone(isoUtc: string, zone: string): string {
  const instant = new Date(isoUtc);
  const parts = Object.fromEntries(formatter(zone).formatToParts(instant).map((part) => [part.type, part.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  // The parts carry whole seconds: rounding drops the instant's milliseconds from the difference.
  const offsetMinutes = Math.round((local - instant.getTime()) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const date = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${pad(instant.getUTCMilliseconds(), 3)}`;
  return `${date}${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
}
