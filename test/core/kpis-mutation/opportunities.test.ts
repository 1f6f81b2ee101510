/**
 * Opportunity KPIs, hand-worked on a small club, beside test/core/opportunities.test.ts (issue 23):
 * their details, no data without the tabs, a period not yet begun, and introductions outnumbering
 * the other referrals so that the type filter shows. Period 2026-S1, today 2026-09-15.
 * Reports are computed inside each test (see roi.test.ts).
 */

import { describe, expect, it } from 'vitest';
import { OPPORTUNITIES } from '../../../src/core/kpis/opportunities';
import { kpi, MEMBERS_HEADER, memberRows, run, tab } from '../fixtures';

const members = tab('Membres', MEMBERS_HEADER, memberRows(4));
const referrals = tab(
  'Recommandations',
  ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture'],
  [
    ['10/01/2026', 'M001', 'M002', 'mise en relation', 'gagné', '', ''], // R1 won intro, no value
    ['11/02/2026', 'M002', 'M003', 'mise en relation', 'sans suite', '', ''], // R2 dropped intro
    ['12/03/2026', 'M003', 'M001', 'mise en relation', 'gagné', 500, '20/03/2026'], // R3 won intro
    ['13/04/2026', 'M004', 'M001', 'recommandation', 'gagné', 1000, '01/07/2026'], // R4 closes in S2
    ['14/05/2026', 'M001', 'M004', 'partenariat', 'en cours', '', ''], // R5 open partnership
    ['20/07/2026', 'M002', 'M004', 'mise en relation', 'gagné', 300, ''], // R6 dated in S2
  ],
);
const OPPORTUNITY_IDS = OPPORTUNITIES.map((d) => d.id);

describe('opportunities, hand-worked details', () => {
  const report = () => run([members, referrals]);

  it('referrals_per_member: referrals of P over the active members', () => {
    // R1–R5 dated in S1 = 5 ÷ 4 members = 1.25.
    expect(kpi(report(), 'referrals_per_member')).toMatchObject({
      value: 1.25,
      n: 5,
      details: { referrals: 5, active_members: 4 },
    });
  });

  it('new_contacts_per_month counts introductions only', () => {
    // Introductions in S1: R1, R2, R3 = 3 (the two others are not; R6 is S2) ÷ 6 months = 0.5.
    expect(kpi(report(), 'new_contacts_per_month')).toMatchObject({
      value: 0.5,
      n: 3,
      details: { introductions: 3, months: 6 },
    });
  });

  it('decisive_connection_rate and business_generated say what they counted', () => {
    // Introductions of S1: R1, R3 won, R2 dropped → 2 ÷ 3.
    const decisive = kpi(report(), 'decisive_connection_rate');
    expect(decisive.value).toBeCloseTo(2 / 3, 12);
    expect(decisive).toMatchObject({ n: 3, details: { won: 2, dropped: 1 } });
    // Won and closed in S1: R1 (no value: 0) and R3 500 → 500 over 2; R4 closes in July, R6 is S2.
    expect(kpi(report(), 'business_generated')).toMatchObject({
      value: 500,
      n: 2,
      details: { won_referrals: 2 },
    });
  });

  it('a period not begun yet has no months, so no rate per month', () => {
    // 2026-S2 seen on 10 March 2026: 0 months elapsed → no value (not 0 ÷ 0).
    const r = kpi(
      run([members, referrals], { period: '2026-S2', today: '2026-03-10' }),
      'new_contacts_per_month',
    );
    expect(r.value).toBeNull();
    expect(r.details).toMatchObject({ introductions: 0, months: 0 });
  });

  it('is no data, with no details, without the Referrals tab; per member also needs Members', () => {
    const none = run([members]);
    for (const id of OPPORTUNITY_IDS) {
      const r = kpi(none, id);
      expect(r, id).toMatchObject({ value: null, n: 0 });
      expect(r.details, id).toEqual({});
    }
    const perMember = kpi(run([referrals]), 'referrals_per_member');
    expect(perMember).toMatchObject({ value: null, n: 0 });
    expect(perMember.details).toEqual({});
    expect(kpi(run([referrals]), 'referrals_given').value).toBe(5);
  });
});
