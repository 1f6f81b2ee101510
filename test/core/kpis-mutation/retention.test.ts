/**
 * Retention KPIs, hand-worked on a small club (issue 23). Period 2026-S1, today 2026-09-15, calendar
 * fiscal year: T = 2026, T−1 = 2025.
 * Reports are computed inside each test, never at collection time: Stryker activates a mutant per test
 * and counts coverage per test, so a report computed while collecting would never see the mutant.
 */

import { describe, expect, it } from 'vitest';
import { tallyReasons } from '../../../src/core/kpis/retention';
import { DUES_HEADERS as DUES, kpi, MEMBER_HEADERS as MEMBERS, run, tab } from '../fixtures';

describe('with a Dues tab, rows out of order', () => {
  const members = tab('Membres', MEMBERS, [
    ['M001', 'Ana', 'Lopez', 'ana@club.fr', '', '01/01/2025', '', '', ''],
    ['M002', 'Bob', 'Morel', 'bob@club.fr', '06 01 02 03 04', '01/01/2025', '', '', ''],
    ['M003', 'Chloé', 'Faure', '', '', '01/01/2024', '', '', ''],
    ['M004', 'David', 'Roy', '', '', '01/01/2026', '', '', ''],
    ['M005', '', 'Solo', '', '', '01/01/2025', '31/12/2025', 'Prix', 'ancien'],
  ]);
  const dues = tab('Cotisations', DUES, [
    ['M001', 2026, 120, '15/01/2026', 'payé'], // before its 2025 row: the first term is still 2025
    ['M001', 2025, 120, '15/01/2025', 'payé'],
    ['M002', 2025, 120, '10/01/2025', 'payé'],
    ['M002', 2026, 999, '10/02/2026', 'en attente'], // not paid: neither renewal nor cash
    ['M003', 2026, '', '20/03/2026', 'payé'], // paid, no amount: counts, adds 0
    ['M003', 2024, 100, '10/01/2024', 'payé'],
    ['M003', 2025, 100, '10/01/2025', 'payé'],
    ['M004', 2026, 80, '01/07/2026', 'payé'], // paid in July: T, but not cash of S1
    ['M005', 2025, 120, '10/01/2025', 'payé'],
  ]);
  const report = () => run([members, dues]);

  it('renewal_rate and churn_rate', () => {
    // Paid 2025: M001, M002, M003, M005 = 4; paid 2026: M001, M003, M004; renewed M001, M003 → 2 ÷ 4.
    const r = kpi(report(), 'renewal_rate');
    expect(r).toMatchObject({ value: 0.5, n: 4 });
    expect(r.details).toMatchObject({
      term: '2026',
      previous_term: '2025',
      renewed: 2,
      members_previous_term: 4,
      source: 'dues',
    });
    expect(kpi(report(), 'churn_rate')).toMatchObject({ value: 0.5, n: 4, details: { term: '2026' } });
  });

  it('lists the members to call with their contact, name trimmed; a recorded reason apart (SPEC §12)', () => {
    const details = kpi(report(), 'renewal_rate').details;
    expect(details.to_call).toEqual([
      {
        member_id: 'M002',
        name: 'Bob Morel',
        email: 'bob@club.fr',
        phone: '06 01 02 03 04',
        left_on: null,
        leave_reason: '',
      },
    ]);
    // M005 left giving "Prix": not to call, listed apart with the reason tallied once.
    expect(details.left_with_reason).toEqual([
      {
        member_id: 'M005',
        name: 'Solo',
        email: '',
        phone: '',
        left_on: expect.any(Number),
        leave_reason: 'Prix',
      },
    ]);
    expect(details.leave_reasons).toEqual([{ reason: 'Prix', count: 1 }]);
  });

  it('first_year_renewal_rate uses the earliest paid term whatever the row order', () => {
    // First paid term 2025: M001, M002, M005 (M003 paid 2024 first) = 3; renewed M001 → 1 ÷ 3.
    const r = kpi(report(), 'first_year_renewal_rate');
    expect(r.value).toBeCloseTo(1 / 3, 12);
    expect(r).toMatchObject({ n: 3, details: { term: '2026', renewed: 1, first_year_members: 3 } });
  });

  it('new_member_rate', () => {
    // Paid 2026: M001 (first 2025), M003 (first 2024), M004 (first 2026) → 1 ÷ 3.
    const r = kpi(report(), 'new_member_rate');
    expect(r.value).toBeCloseTo(1 / 3, 12);
    expect(r).toMatchObject({ n: 3, details: { term: '2026', new_members: 1, members: 3 } });
  });

  it('dues_collected counts paid rows dated in P, an empty amount as 0', () => {
    // M001 120 (15 Jan) + M003 0 (20 Mar) = 120 on 2 rows; M002 is not paid, M004 paid in July.
    expect(kpi(report(), 'dues_collected')).toMatchObject({ value: 120, n: 2 });
  });
});

