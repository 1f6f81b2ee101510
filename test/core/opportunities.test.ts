/** Opportunity KPIs (SPEC §3, §12) on one hand-made Referrals tab; today 2026-09-15, period 2026-S1. */

import { describe, expect, it } from 'vitest';
import { kpi, MEMBERS_HEADER, memberRows, run, tab } from './fixtures';

const members = tab('Membres', MEMBERS_HEADER, memberRows(10)); // 10 active members
const referrals = tab(
  'Recommandations',
  ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture'],
  [
    ['10/01/2026', 'M001', 'M002', 'recommandation', 'Gagné', '1 500,00 €', '20/02/2026'], // R1 won 1500 closed in S1
    ['12/02/2026', 'M002', 'M003', 'mise en relation', 'gagne', '', ''], // R2 won intro without value (adds 0)
    ['15/03/2026', 'Client externe', 'M001', 'lead', 'perdu', '', ''], // R3 lost; external giver, no issue
    ['20/03/2026', 'M003', 'M004', 'Mise en relation', 'sans suite', '', ''], // R4 dropped intro
    ['05/04/2026', 'M004', 'M005', 'partenariat', 'en cours', '', ''], // R5 open partnership
    ['06/04/2026', 'M005', 'M006', 'projet collectif', 'won', 2000, '15/07/2026'], // R6 won, closed in S2
    ['10/05/2026', 'M006', 'M007', 'introduction', 'lost', '', ''], // R7 lost intro
    ['15/12/2025', 'M001', 'M002', 'recommandation', 'gagné', 1000, '10/01/2026'], // R8 dated S2 2025, closed in S1
    ['01/06/2026', 'M007', 'M008', 'mise en relation', '', '', ''], // R9 open intro (empty status)
  ],
);

describe('opportunities', () => {
  // Computed inside each test: a report computed at collection time is invisible to mutation testing.
  const report = () => run([members, referrals]);

  it('referrals_given and referrals_per_member count every row dated in P, whoever the giver', () => {
    // Dated in S1: R1–R7 and R9 = 8; previous (2025-S2): R8 = 1; delta 7.
    expect(kpi(report(), 'referrals_given')).toMatchObject({ value: 8, previous: 1, delta: 7, n: 8 });
    // 8 ÷ 10 active members.
    expect(kpi(report(), 'referrals_per_member').value).toBe(0.8);
  });

  it('referral_conversion_rate: won ÷ (won + lost + sans suite), open ones shown apart', () => {
    // Won R1, R2, R6 = 3; lost R3, R7 = 2; dropped R4 = 1; open R5, R9 = 2. 3 ÷ 6 = 0.5.
    const r = kpi(report(), 'referral_conversion_rate');
    expect(r).toMatchObject({ value: 0.5, n: 6 });
    expect(r.details).toMatchObject({ won: 3, lost: 2, dropped: 1, open: 2 });
  });

  it('business_generated: Σ value of won referrals closed in P (closed_on, else date)', () => {
    // R1 1500 (closed 20 Feb) + R2 0 (no closing date: 12 Feb) + R8 1000 (closed 10 Jan) = 2500; R6 closes in July.
    // Previous: no won referral closed in 2025-S2 → 0 (the tab has rows), delta 2500.
    expect(kpi(report(), 'business_generated')).toMatchObject({
      value: 2500,
      n: 3,
      previous: 0,
      delta: 2500,
    });
    expect(kpi(run([members, referrals], { period: '2026-S2' }), 'business_generated').value).toBe(2000);
  });

  it('new_contacts_per_month: introductions in P ÷ months in P', () => {
    // R2, R4, R7, R9 = 4 ÷ 6 months.
    expect(kpi(report(), 'new_contacts_per_month').value).toBeCloseTo(4 / 6, 12);
  });

  it('partnerships_launched: partenariat or projet collectif dated in P, whatever the status', () => {
    expect(kpi(report(), 'partnerships_launched')).toMatchObject({ value: 2, n: 2 }); // R5, R6
  });

  it('decisive_connection_rate: won ÷ (won + sans suite) among decided introductions, perdu left out', () => {
    // R2 won, R4 dropped; R7 lost is left out, R9 open. 1 ÷ 2.
    expect(kpi(report(), 'decisive_connection_rate')).toMatchObject({ value: 0.5, n: 2 });
  });

  it('is no data without the Referrals tab', () => {
    const none = run([members]);
    for (const id of [
      'referrals_given',
      'referral_conversion_rate',
      'business_generated',
      'partnerships_launched',
    ]) {
      expect(kpi(none, id).value).toBeNull();
    }
  });

  it('leaves out referrals dated after today', () => {
    // On 1 April: R1–R4 dated so far = 4; business so far: R1 (closed 20 Feb) 1500 + R2 0 + R8 1000.
    const early = run([members, referrals], { today: '2026-04-01' });
    expect(kpi(early, 'referrals_given').value).toBe(4);
    expect(kpi(early, 'business_generated').value).toBe(2500);
    // 1 April: 31 + 28 + 31 + 1 = 91 elapsed days; months = 3 + 1/30. Introductions so far: R2, R4.
    expect(kpi(early, 'new_contacts_per_month').value).toBeCloseTo(2 / (3 + 1 / 30), 12);
  });
});
