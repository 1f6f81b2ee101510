/**
 * ROI KPIs, hand-worked on a small club (issue 23). Period 2026-S1, today 2026-09-15, hours valued at
 * 40 € (Settings `hourly_value`).
 * Reports are computed inside each test, never at collection time: Stryker activates a mutant per test
 * and counts coverage per test, so a report computed while collecting would never see the mutant.
 */

import { describe, expect, it } from 'vitest';
import { kpi, MEMBERS_HEADER, memberRows, run, tab } from '../fixtures';

const members = tab('Membres', MEMBERS_HEADER, memberRows(4));
const settings = tab('Paramètres', ['Clé', 'Valeur'], [['hourly_value', 40]]);
const investment = tab(
  'Investissements',
  ['Date', 'Catégorie', 'Heures', 'Montant'],
  [
    ['10/01/2026', 'salle', '', 300],
    ['15/02/2026', 'temps', 10, ''],
    ['01/10/2025', 'outils', '', 50], // previous period
    ['02/07/2026', 'salle', 3, 999], // S2
  ],
);
const events = tab(
  'Événements',
  ['ID événement', 'Date', 'Coût', 'Heures bénévoles'],
  [
    ['E1', '10/03/2026', 200, 5],
    ['E2', '12/04/2026', '', ''], // neither cost nor hours: not an investment row
    ['E3', '01/08/2026', 500, 2], // S2
  ],
);
const referrals = tab(
  'Recommandations',
  ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture'],
  [
    ['01/04/2026', 'M001', 'M002', 'recommandation', 'gagné', 2000, '20/04/2026'],
    ['02/04/2026', 'M002', 'M003', 'partenariat', 'gagné', 400, '05/05/2026'],
  ],
);
const dues = tab(
  'Cotisations',
  ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
  [
    ['M001', 2026, 120, '15/01/2026', 'payé'],
    ['M002', 2026, 180, '20/01/2026', 'payé'],
  ],
);

describe('roi, hand-worked', () => {
  const report = () => run([members, settings, investment, events, referrals, dues]);

  it('investment_total: money + hours × hourly value over rows of P', () => {
    // Money 300 + 200 (E1) = 500; hours 10 + 5 (E1) = 15 × 40 = 600 → 1,100 on 3 rows.
    expect(kpi(report(), 'investment_total')).toMatchObject({
      value: 1100,
      n: 3,
      details: { money: 500, hours: 15, hourly_value: 40 },
    });
  });

  it('roi = (returns − investment) ÷ investment', () => {
    // Returns: won referrals closed in P 2,000 + 400 = 2,400. (2,400 − 1,100) ÷ 1,100 = 13/11, n 3 + 2.
    const r = kpi(report(), 'roi');
    expect(r.value).toBeCloseTo(13 / 11, 12);
    expect(r).toMatchObject({ n: 5, details: { returns: 2400, investment: 1100 } });
    expect(kpi(report(), 'returns_total')).toMatchObject({ value: 2400, n: 2 });
  });

  it('return_per_dues_euro = returns ÷ dues collected', () => {
    // Dues collected in P: 120 + 180 = 300. 2,400 ÷ 300 = 8, n 2 + 2.
    expect(kpi(report(), 'return_per_dues_euro')).toMatchObject({
      value: 8,
      n: 4,
      details: { returns: 2400, dues_collected: 300 },
    });
  });

  it('has no ratio on a zero investment or zero dues', () => {
    // Events without cost or hours: investment 0 on 0 rows → roi null (not a division by zero).
    const free = tab(
      'Événements',
      ['ID événement', 'Date', 'Coût', 'Heures bénévoles'],
      [['E1', '10/03/2026', '', '']],
    );
    const unpaid = tab(
      'Cotisations',
      ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
      [['M001', 2026, 120, '', 'en attente']],
    );
    const r = run([members, free, referrals, unpaid]);
    expect(kpi(r, 'investment_total')).toMatchObject({ value: 0, n: 0 });
    expect(kpi(r, 'roi')).toMatchObject({ value: null, n: 0 });
    expect(kpi(r, 'return_per_dues_euro')).toMatchObject({ value: null, n: 0 });
  });

  it('an event with a cost only, or volunteer hours only, is an investment row', () => {
    const halves = tab(
      'Événements',
      ['ID événement', 'Date', 'Coût', 'Heures bénévoles'],
      [
        ['E1', '10/03/2026', 150, ''], // cost only
        ['E2', '12/04/2026', '', 4], // hours only
        ['E3', '14/05/2026', '', ''], // neither: left out
      ],
    );
    // 150 € + 4 h × 40 € = 310 € on 2 rows.
    expect(kpi(run([members, settings, halves]), 'investment_total')).toMatchObject({
      value: 310,
      n: 2,
      details: { money: 150, hours: 4 },
    });
  });

  it('has no return per dues euro without referrals, however much was collected', () => {
    // Dues collected 300 on 2 payments, but no Referrals tab: no returns, so no ratio (not 0 ÷ 300 = 0).
    expect(kpi(run([members, dues]), 'return_per_dues_euro')).toMatchObject({ value: null, n: 2 });
  });

  it('investment from the Investment tab alone; no data without it nor Events', () => {
    // Without hourly value set, hours count 0 €: 300 on 2 rows of P.
    expect(kpi(run([members, investment]), 'investment_total')).toMatchObject({ value: 300, n: 2 });
    expect(kpi(run([members, referrals]), 'investment_total')).toMatchObject({ value: null, n: 0 });
    expect(kpi(run([members, referrals]), 'roi')).toMatchObject({ value: null, n: 0 });
    expect(kpi(run([members, investment]), 'roi')).toMatchObject({ value: null, n: 2 });
  });
});
