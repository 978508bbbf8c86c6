import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../src/rules/bsn.ts';

describe('the BSN 11-test', () => {
  it.each([
    '111222333', // 9+8+7+12+10+8+9+6−3 = 66
    '123456782', // 154 = 14·11
    '999990019', // a test number, as the demo data uses
    '012345672', // a leading zero is a digit like any other
  ])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  it.each([
    ['a failing checksum', '123456789'],
    ['a last digit off by one', '111222334'],
    ['all zeros, which passes the sum but is no number', '000000000'],
    ['eight digits', '11122233'],
    ['ten digits', '1112223330'],
    ['a letter', '11122233a'],
    ['surrounding space', ' 111222333'],
    ['full-width digits', '１１１２２２３３３'],
    ['the empty string', ''],
  ])('refuses %s', (_why, bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });

  it('weights the last digit −1, so swapping the last two digits breaks the number', () => {
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456728')).toBe(false);
  });
});
