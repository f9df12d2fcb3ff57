import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from './errors.ts';
import { IMPORT_DATE_FORMATS, importDateFormat, parseImportDate } from './import_date_formats.ts';

// Every sample of the seed's table, as the instant it names (rulings 168-171).
const SAMPLE_INSTANTS: Record<number, string> = {
  1: '2022-02-03T19:00:00.000Z',
  2: '2022-02-03T19:00:00.000Z',
  3: '2022-02-03T19:00:00.000Z',
  4: '2017-05-11T15:46:48.000Z',
  5: '2022-02-03T19:08:56.235Z',
  6: '2022-02-03T19:00:00.000Z',
  7: '2022-02-03T19:00:00.000Z',
  8: '2022-02-03T19:00:00.000Z',
  9: '2022-02-03T19:00:00.000Z',
};

describe('import date formats (seed 003 table)', () => {
  it('reads every sample of the table as the instant it names', () => {
    assert.equal(IMPORT_DATE_FORMATS.length, 9);
    for (const format of IMPORT_DATE_FORMATS) assert.equal(parseImportDate(format.sample, format), SAMPLE_INSTANTS[format.sno], format.pattern);
  });

  it('catches a day and month in the wrong order once the day is above 12', () => {
    const dayFirst = importDateFormat('dd/MM/yyyy HH:mm:ss');
    const monthFirst = importDateFormat('MM/DD/YY HH:mm:ss');
    assert.equal(parseImportDate('25/12/2022 08:00:00', dayFirst), '2022-12-25T08:00:00.000Z');
    assert.equal(parseImportDate('12/25/2022 08:00:00', dayFirst), undefined);
    assert.equal(parseImportDate('12/25/22 08:00:00', monthFirst), '2022-12-25T08:00:00.000Z');
    assert.equal(parseImportDate('25/12/22 08:00:00', monthFirst), undefined);
  });

  it('is strict: no rolled-over dates, no other shapes', () => {
    const format = importDateFormat('1');
    assert.equal(parseImportDate('2022-02-31 10:00:00', format), undefined);
    assert.equal(parseImportDate('2022-02-03T10:00:00', format), undefined);
    assert.equal(parseImportDate('2022-02-03 24:00:00', format), undefined);
    assert.equal(parseImportDate('03-feb-22 19:00:00', importDateFormat('dd-MMM-yy HH:mm:ss')), '2022-02-03T19:00:00.000Z');
    assert.equal(parseImportDate('2017-05-11 15:46:48 +0530', importDateFormat('4')), '2017-05-11T10:16:48.000Z');
  });

  it('refuses a format the table does not have with 8442', () => {
    assert.throws(() => importDateFormat('yyyy/MM/dd'), (error: unknown) => error instanceof DomainError && error.code === 8442);
  });
});
