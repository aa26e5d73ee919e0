/** The numeric date fast path gives the same instants as luxon's own parser, and refuses what luxon refuses. */
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { numericDateParser } from '../../db/tickets/fast-dates.ts';

const cases: Array<[string, string]> = [
  ['yyyy-MM-dd HH:mm:ss', '2024-03-31 01:30:00'],
  ['yyyy-MM-dd HH:mm:ss', '2024-03-31 02:30:00'], // skipped by DST in Berlin
  ['yyyy-MM-dd HH:mm:ss', '2024-10-27 02:30:00'], // happens twice in Berlin
  ['yyyy-MM-dd HH:mm:ss', '2024-02-30 10:00:00'],
  ['yyyy-MM-dd HH:mm:ss', '2024-02-29 23:59:59'],
  ['d/M/yyyy H:mm', '29/2/2016 01:16'],
  ['d/M/yyyy H:mm', '5/3/2016 12:00'],
  ['d/M/yyyy H:mm', '31/4/2016 12:00'],
  ['yyMMdd H:mm:ss', '990201 7:02:47'],
  ['yyMMdd H:mm:ss', '990201 24:02:47'],
  ['yyyy-MM-dd', '2024-07-01'],
];

describe('numeric date fast path', () => {
  for (const zone of ['UTC', 'Europe/Berlin', 'Asia/Jerusalem']) {
    it(`agrees with luxon in ${zone}`, () => {
      for (const [format, text] of cases) {
        const fast = numericDateParser(format, zone)!(text);
        const slow = DateTime.fromFormat(text, format, { zone });
        expect([format, text, fast]).toEqual([format, text, slow.isValid ? slow.toMillis() : null]);
      }
    });
  }

  it('leaves formats with names or offsets to luxon', () => {
    expect(numericDateParser('EEE MMM dd HH:mm:ss ZZZ yyyy', 'UTC')).toBeNull();
    expect(numericDateParser('yyyy-MM-dd HH:mm:ss ZZZ', 'UTC')).toBeNull();
    expect(numericDateParser('HH:mm', 'UTC')).toBeNull();
  });
});
