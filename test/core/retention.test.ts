/** Retention and growth KPIs (SPEC §3, §12) with and without a Dues tab; period 2026-S1 → term T = 2026. */

import { describe, expect, it } from 'vitest';
import { DUES_HEADERS, issues, kpi, MEMBER_HEADERS as MEMBERS, run, tab } from './fixtures';

describe('with a Dues tab', () => {
  const members = tab('Membres', MEMBERS, [
    ['M001', 'Ana', 'Lopez', 'ana@club.fr', '06 01 02 03 04', '01/01/2024', '', '', ''],
    ['M002', 'Bob', 'Morel', 'bob@club.fr', '', '01/01/2025', '', '', ''],
    ['M003', 'Chloé', 'Faure', 'chloe@club.fr', '06 11 22 33 44', '01/01/2025', '', '', ''],
    ['M004', 'David', 'Roy', 'david@club.fr', '', '01/01/2024', '', '', ''],
    ['M006', 'Fanny', 'Blanc', 'fanny@club.fr', '', '01/01/2025', '', '', ''],
    ['M007', 'Gilles', 'Henry', 'gilles@club.fr', '', '01/01/2025', '31/12/2025', 'Déménagement', 'ancien'],
    ['M008', 'Hélène', 'Dumas', 'helene@club.fr', '', '01/03/2026', '', '', ''],
  ]);
  const dues = tab('Cotisations', DUES_HEADERS, [
    ['M001', 2024, 100, '10/01/2024', 'payé'],
    ['M001', 2025, 120, '10/01/2025', 'payé'],
    ['M001', 2026, 120, '15/01/2026', 'payé'],
    ['M002', '2025', 120, '10/01/2025', 'Payé'],
    ['M002', '2026', '95,50', '20/02/2026', ''], // empty status + paid_on → paid
    ['M003', 2025, 120, '10/01/2025', 'paid'],
    ['M003', 2026, 120, '', 'en attente'], // not paid
    ['M004', 2024, 100, '10/01/2024', 'payé'],
    ['M004', 2025, 120, '10/01/2025', 'payé'],
    ['M004', 2026, 120, '', 'payé'], // paid without date: counts for renewal, adds nothing
    ['M006', 2025, 120, '10/01/2025', 'payé'],
    ['M006', 2026, 120, '01/07/2026', 'payé'], // paid in T, but on 1 July (S2)
    ['M007', 2025, 120, '10/01/2025', 'payé'],
    ['M008', 2026, '150 €', '05/03/2026', 'payé'],
  ]);
  const report = run([members, dues]);

  it('renewal_rate: paid in T−1 and T ÷ paid in T−1', () => {
    // Paid 2025: M001, M002, M003, M004, M006, M007 = 6; of whom paid 2026: M001, M002, M004, M006 = 4 → 4/6.
    // Previous period 2025-S2 → T = 2025: paid 2024 M001, M004, both paid 2025 → 1; delta −1/3.
    // Benchmark 0.85 − 0.05 = 0.80 > 0.667 → red.
    const r = kpi(report, 'renewal_rate');
    expect(r).toMatchObject({ value: 4 / 6, previous: 1, n: 6, status: 'red' });
    expect(r.delta).toBeCloseTo(4 / 6 - 1, 12);
    expect(r.details).toMatchObject({ term: '2026', previous_term: '2025', source: 'dues' });
  });

  it('lists the members to call with their contact, and apart those whose leave reason is recorded', () => {
    // SPEC §12: M003 (no reason) is to call; M007 left for « Déménagement »: listed apart, reason tallied.
    const details = kpi(report, 'renewal_rate').details;
    const toCall = details.to_call as Array<Record<string, unknown>>;
    expect(toCall.map((m) => m.member_id)).toEqual(['M003']);
    expect(toCall[0]).toMatchObject({ name: 'Chloé Faure', email: 'chloe@club.fr', phone: '06 11 22 33 44' });
    expect(details.left_with_reason).toEqual([
      expect.objectContaining({ member_id: 'M007', leave_reason: 'Déménagement' }),
    ]);
    expect(details.leave_reasons).toEqual([{ reason: 'Déménagement', count: 1 }]);
  });

  it('churn_rate = 1 − renewal_rate, lower is better', () => {
    // 1 − 4/6 = 1/3; benchmark 0.15 + 0.05 = 0.20 < 0.333 → red.
    const c = kpi(report, 'churn_rate');
    expect(c.value).toBeCloseTo(1 / 3, 12);
    expect(c).toMatchObject({ n: 6, status: 'red', lowerIsBetter: true });
    // Mirrored band: a target of 0.30 puts 0.333 within 0.30 + 0.05 → amber; a target of 0.40 → green.
    const withTarget = (t: string) =>
      run([members, dues, tab('Paramètres', ['Clé', 'Valeur'], [['target.churn_rate', t]])]);
    expect(kpi(withTarget('0.3'), 'churn_rate').status).toBe('amber');
    expect(kpi(withTarget('40 %'), 'churn_rate').status).toBe('green');
    expect(kpi(withTarget('0.25'), 'churn_rate').status).toBe('red');
  });

  it('first_year_renewal_rate: renewal among members whose first paid term is T−1', () => {
    // First paid in 2025: M002, M003, M006, M007 (M001 and M004 paid 2024 first). Renewed: M002, M006 → 2/4.
    expect(kpi(report, 'first_year_renewal_rate')).toMatchObject({ value: 0.5, n: 4 });
  });

  it('new_member_rate: paid in T and never before ÷ paid in T', () => {
    // Paid 2026: M001, M002, M004, M006, M008; new: M008 → 1/5.
    expect(kpi(report, 'new_member_rate')).toMatchObject({ value: 0.2, n: 5 });
  });

  it('dues_collected: Σ paid amounts with paid_on in P; a paid row without date adds nothing and is reported', () => {
    // 15 Jan M001 120 + 20 Feb M002 95.50 + 5 Mar M008 150 = 365.50 (M004 has no date, M006 paid in July).
    expect(kpi(report, 'dues_collected')).toMatchObject({ value: 365.5, n: 3 });
    expect(issues(report, 'paid_without_date')).toEqual([
      expect.objectContaining({ tab: 'Cotisations', row: 11, column: 'Payé le' }),
    ]);
  });

  it('net_growth: (active at the end − active at the start) ÷ active at the start', () => {
    // 1 Jan 2026: M001–M004, M006 = 5 (M007 left 31 Dec, M008 not yet). 30 June: the same + M008 = 6. (6 − 5) ÷ 5.
    expect(kpi(report, 'net_growth')).toMatchObject({ value: 0.2, n: 5 });
  });

  it('reads the fiscal year from Settings: with September, 2026-S1 ends in term 2025-2026', () => {
    const fy = run([
      members,
      tab('Cotisations', DUES_HEADERS, [
        ['M001', '2024-2025', 100, '10/09/2024', 'payé'],
        ['M001', '2025-2026', 100, '10/09/2025', 'payé'],
        ['M002', '2024-2025', 100, '10/09/2024', 'payé'],
        ['M002', '01/10/2025', 100, '01/10/2025', 'payé'], // a date term: the 12 months from 1 Oct 2025 → FY 2025
      ]),
      tab('Paramètres', ['Clé', 'Valeur'], [['fiscal_year_start_month', '9']]),
    ]);
    // T = the fiscal year holding 30 June 2026 = Sept 2025 – Aug 2026 (2025-2026); both renewed → 1.
    expect(kpi(fy, 'renewal_rate')).toMatchObject({ value: 1, n: 2 });
    expect(kpi(fy, 'renewal_rate').details.term).toBe('2025-2026');
  });
});

