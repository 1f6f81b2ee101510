/**
 * Bilan membres (SPEC §4), worked out by hand. Period 2026-S1 (01/01–30/06/2026), today 2026-09-15.
 */

import { describe, expect, it } from 'vitest';
import { MEMBERS_HEADER, run, tab } from './fixtures';

// Members: M001 Alice and M002 Bruno (2025), M003 joined 01/07/2026 (after P), M004 left 15/02/2026
// (a member during P), M005 a prospect, M006 left 31/12/2025 (before P).
//
// Referrals:
//   R1 10/02/2026 M001 → M002 won 5,000 closed 10/04/2026: given M001, received M002, business M002 5,000
//   R2 15/12/2025 M002 → M001 won 2,000 closed 15/01/2026: dated before P (not counted as given or
//      received) but closed in P: business received by M001 2,000, given by M002 2,000
//   R3 10/05/2026 M001 → M002 open
//   R4 20/06/2026 M002 → external, won 1,000 closed 05/07/2026: given by M002; closed after P
//   R5 10/03/2026 external → M001 lost
// Events: E1 10/03/2026 (M001 came, M002 registered but did not), E2 10/07/2026 after P (M001 came).
// Contents by M001: 10/03 and 10/06/2026 in P, 10/07 after.
// Dues: M001 300 paid 20/01/2026 (and 300 paid 15/12/2025, before P); M002 paid 02/07/2026 (after P);
//   M004 150 paid 05/01/2026.
//
// M001: events 1, given 2 (R1, R3), received 1 (R5), business received 2,000, given 5,000,
//   contents 2, dues 300, per euro 2,000 ÷ 300 = 6.67
// M002: events 0, given 1 (R4), received 2 (R1, R3), business received 5,000, given 2,000 (R2),
//   contents 0, dues 0 → per euro null
// M004: nothing but dues 150 → per euro 0 ÷ 150 = 0
// Built inside each test (not at collection time) so the mutation run's per-test coverage sees it.
const statements = () =>
  run([
    tab(
      'Membres',
      [...MEMBERS_HEADER, 'Entreprise'],
      [
        ['M001', 'Alice', 'Martin', '', '01/01/2025', '', '', 'Atelier A'],
        ['M002', 'Bruno', 'Petit', '', '01/03/2025', '', '', ''],
        ['M003', 'Chloé', 'Durand', '', '01/07/2026', '', '', ''],
        ['M004', 'David', 'Leroy', '', '01/09/2024', '15/02/2026', 'ancien', ''],
        ['M005', 'Emma', 'Roux', '', '01/01/2026', '', 'prospect', ''],
        ['M006', 'Farid', 'Saïd', '', '01/01/2024', '31/12/2025', '', ''],
      ],
    ),
    tab(
      'Recommandations',
      ['Date', 'Donneur', 'Bénéficiaire', 'Statut', 'Valeur', 'Date de clôture'],
      [
        ['10/02/2026', 'M001', 'M002', 'gagné', 5_000, '10/04/2026'],
        ['15/12/2025', 'M002', 'M001', 'gagné', 2_000, '15/01/2026'],
        ['10/05/2026', 'M001', 'M002', 'en cours', '', ''],
        ['20/06/2026', 'M002', 'Client externe', 'gagné', 1_000, '05/07/2026'],
        ['10/03/2026', 'Client externe', 'M001', 'perdu', 9_999, ''],
      ],
    ),
    tab(
      'Événements',
      ['ID événement', 'Date'],
      [
        ['E1', '10/03/2026'],
        ['E2', '10/07/2026'],
      ],
    ),
    tab(
      'Participations',
      ['ID événement', 'Membre', 'Inscrit', 'Présent'],
      [
        ['E1', 'M001', 'oui', 'oui'],
        ['E1', 'M002', 'oui', 'non'],
        ['E2', 'M001', 'oui', 'oui'],
      ],
    ),
    tab(
      'Contenus',
      ['Date', 'Auteur'],
      [
        ['10/03/2026', 'M001'],
        ['10/06/2026', 'M001'],
        ['10/07/2026', 'M001'],
      ],
    ),
    tab(
      'Cotisations',
      ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
      [
        ['M001', '2026', 300, '20/01/2026', 'payé'],
        ['M001', '2025', 300, '15/12/2025', 'payé'],
        ['M002', '2026', 300, '02/07/2026', 'payé'],
        ['M004', '2026', 150, '05/01/2026', 'payé'],
      ],
    ),
  ]).statements;

describe('member statements', () => {
  it('one statement per member of the period, in the Members order', () => {
    expect(statements().map((s) => s.memberId)).toEqual(['M001', 'M002', 'M004']);
  });

  it('counts what each member gave, received and paid in the period', () => {
    const [alice, bruno, david] = statements();
    expect(alice).toMatchObject({
      name: 'Alice Martin',
      company: 'Atelier A',
      eventsAttended: 1,
      referralsGiven: 2,
      referralsReceived: 1,
      businessReceived: 2_000,
      businessGiven: 5_000,
      contents: 2,
      duesPaid: 300,
    });
    expect(alice.businessPerDuesEuro).toBeCloseTo(2_000 / 300, 12);
    expect(bruno).toEqual({
      memberId: 'M002',
      name: 'Bruno Petit',
      company: '',
      eventsAttended: 0,
      referralsGiven: 1,
      referralsReceived: 2,
      businessReceived: 5_000,
      businessGiven: 2_000,
      contents: 0,
      duesPaid: 0,
      businessPerDuesEuro: null,
    });
    expect(david).toMatchObject({
      eventsAttended: 0,
      referralsGiven: 0,
      duesPaid: 150,
      businessPerDuesEuro: 0,
    });
  });
});
