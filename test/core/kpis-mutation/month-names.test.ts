/**
 * Month names (src/core/month-names.ts), the words a board reads on chart axes and in sentences
 * instead of an ISO month (issue 23): French in a French workbook, English in an English one.
 */

import { describe, expect, it } from 'vitest';
import { monthAxisLabel, monthName } from '../../../src/core/month-names';
import { parsePeriod } from '../../../src/core/periods';

describe('month names', () => {
  it('names the first and last months in full in both languages', () => {
    expect([monthName(1, 'fr'), monthName(8, 'fr'), monthName(12, 'fr')]).toEqual([
      'janvier',
      'août',
      'décembre',
    ]);
    expect([monthName(1, 'en'), monthName(12, 'en')]).toEqual(['January', 'December']);
  });

  it('labels a month on a chart axis with its short name, and leaves other periods as they are', () => {
    const period = (label: string) => parsePeriod(label, 1)!;
    expect(monthAxisLabel(period('2026-03'), 'fr')).toBe('mars 2026');
    expect(monthAxisLabel(period('2026-02'), 'fr')).toBe('févr. 2026');
    expect(monthAxisLabel(period('2026-12'), 'en')).toBe('Dec 2026');
    expect(monthAxisLabel(period('2026-01'), 'en')).toBe('Jan 2026');
    expect(monthAxisLabel(period('2026-Q1'), 'fr')).toBe('2026-Q1');
    expect(monthAxisLabel(period('2026'), 'en')).toBe('2026');
  });
});
