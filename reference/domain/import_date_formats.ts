// Seed 003 "Support for More Transaction Date Formats": the nine date formats a transaction import may declare,
// with the seed's patterns and samples. The table writes Java pattern letters loosely, so each row is read as
// its sample shows it (README rulings 168-171):
//   - `D` (Java: day of year) and `YY` (Java: week-based year) in rows 7-9 are day of month and two-digit year:
//     "2/3/22" under `M/D/YY` is 3 February 2022, like every other sample of the table.
//   - row 4's `Z` (Java: an offset such as -0800) has the sample "Z": both "Z" (UTC) and +hhmm are read.
//   - row 5's sample "12:08:56.235-07:00" has milliseconds its pattern `ssXXX` lacks: an optional fraction
//     is read before the offset.
//   - two-digit years are 2000-2099; month names are English, any case; times without an offset are UTC.
// Parsing is strict (Java's SimpleDateFormat is lenient by default): 31/02 or a month 13 is refused, never
// rolled over, so a day and month read in the wrong order are caught whenever the day is above 12.
import { DomainError } from './errors.ts';

export interface ImportDateFormat {
  /** The seed's SNO. */
  readonly sno: number;
  /** The pattern as the seed's table writes it. */
  readonly pattern: string;
  /** The seed's sample. */
  readonly sample: string;
  readonly regexp: RegExp;
  /** Which capture groups hold what. */
  readonly order: 'ymd' | 'dmy' | 'mdy';
  /** Two-digit year. */
  readonly shortYear: boolean;
  /** The month is a three-letter name. */
  readonly monthName: boolean;
  /** The regexp captures a fraction and an offset after the time. */
  readonly zoned: boolean;
}

const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function format(sno: number, pattern: string, sample: string, date: string, order: ImportDateFormat['order'], options: Partial<ImportDateFormat> = {}): ImportDateFormat {
  const zone = options.zoned ? (sno === 4 ? ' (Z|[+-]\\d{4})' : '(?:\\.(\\d{1,3}))?(Z|[+-]\\d{2}:\\d{2})') : '';
  return {
    sno,
    pattern,
    sample,
    regexp: new RegExp(`^${date} ${TIME}${zone}$`, 'i'),
    order,
    shortYear: options.shortYear ?? false,
    monthName: options.monthName ?? false,
    zoned: options.zoned ?? false,
  };
}

/** The seed's table, in its order. */
export const IMPORT_DATE_FORMATS: readonly ImportDateFormat[] = [
  format(1, 'yyyy-MM-dd HH:mm:ss', '2022-02-03 19:00:00', '(\\d{4})-(\\d{2})-(\\d{2})', 'ymd'),
  format(2, 'dd-MM-yyyy HH:mm:ss', '03-02-2022 19:00:00', '(\\d{2})-(\\d{2})-(\\d{4})', 'dmy'),
  format(3, 'dd/MM/yyyy HH:mm:ss', '03/02/2022 19:00:00', '(\\d{2})/(\\d{2})/(\\d{4})', 'dmy'),
  format(4, 'yyyy-MM-dd HH:mm:ss Z', '2017-05-11 15:46:48 Z', '(\\d{4})-(\\d{2})-(\\d{2})', 'ymd', { zoned: true }),
  format(5, 'yyyy-MM-dd HH:mm:ssXXX', '2022-02-03 12:08:56.235-07:00', '(\\d{4})-(\\d{2})-(\\d{2})', 'ymd', { zoned: true }),
  format(6, 'dd-MMM-yy HH:mm:ss', '03-Feb-22 19:00:00', '(\\d{2})-([A-Za-z]{3})-(\\d{2})', 'dmy', { shortYear: true, monthName: true }),
  format(7, 'M/D/YY HH:mm:ss', '2/3/22 19:00:00', '(\\d{1,2})/(\\d{1,2})/(\\d{2})', 'mdy', { shortYear: true }),
  format(8, 'D/M/YY HH:mm:ss', '3/2/22 19:00:00', '(\\d{1,2})/(\\d{1,2})/(\\d{2})', 'dmy', { shortYear: true }),
  format(9, 'MM/DD/YY HH:mm:ss', '02/03/22 19:00:00', '(\\d{2})/(\\d{2})/(\\d{2})', 'mdy', { shortYear: true }),
];

/** A format by the seed's pattern or SNO; 8442 for anything else (the whole import is refused). */
export function importDateFormat(nameOrSno: string): ImportDateFormat {
  const found = IMPORT_DATE_FORMATS.find((entry) => entry.pattern === nameOrSno || String(entry.sno) === nameOrSno);
  if (!found) throw new DomainError(8442, nameOrSno);
  return found;
}

/** "Z", "+0530", "-07:00": "Z" (no digits) reads as Number('') = 0 hours and minutes, UTC. */
function offsetMinutes(zone: string): number {
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * The instant `text` names under `format`, as ISO 8601 UTC; undefined when it does not match or is no real
 * date. `text` comes trimmed (the CSV reader trims every cell).
 */
export function parseImportDate(text: string, format: ImportDateFormat): string | undefined {
  const match = format.regexp.exec(text);
  if (!match) return undefined;
  const [first, second, third, hour, minute, secondOfMinute, ...rest] = match.slice(1);
  const parts = { ymd: [first, second, third], dmy: [third, second, first], mdy: [third, first, second] }[format.order];
  const year = Number(parts[0]) + (format.shortYear ? 2000 : 0);
  const month = format.monthName ? MONTHS.indexOf(parts[1].toLowerCase()) + 1 : Number(parts[1]);
  const day = Number(parts[2]);
  const [h, m, s] = [Number(hour), Number(minute), Number(secondOfMinute)];
  const fraction = format.sno === 5 && rest[0] !== undefined ? Number(rest[0].padEnd(3, '0')) : 0;
  const local = new Date(Date.UTC(year, month - 1, day, h, m, s, fraction));
  // Strict: Date.UTC rolls 31 February over to March, 12:60 to 13:00 and month 13 into the next year; a date
  // or time that changed on the way is no date (an unknown month name is month 0, which changes too).
  const written = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(m)}:${pad(s)}`;
  if (local.toISOString().slice(0, 19) !== written) return undefined;
  const offset = format.zoned ? offsetMinutes(format.sno === 5 ? rest[1] : rest[0]) : 0;
  return new Date(local.getTime() - offset * 60_000).toISOString();
}
