/**
 * Bilan membres (src/core/statements.ts) at the edges, hand-worked where test/core/statements.test.ts
 * leaves room (issue 23): rows dated on P's first and last days, a member who joined on P's last
 * day or left on its first, a member without a name, without a join date, a former member without
 * a leaving date, a won referral without a closing date, unpaid dues. Period 2026-S1
 * (01/01–30/06/2026), today 2026-09-15.
 */

import { describe, expect, it } from 'vitest';
import { ATTENDANCE_HEADER, MEMBERS_HEADER, run, tab } from '../fixtures';

// Members: M001 Ana Lopez joined 30/06/2026 (P's last day: in); M002 without a name, joined 2025,
// left 01/01/2026 (P's first day: in); M003 without a join date (out); M004 « ancien » without a
// leaving date (out).
// Events E1 01/01/2026, E2 30/06/2026 (both in P). M001 came to E2, not to E1; M002 came to E1.
// Referrals: 01/01/2026 M001 → M002 won 700, no closing date (closed on its date, in P);
//   30/06/2026 external → M002 open; 15/03/2026 M001 → external won 300 closed 20/03/2026;
//   16/03/2026 external → M002 won 50 (no closing date).
// Contents: M002 01/01/2026. Dues: M001 200 pending (not paid); M002 100 paid 30/06/2026.
//
// M001: events 1, given 2, received 0, business received 0, given 700 + 300 = 1,000, contents 0,
//   dues 0 → null.
// M002: events 1, given 0, received 3, business received 700 + 50 = 750, given 0, contents 1,
//   dues 100 → 7.5.
const statements = () =>
  run([
    tab('Membres', MEMBERS_HEADER, [
      ['M001', 'Ana', 'Lopez', '', '30/06/2026', '', ''],
      ['M002', '', '', '', '01/01/2025', '01/01/2026', 'ancien'],
      ['M003', 'Chloé', 'Faure', '', '', '', ''],
      ['M004', 'David', 'Roy', '', '01/01/2025', '', 'ancien'],
    ]),
    tab(
      'Événements',
      ['ID événement', 'Date'],
      [
        ['E1', '01/01/2026'],
        ['E2', '30/06/2026'],
      ],
    ),
    tab('Participations', ATTENDANCE_HEADER, [
      ['E1', 'M001', 'oui', 'non', ''],
      ['E2', 'M001', 'oui', 'oui', ''],
      ['E1', 'M002', 'oui', 'oui', ''],
      ['E1', 'M003', 'oui', 'oui', ''],
      ['E1', 'M004', 'oui', 'oui', ''],
    ]),
    tab(
      'Recommandations',
      ['Date', 'Donneur', 'Bénéficiaire', 'Statut', 'Valeur', 'Date de clôture'],
      [
        ['01/01/2026', 'M001', 'M002', 'gagné', 700, ''],
        ['30/06/2026', 'Client externe', 'M002', 'en cours', '', ''],
        ['15/03/2026', 'M001', 'Client externe', 'gagné', 300, '20/03/2026'],
        ['16/03/2026', 'Client externe', 'M002', 'gagné', 50, ''],
      ],
    ),
    tab('Contenus', ['Date', 'Auteur'], [['01/01/2026', 'M002']]),
    tab(
      'Cotisations',
      ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
      [
        ['M001', '2026', 200, '10/03/2026', 'en attente'],
        ['M002', '2026', 100, '30/06/2026', 'payé'],
      ],
    ),
  ]).statements;

describe('member statements at the edges of the period', () => {
  it('keeps who joined on its last day or left on its first, not who has no join date or no leaving date', () => {
    expect(statements().map((s) => s.memberId)).toEqual(['M001', 'M002']);
  });

  it('counts rows dated on its first and last days, a won referral without a closing date, not unpaid dues', () => {
    const [ana, m2] = statements();
    expect(ana).toEqual({
      memberId: 'M001',
      name: 'Ana Lopez',
      company: '',
      eventsAttended: 1,
      referralsGiven: 2,
      referralsReceived: 0,
      businessReceived: 0,
      businessGiven: 1_000,
      contents: 0,
      duesPaid: 0,
      businessPerDuesEuro: null,
    });
    // A member without a name is named by their id.
    expect(m2).toEqual({
      memberId: 'M002',
      name: 'M002',
      company: '',
      eventsAttended: 1,
      referralsGiven: 0,
      referralsReceived: 3,
      businessReceived: 750,
      businessGiven: 0,
      contents: 1,
      duesPaid: 100,
      businessPerDuesEuro: 7.5,
    });
  });
});
