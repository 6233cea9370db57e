import { describe, expect, it } from 'vitest';
import { formatPartialDate, parseExactDate, parsePartialDate, type PartialDate } from '../../../core/partial-date.js';

function parsed(text: string): PartialDate {
  const result = parsePartialDate(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('partial dates', () => {
  it('bounds a year, a month and a day', () => {
    expect(parsed('1956')).toMatchObject({ iso: '1956', precision: 'YEAR', approximate: false, earliest: '1956-01-01', latest: '1956-12-31' });
    expect(parsed('1956-02')).toMatchObject({ iso: '1956-02', precision: 'MONTH', earliest: '1956-02-01', latest: '1956-02-29' });
    expect(parsed('1956-08-30')).toMatchObject({ iso: '1956-08-30', precision: 'DAY', earliest: '1956-08-30', latest: '1956-08-30' });
  });

  it('widens approximate dates by one unit each side', () => {
    expect(parsed('~1958')).toMatchObject({ approximate: true, earliest: '1957-01-01', latest: '1959-12-31' });
    expect(parsed('~1956-12')).toMatchObject({ approximate: true, earliest: '1956-11-01', latest: '1957-01-31' });
    expect(parsed('~1956-03-01')).toMatchObject({ earliest: '1956-02-29', latest: '1956-03-02' });
  });

  it('reads early, mid and late as thirds of a year', () => {
    expect(parsed('early 1957')).toMatchObject({ precision: 'YEAR', approximate: true, qualifier: 'early', earliest: '1957-01-01', latest: '1957-04-30' });
    expect(parsed('mid 1946')).toMatchObject({ earliest: '1946-05-01', latest: '1946-08-31' });
    expect(parsed('Late 1955')).toMatchObject({ earliest: '1955-09-01', latest: '1955-12-31' });
  });

  it('rejects malformed dates with a reason', () => {
    for (const bad of ['1956-13', '1955-02-29', '56', '1956/08/30', 'summer 1950', '']) {
      const result = parsePartialDate(bad);
      expect(result.ok, bad).toBe(false);
    }
    const feb = parsePartialDate('1955-02-29');
    expect(feb.ok ? '' : feb.error).toContain('has 28 days');
  });

  it('accepts only exact forms as API arguments', () => {
    expect(parseExactDate('1956-08').ok).toBe(true);
    expect(parseExactDate('~1956').ok).toBe(false);
    expect(parseExactDate('early 1957').ok).toBe(false);
  });

  it('writes dates back the way they were written', () => {
    for (const text of ['1956', '~1958', 'early 1957', '1956-08-30']) expect(formatPartialDate(parsed(text))).toBe(text);
  });
});
