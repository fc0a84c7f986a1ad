import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filingAgrees, filingOffsetMinutes, filingYear } from '../../server/src/analysis/filingTime';
import { dtgValue, julianTime } from '../../server/src/cable/dates';

const offset = (dtg: [number, number, number, string, number], filing: string) =>
  filingOffsetMinutes(dtgValue(...dtg), julianTime(filing)!);

test('filing time: minutes after the DTG within one year', () => {
  assert.equal(offset([26, 20, 51, 'NOV', 8], '3312058'), 7);
  assert.equal(offset([26, 20, 51, 'NOV', 8], '3312050'), -1);
  assert.equal(offset([26, 20, 51, 'NOV', 8], '3352058'), 4 * 24 * 60 + 7);
});

test('filing time: across the year boundary, both ways, in leap years too', () => {
  assert.equal(offset([31, 23, 51, 'DEC', 8], '0010010'), 19, 'DTG on 31 December 2008, filed on 1 January 2009');
  assert.equal(filingYear(dtgValue(31, 23, 51, 'DEC', 8), julianTime('0010010')!), 2009);
  assert.equal(offset([1, 0, 5, 'JAN', 10], '3652358'), -7, 'DTG on 1 January 2010, filed on 31 December 2009 (day 365)');
  assert.equal(filingYear(dtgValue(1, 0, 5, 'JAN', 10), julianTime('3652358')!), 2009);
  assert.equal(offset([1, 0, 5, 'JAN', 9], '3662358'), -7, '2008 has 366 days: day 366 is 31 December');
  assert.equal(offset([1, 0, 5, 'JAN', 9], '3652358'), -7 - 24 * 60, 'day 365 of 2008 is 30 December');
  assert.equal(offset([31, 23, 51, 'DEC', 4], '0010010'), 19, 'from the last day of a leap year');
});

test('filing agrees from an hour before the DTG to a day after it', () => {
  assert.deepEqual([-61, -60, 0, 1440, 1441].map(filingAgrees), [false, true, true, true, false]);
});