describe('without a Dues tab', () => {
  const members = tab('Membres', MEMBERS, [
    ['M001', 'Ana', 'Lopez', '', '', '01/03/2025', '', '', ''], // 2025, 2026
    ['M002', 'Bob', 'Morel', '', '', '01/05/2025', '30/10/2026', '', ''], // leaves after today: 2025, 2026
    ['M003', 'Chloé', 'Faure', '', '', '01/01/2025', '', '', 'ancien'], // former without date: never
    ['M004', 'David', 'Roy', '', '', '', '', '', ''], // no join date: never
    ['M005', 'Eve', 'Prospect', '', '', '01/01/2025', '', '', 'prospect'], // never
    ['M006', 'Fanny', 'Blanc', '', '', '01/06/2025', '15/12/2025', '', ''], // 2025 only
  ]);
  const report = () => run([members]);

  it('counts a member in every fiscal year between joining and leaving (or today)', () => {
    // 2025: M001, M002, M006 = 3; 2026: M001, M002 → renewal 2 ÷ 3; no one new in 2026 → 0 ÷ 2.
    const r = kpi(report(), 'renewal_rate');
    expect(r.value).toBeCloseTo(2 / 3, 12);
    expect(r).toMatchObject({ n: 3, details: { source: 'members', renewed: 2 } });
    expect(kpi(report(), 'new_member_rate')).toMatchObject({ value: 0, n: 2 });
    // All three first appear in 2025: M001, M002 renewed → 2 ÷ 3.
    expect(kpi(report(), 'first_year_renewal_rate')).toMatchObject({ n: 3, details: { renewed: 2 } });
  });

  it('net_growth', () => {
    // 1 Jan 2026: M001, M002 = 2; 30 June: M001, M002 = 2 → 0 ÷ 2 = 0.
    expect(kpi(report(), 'net_growth')).toMatchObject({
      value: 0,
      n: 2,
      details: { at_start: 2, at_end: 2 },
    });
  });

  it('a member who leaves before T is not in T', () => {
    // M006 left 15 Dec 2025: in 2025 only — with a date in 2026 the renewal would be 3 ÷ 3.
    const toCall = kpi(report(), 'renewal_rate').details.to_call as Array<{ member_id: string }>;
    expect(toCall.map((m) => m.member_id)).toEqual(['M006']);
  });

  it('is no data without Members or Dues', () => {
    for (const id of [
      'renewal_rate',
      'first_year_renewal_rate',
      'new_member_rate',
      'net_growth',
      'dues_collected',
    ]) {
      // NO_DATA: no details either (not the empty counts of an empty ledger).
      expect(kpi(run([]), id)).toMatchObject({ value: null, n: 0, details: {} });
      expect(Object.keys(kpi(run([]), id).details)).toEqual([]);
    }
    expect(kpi(run([]), 'churn_rate').value).toBeNull();
  });
});

describe('the reasons of those who left, tallied', () => {
  it('one reason whatever its case (the first spelling kept), most frequent first, then in French order', () => {
    expect(tallyReasons(['prix', 'Déménagement', 'Prix', 'Emploi', 'PRIX', 'déménagement', 'Autre'])).toEqual(
      [
        { reason: 'prix', count: 3 },
        { reason: 'Déménagement', count: 2 },
        { reason: 'Autre', count: 1 },
        { reason: 'Emploi', count: 1 },
      ],
    );
    // French order: « É » sorts with « E », before « F ».
    expect(tallyReasons(['Fin', 'Été', 'Ecole']).map((r) => r.reason)).toEqual(['Ecole', 'Été', 'Fin']);
    expect(tallyReasons([])).toEqual([]);
  });
});
