/**
 * Retention of the log tabs (src/core/log-retention.ts), hand-worked (issue 23): the cut-off day,
 * log tabs found by name in any language and spelling, the date column found by header, and which
 * rows go — only those dated strictly before the cut-off; the header, undated rows and rows whose
 * date cannot be read stay. Every grid is purged inside its test.
 */

import { describe, expect, it } from 'vitest';
import { cellLocaleOf } from '../../../src/core/cells';
import { dayOf, isoOf } from '../../../src/core/dates';
import { LOG_TABS, logTabOf, purgeOldRows, retentionCutoff } from '../../../src/core/log-retention';

const fr = cellLocaleOf('fr_FR', 'Europe/Paris');
const mailLog = () => LOG_TABS[1];

describe('retentionCutoff', () => {
  it('is the same day `months` earlier, clamped to the month’s end', () => {
    // 15 September 2026, 24 months → 15 September 2024; 31 March 2026, 1 month → 28 February 2026.
    expect(isoOf(retentionCutoff(dayOf(2026, 9, 15), 24))).toBe('2024-09-15');
    expect(isoOf(retentionCutoff(dayOf(2026, 3, 31), 1))).toBe('2026-02-28');
    expect(retentionCutoff(dayOf(2026, 3, 31), 0)).toBe(dayOf(2026, 3, 31));
  });
});

describe('logTabOf', () => {
  it('finds a log tab by any of its names, spelt loosely, and nothing else', () => {
    expect(logTabOf('_ClubPulse_Mail')?.dateHeaders).toEqual(['sent_on']);
    expect(logTabOf('journal des ENVOIS')).toBe(mailLog());
    expect(logTabOf(' Mail log ')).toBe(mailLog());
    expect(logTabOf('Membres')).toBeNull();
    expect(logTabOf('')).toBeNull();
  });
});

describe('purgeOldRows', () => {
  it('drops the rows dated before the cut-off and keeps the header, the cut-off day and later', () => {
    const values = [
      ['Destinataire', 'Envoyé le', 'Objet'],
      ['a@club.fr', '14/09/2024', 'Relance'],
      ['b@club.fr', '15/09/2024', 'Relance'],
      ['c@club.fr', '01/01/2023', 'Bienvenue'],
      ['d@club.fr', '', 'Sans date'],
      ['e@club.fr', 'hier', 'Date illisible'],
      ['f@club.fr', '02/03/2026', 'Enquête'],
    ];
    const out = purgeOldRows(values, mailLog(), dayOf(2024, 9, 15), fr);
    expect(out).toEqual({
      purged: 2,
      kept: [values[0], values[2], values[4], values[5], values[6]],
    });
  });

  it('finds the date column under any of its headers, spelt loosely, wherever it is', () => {
    const values = [
      ['Objet', 'SENT ON '],
      ['Relance', '01/01/2020'],
      ['Enquête', '01/01/2026'],
    ];
    expect(purgeOldRows(values, mailLog(), dayOf(2025, 1, 1), fr)).toEqual({
      purged: 1,
      kept: [values[0], values[2]],
    });
    const hidden = [
      ['to', 'sent_on'],
      ['x@club.fr', '2019-05-04'],
      ['y@club.fr', '2019-05-05'],
    ];
    expect(purgeOldRows(hidden, LOG_TABS[0], dayOf(2019, 5, 5), fr)).toEqual({
      purged: 1,
      kept: [hidden[0], hidden[2]],
    });
  });

  it('gives null when no column is a date column, when the tab is empty or when nothing goes', () => {
    const noDate = [
      ['Destinataire', 'Objet'],
      ['a@club.fr', '01/01/2020'],
    ];
    expect(purgeOldRows(noDate, mailLog(), dayOf(2025, 1, 1), fr)).toBeNull();
    expect(purgeOldRows([], mailLog(), dayOf(2025, 1, 1), fr)).toBeNull();
    const recent = [['Date'], ['01/02/2025'], ['']];
    expect(purgeOldRows(recent, mailLog(), dayOf(2025, 1, 1), fr)).toBeNull();
  });

  it('reads the dates in the sheet’s locale: month first in en_US', () => {
    const us = cellLocaleOf('en_US', 'America/New_York');
    // 03/02/2025 is 2 March in en_US (after the 1 February cut-off: kept), 3 February in France.
    const values = [['Sent on'], ['03/02/2025'], ['01/31/2025']];
    expect(purgeOldRows(values, mailLog(), dayOf(2025, 2, 1), us)).toEqual({
      purged: 1,
      kept: [values[0], values[1]],
    });
  });
});
