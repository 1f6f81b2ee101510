/**
 * The layout code on its own (issue 15, move 7): the LayoutBuilder grid, the History merge, and the
 * members' tabs (Palmarès / Leaderboard, Bilan membres / Member statements). Until now these were
 * reached only end to end; here each expectation is worked out by hand from the inputs, with the
 * arithmetic in a comment.
 */

import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/compute';
import { HISTORY_HEADER, mergeHistory } from '../../src/core/history';
import type { KpiResult } from '../../src/core/kpis/types';
import { LayoutBuilder } from '../../src/core/layout';
import {
  buildLeaderboard,
  buildStatements,
  LEADERBOARD_HEADER,
  leaderboardRow,
  shownName,
} from '../../src/core/member-tabs';
import { type MemberScore, SCORE_COMPONENTS, scoreTiers } from '../../src/core/score';
import type { MemberStatement } from '../../src/core/statements';
import { run } from './fixtures';

/** A real report of an empty club (fr, 2026-S1, today 2026-09-15), its lists replaced by the test's. */
function report(over: Partial<Report> = {}, options: { lang?: 'fr' | 'en' } = {}): Report {
  const base = run([], options.lang === 'en' ? { locale: 'en_GB' } : {});
  return { ...base, ...over };
}

function kpiResult(id: string, value: number | null, previous: number | null): KpiResult {
  return {
    id,
    family: 'engagement',
    label: `Label ${id}`,
    unit: 'ratio',
    display: 'ratio',
    value,
    previous,
    delta: value !== null && previous !== null ? value - previous : null,
    n: 7,
    target: null,
    benchmark: null,
    status: value === null ? null : 'green',
    formula: '',
    lowerIsBetter: false,
    good: 'up',
    previousYear: null,
    deltaYear: null,
    previousN: 7,
    previousYearN: 0,
    yearly: false,
    details: {},
    issueCount: 0,
  };
}

function score(rank: number, name: string, points: number, over: Partial<MemberScore> = {}): MemberScore {
  return {
    rank,
    memberId: `M-${rank}`,
    name,
    score: points,
    colour: points >= 70 ? 'green' : points >= 50 ? 'amber' : points >= 30 ? 'red' : 'grey',
    missingToGreen: Math.max(0, 70 - points),
    components: [
      { id: 'attendance', value: 0.5, points: 20, max: 40 },
      { id: 'referrals', value: 1, points: 15, max: 20 },
    ],
    previous: null,
    trend: null,
    ...over,
  };
}

describe('LayoutBuilder', () => {
  it('pads short rows, cuts long ones, and merges cell style over row style', () => {
    const b = new LayoutBuilder('Tab', [100, 50, 80]);
    expect(b.width).toBe(3);
    b.row(['a', { value: 2, style: { bold: true } }], { color: '#111111' });
    b.blank();
    b.row(['x', 'y', 'z', 'dropped']);
    expect(b.nextRow).toBe(3);
    const layout = b.build(1);
    // Row 0: 'a', 2, then one pad cell (3 columns − 2 given); row 1: three nulls; row 2: the 4th cell cut.
    expect(layout.values).toEqual([
      ['a', 2, null],
      [null, null, null],
      ['x', 'y', 'z'],
    ]);
    // A whole number without a format shows as 0 (issue 13: `0.##` shows "2." in Sheets); text and
    // empty cells are general.
    expect(layout.numberFormats[0]).toEqual(['general', '0', 'general']);
    // The row's colour reaches every cell of row 0, the pad too; the cell's bold only its own cell.
    expect(layout.fontColors[0]).toEqual(['#111111', '#111111', '#111111']);
    expect(layout.fontColors[1]).toEqual(['#202124', '#202124', '#202124']);
    expect(layout.fontWeights[0]).toEqual(['normal', 'bold', 'normal']);
    expect(layout.backgrounds[2]).toEqual(['#ffffff', '#ffffff', '#ffffff']);
    expect(layout.fontSizes[1]).toEqual([10, 10, 10]);
    expect(layout.columnWidths).toEqual([100, 50, 80]);
    expect(layout.frozenRows).toBe(1);
    expect(layout.name).toBe('Tab');
  });
});

describe('mergeHistory', () => {
  it('replaces the refreshed period, keeps the others, drops blank rows, sorts by period', () => {
    const r = report({ kpis: [kpiResult('nps', 12, 20), kpiResult('show_up_rate', null, 0.8)] });
    const existing = [
      HISTORY_HEADER.fr,
      ['2026-S2', 'nps', 'NPS', 30, '', '', 4, 'score', 'green'],
      ['2026-S1', 'nps', 'NPS', 99, '', '', 1, 'score', 'red'], // the refreshed period: replaced
      ['', '', '', '', '', '', '', '', ''], // blank: dropped
      ['2025-S2', 'nps', 'NPS', 20, 10, 10, 5, 'score', 'amber'],
    ];
    const merged = mergeHistory(existing, r);
    expect(merged).toEqual([
      HISTORY_HEADER.fr,
      // Kept, '' read back as null.
      ['2025-S2', 'nps', 'NPS', 20, 10, 10, 5, 'score', 'amber'],
      // Fresh for 2026-S1: delta 12 − 20 = −8; a KPI without data keeps its previous value.
      ['2026-S1', 'nps', 'Label nps', 12, 20, -8, 7, 'ratio', 'green'],
      ['2026-S1', 'show_up_rate', 'Label show_up_rate', null, 0.8, null, 7, 'ratio', null],
      ['2026-S2', 'nps', 'NPS', 30, null, null, 4, 'score', 'green'],
    ]);
  });

  it('refreshing twice changes nothing, and an empty tab gets the header of the workbook language', () => {
    const r = report({ kpis: [kpiResult('nps', 12, 20)] }, { lang: 'en' });
    const once = mergeHistory([], r);
    expect(once).toEqual([
      HISTORY_HEADER.en,
      ['2026-S1', 'nps', 'Label nps', 12, 20, -8, 7, 'ratio', 'green'],
    ]);
    expect(mergeHistory(once, r)).toEqual(once);
  });
});