describe('without a Dues tab', () => {
  // A member is in a year when active on any day of it.
  const members = tab('Membres', MEMBERS, [
    ['M001', 'Ana', 'Lopez', '', '', '01/03/2024', '', '', ''], // 2024, 2025, 2026
    ['M002', 'Bob', 'Morel', '', '', '01/05/2025', '', '', ''], // 2025, 2026
    ['M003', 'Chloé', 'Faure', 'chloe@club.fr', '', '01/01/2024', '31/12/2025', 'Prix', ''], // 2024, 2025
    ['M004', 'David', 'Roy', '', '', '01/02/2026', '', '', ''], // 2026
    ['M005', 'Eve', 'Prospect', '', '', '01/01/2024', '', '', 'prospect'], // never
  ]);
  const report = run([members]);

  it('renewal_rate from membership years', () => {
    // In 2025: M001, M002, M003; in 2026: M001, M002, M004 → renewed 2 of 3. M003 is to call, with reason.
    const r = kpi(report, 'renewal_rate');
    expect(r).toMatchObject({ value: 2 / 3, n: 3 });
    expect(r.details.source).toBe('members');
    expect(r.details.to_call).toEqual([]);
    expect(r.details.left_with_reason).toEqual([
      expect.objectContaining({ member_id: 'M003', leave_reason: 'Prix' }),
    ]);
    expect(r.details.leave_reasons).toEqual([{ reason: 'Prix', count: 1 }]);
    // First year 2025: M002 only, renewed → 1. New in 2026: M004 of 3.
    expect(kpi(report, 'first_year_renewal_rate')).toMatchObject({ value: 1, n: 1 });
    expect(kpi(report, 'new_member_rate').value).toBe(1 / 3);
    // No Dues tab: dues_collected has no data.
    expect(kpi(report, 'dues_collected').value).toBeNull();
  });

  it('net_growth', () => {
    // 1 Jan 2026: M001, M002 = 2 (M003 left 31 Dec). 30 June: M001, M002, M004 = 3. (3 − 2) ÷ 2.
    expect(kpi(report, 'net_growth')).toMatchObject({ value: 0.5, n: 2 });
  });
});
