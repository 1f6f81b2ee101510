// CLUB_MEMBER_SCORE and CLUB_RENEWAL_RATE through the built bundle, run as Sheets runs custom
// functions (AuthMode.CUSTOM_FUNCTION: read-only), on the hand-worked club of club-fixture.ts.
//
// Scores for 2026-S1: the window is 01/01/2026–30/06/2026 (6 months; 2026-S1 is over), events E1
// (12/03) and E2 (28/05); the previous window 01/07/2025–31/12/2025 has no event.
//   M1 Alice: E1 and E2 of 2 → 100 % → 20; 1 referral given (01/02) → 1/6 per month → 5;
//     won 2,000 (closed 15/01/2026) + 5,000 (closed 01/04/2026) = 7,000 → 10; Emma invited as a guest
//     → 1/6 per month → 5; hot answers for E1 and E2 of 2 attended → 10            → 50
//     previous window: the referral of 01/12/2025 → 5 (closed in 2026: no business)  → 5
//   M5 Emma (joined 20/05/2026): E1 was before she joined; E2 of 1 → 20; answered E2 → 10 → 30
//   M3 Chloé: E1 of 2 → 50 % → 10; 1 referral → 5; answered E1 → 10                → 25
//   M2 Bruno: came to neither → 0; 1 referral (lost) → 5                            → 5
//   M4 David left on 15/02/2026: not an active member at the end of 2026-S1.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/local/runtime';
import type { WorkbookModel } from '../../src/local/workbook/model';
import { FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';

const code = readFileSync('dist/Code.js', 'utf8');
const sidebar = readFileSync('dist/Sidebar.html', 'utf8');

function bundleOf(model: WorkbookModel) {
  return loadBundle(code, { workbook: model, htmlFiles: { Sidebar: sidebar }, userLocale: 'fr' });
}

function customRun(model: WorkbookModel) {
  const bundle = bundleOf(model);
  bundle.emulator.setAuthMode('CUSTOM_FUNCTION');
  return bundle;
}

describe('CLUB_MEMBER_SCORE', () => {
  it('gives the hand-worked score of a member found by ID, email or name', () => {
    const bundle = customRun(fixtureWorkbook());
    expect(bundle.call('CLUB_MEMBER_SCORE', 'M1', '2026-S1')).toBe(50);
    expect(bundle.call('CLUB_MEMBER_SCORE', 'EMMA@exemple.fr', '2026-S1')).toBe(30);
    expect(bundle.call('CLUB_MEMBER_SCORE', 'Chloé Durand', '2026-S1', new Date())).toBe(25);
    expect(bundle.call('CLUB_MEMBER_SCORE', 'M2', '2026-S1')).toBe(5);
    // The window of 2025-S2 (01/07–31/12/2025): Alice's referral of 01/12/2025 only.
    expect(bundle.call('CLUB_MEMBER_SCORE', 'M1', '2025-S2')).toBe(5);
  });

  it('without a period, scores the period of the last refresh', () => {
    const model = fixtureWorkbook();
    const refreshed = bundleOf(model).call('refreshKpis', { period: '2026-S1', today: FIXTURE_TODAY }) as {
      ok: boolean;
    };
    expect(refreshed.ok).toBe(true);
    expect(customRun(model).call('CLUB_MEMBER_SCORE', 'M1', '', new Date())).toBe(50);
  });

  it('explains an unknown, ambiguous, missing or former member in one sentence', () => {
    const bundle = customRun(fixtureWorkbook());
    expect(() => bundle.call('CLUB_MEMBER_SCORE', 'M4', '2026-S1')).toThrow(
      /^« M4 » n'est pas un membre actif à la fin de 2026-S1\.$/,
    );
    expect(() => bundle.call('CLUB_MEMBER_SCORE', 'Inconnu', '2026-S1')).toThrow(
      /^Membre inconnu « Inconnu »\.$/,
    );
    expect(() => bundle.call('CLUB_MEMBER_SCORE', '', '2026-S1')).toThrow(/^Indiquez un membre/);
    expect(() => bundle.call('CLUB_MEMBER_SCORE', 'M1', '2026-S3')).toThrow(/^Période « 2026-S3 » invalide/);
  });
});

describe('CLUB_RENEWAL_RATE', () => {
  it('gives the share of previous members found again, as the fixture’s renewal rate', () => {
    const bundle = customRun(fixtureWorkbook());
    // 2025: M1–M4; 2026: M1, M3, M5 → M1 and M3 of 4 = 0.5 (renewal_rate of the fixture).
    const previous = [['M1'], ['M2'], ['M3'], ['M4']];
    expect(bundle.call('CLUB_RENEWAL_RATE', previous, [['M1'], ['M3'], ['M5'], ['']])).toBe(0.5);
    // Duplicates and blanks count once / not at all: {M1, M2} → M1 → 0.5.
    expect(bundle.call('CLUB_RENEWAL_RATE', [['M1'], ['M1'], [''], ['M2']], [['M1']])).toBe(0.5);
    expect(bundle.call('CLUB_RENEWAL_RATE', [[' M1 ']], [['M1']])).toBe(1);
    expect(bundle.call('CLUB_RENEWAL_RATE', [['']], [['M1']])).toBe('pas de données');
  });
});

describe('what refresh stores for the custom functions (SPEC §10)', () => {
  function refreshed(...periods: string[]) {
    const model = fixtureWorkbook();
    for (const period of periods) {
      const result = bundleOf(model).call('refreshKpis', { period, today: FIXTURE_TODAY }) as { ok: boolean };
      expect(result.ok).toBe(true);
    }
    return model;
  }

  it('keeps the KPIs of every refreshed period, so another period is read from one range', () => {
    const model = refreshed('2026-Q1', '2026-S1');
    expect(model.sheets.find((s) => s.name === '_ClubPulse_Periods')?.hidden).toBe(true);
    const bundle = customRun(model);
    bundle.emulator.counter.reset();
    // 2026-Q1 was refreshed before 2026-S1: R1 (won) and R2 (lost) → 2, read from the stored block.
    expect(bundle.call('CLUB_KPI', 'referrals_given', '2026-Q1')).toBe(2);
    const reads = [...bundle.emulator.counter.byMethod].filter(([k]) => k === 'Range.getValues');
    // The last refresh's table, then the stored periods: never a tracking tab.
    expect(reads).toEqual([['Range.getValues', 2]]);
    const cells = (name: string) => {
      const tab = model.sheets.find((s) => s.name === name)!;
      return tab.values.length * Math.max(...tab.values.map((r) => r.length));
    };
    expect(bundle.emulator.counter.cellsRead).toBe(cells('_ClubPulse_KPI') + cells('_ClubPulse_Periods'));
  });

  it('stores the member scores: CLUB_MEMBER_SCORE reads them, by ID, email or name', () => {
    const bundle = customRun(refreshed('2026-S1'));
    bundle.emulator.counter.reset();
    expect(bundle.call('CLUB_MEMBER_SCORE', 'M1', '', new Date())).toBe(50);
    expect(bundle.call('CLUB_MEMBER_SCORE', 'emma@exemple.fr')).toBe(30);
    expect(bundle.call('CLUB_MEMBER_SCORE', 'Chloé Durand', '2026-S1')).toBe(25);
    expect(() => bundle.call('CLUB_MEMBER_SCORE', 'M4')).toThrow(
      /^« M4 » n'est pas un membre actif à la fin de 2026-S1\.$/,
    );
    expect(() => bundle.call('CLUB_MEMBER_SCORE', 'Inconnu')).toThrow(/^Membre inconnu « Inconnu »\.$/);
    // Hidden tabs only, by name: reading the tracking tabs (or sizing them for a live computation)
    // would list the sheets.
    expect(bundle.emulator.counter.byMethod.get('Spreadsheet.getSheets')).toBeUndefined();
    // One read of the scores tab a call, plus the KPI table (for its period) when none is given.
    expect(bundle.emulator.counter.byMethod.get('Range.getValues')).toBe(5 + 4);
  });
});