describe('member tabs', () => {
  it('shows names, or only ranks when the leaderboard is not public', () => {
    const s = score(2, 'Alice Martin', 55);
    expect(shownName(s, report())).toBe('Alice Martin');
    const hidden = report();
    hidden.settings = { ...hidden.settings, leaderboardPublic: false };
    expect(shownName(s, hidden)).toBe('Membre n°2');
  });

  it('writes a leaderboard row: rank, name, score, colour, points to green, trend, then components', () => {
    // 55 points: amber (50 ≤ 55 < 70), 70 − 55 = 15 missing to green; trend 55 − 48 = +7.
    const s = score(2, 'Alice Martin', 55, { previous: 48, trend: 7 });
    const row = leaderboardRow(s, report(), false);
    expect(row).toEqual([
      { value: 2, style: { format: '0' } },
      'Alice Martin',
      { value: 55, style: { format: '0', bold: true } },
      { value: 'orange', style: { background: '#feefc3' } },
      { value: 15, style: { format: '0' } },
      '▲ +7',
    ]);
    const full = leaderboardRow(s, report(), true);
    // Six base cells, then one per component: attendance 20, referrals 15, the others absent → 0.
    expect(full).toHaveLength(6 + SCORE_COMPONENTS.length);
    expect(full.slice(6)).toEqual(
      SCORE_COMPONENTS.map((c) => ({
        value: c.id === 'attendance' ? 20 : c.id === 'referrals' ? 15 : 0,
        style: { format: '0' },
      })),
    );
    expect(leaderboardRow(score(1, 'B', 80, { trend: -3 }), report(), false)[5]).toBe('▼ −3');
    expect(leaderboardRow(score(1, 'B', 80, { trend: 0 }), report(), false)[5]).toBe('= 0');
    expect(leaderboardRow(score(1, 'B', 80), report(), false)[5]).toBe('');
  });

  it('lays out the Palmarès tab: title, window, scale, header, members, thresholds', () => {
    const r = report({ scores: [score(1, 'Bruno Petit', 72), score(2, 'Alice Martin', 55)] });
    const layout = buildLeaderboard(r);
    expect(layout.name).toBe('Palmarès');
    // 2026-S1 is over on 2026-09-15, so the window ends on 30/06/2026; 6 months back from 01/07 is 01/01.
    expect(layout.values[1][0]).toBe('Score d’activité sur 6 mois, du 01/01/2026 au 30/06/2026.');
    // Header on row 5 (index 4), frozen with the 4 rows above it: 5 frozen rows.
    expect(layout.values[4].slice(0, 6)).toEqual(LEADERBOARD_HEADER.fr);
    expect(layout.frozenRows).toBe(5);
    expect(layout.values[5].slice(0, 4)).toEqual([1, 'Bruno Petit', 72, 'vert']);
    expect(layout.values[6].slice(0, 4)).toEqual([2, 'Alice Martin', 55, 'orange']);
    // 6 base columns + one per component.
    expect(layout.columnWidths).toHaveLength(6 + SCORE_COMPONENTS.length);
    // Then a blank row (index 7), the thresholds header (8) and one row per tier from 9 on.
    expect(layout.values[7].every((v) => v === null)).toBe(true);
    expect(layout.values[8].slice(0, 3)).toEqual(['Seuils en vigueur', 'Clé (Paramètres)', 'Points']);
    const tiers = scoreTiers(r.settings);
    expect(layout.values).toHaveLength(9 + tiers.length);
    expect(layout.values[9].slice(0, 3)).toEqual([tiers[0].label.fr, tiers[0].key, tiers[0].points]);
  });

  it('says so when there is no one to rank', () => {
    const layout = buildLeaderboard(report({ scores: [] }, { lang: 'en' }));
    expect(layout.name).toBe('Leaderboard');
    expect(layout.values[5][0]).toBe('No active member to rank.');
  });

  it('lays out the member statements with money in the club currency', () => {
    const statement: MemberStatement = {
      memberId: 'M-1',
      name: 'Alice Martin',
      company: 'Martin SARL',
      eventsAttended: 4,
      referralsGiven: 3,
      referralsReceived: 2,
      businessReceived: 1500,
      businessGiven: 800,
      contents: 1,
      duesPaid: 600,
      // 1,500 € received ÷ 600 € of dues = 2.5.
      businessPerDuesEuro: 2.5,
    };
    const layout = buildStatements(report({ statements: [statement] }));
    expect(layout.name).toBe('Bilan membres');
    expect(layout.values[0][0]).toBe('Bilan des membres — 2026-S1');
    expect(layout.frozenRows).toBe(4);
    expect(layout.values[3][0]).toBe('Membre');
    expect(layout.values[4]).toEqual(['Alice Martin', 'Martin SARL', 4, 3, 2, 1500, 800, 1, 600, 2.5]);
    // Money columns (business received, given, dues) take the euro format (no-break space before €), counts 0, the ratio 0.00.
    expect(layout.numberFormats[4]).toEqual([
      'general',
      'general',
      '0',
      '0',
      '0',
      '#,##0"\u00a0€"',
      '#,##0"\u00a0€"',
      '0',
      '#,##0"\u00a0€"',
      '0.00',
    ]);
    expect(layout.fontWeights[4][9]).toBe('bold');
  });
});
