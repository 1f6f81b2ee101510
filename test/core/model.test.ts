/**
 * The club model (SPEC §1, §3, §12): member resolution by ID, email or name, duplicates, former
 * members without a leaving date, guests, dues, unknown events and members, answers.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/compute';
import { dayOf } from '../../src/core/dates';
import { isActiveOn } from '../../src/core/model';
import { issues, run, sheetDate, tab } from './fixtures';

const membersTab = tab(
  'Membres',
  ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", 'Date de départ', 'Statut', 'Parrain'],
  [
    ['M001', 'Ana', 'Lopez', 'ana@club.fr', '01/01/2025', '', '', ''], // row 2
    ['M002', 'Élodie', 'Martin', 'elodie@club.fr', '01/01/2025', '', 'actif', 'M001'], // row 3
    ['M003', 'Jean', 'Dupont', 'jean@club.fr', '01/01/2025', '', '', ''], // row 4
    ['M004', 'Jean', 'Dupont', 'jd@autre.fr', '01/01/2025', '', '', 'Quelqu’un'], // row 5: same name as M003
    ['M001', 'Autre', 'Personne', 'autre@club.fr', '01/01/2025', '', '', ''], // row 6: duplicate ID
    ['M005', 'Paul', 'Durand', 'ANA@club.fr', '01/01/2025', '', '', ''], // row 7: duplicate email
    ['M006', 'Luc', 'Bernard', 'luc@club.fr', '01/01/2025', '', 'Ancien', ''], // row 8: former without left_on
    ['M007', 'Zoé', 'Petit', 'zoe@club.fr', '01/01/2025', '', 'prospect', ''], // row 9
    ['M008', 'Max', 'Roux', 'max@club.fr', 'bientôt', '', '', ''], // row 10: bad joined_on
    ['M009', 'Léa', 'Moreau', 'lea@club.fr', '01/01/2025', '31/03/2026', '', ''], // row 11: left on 31 March
  ],
);

// Each report is built before each test (not when the file is collected), so that a mutation run
// knows which tests reach which line of the model (issue 23).
describe('members', () => {
  let report: Report;
  let club: Report['club'];
  beforeEach(() => {
    report = run([membersTab]);
    club = report.club;
  });
  const byId = (id: string) => club.members.find((m) => m.id === id)!;

  it('keeps the first row of a duplicate ID and reports the later one', () => {
    expect(club.members.map((m) => m.id)).toEqual([
      'M001',
      'M002',
      'M003',
      'M004',
      'M005',
      'M006',
      'M007',
      'M008',
      'M009',
    ]);
    expect(byId('M001').firstName).toBe('Ana');
    expect(issues(report, 'duplicate_id')).toEqual([
      expect.objectContaining({ tab: 'Membres', row: 6, column: 'ID membre', value: 'M001' }),
    ]);
  });

  it('keeps a duplicate email with the first row (case-insensitive)', () => {
    expect(byId('M005').email).toBe('');
    expect(issues(report, 'duplicate_email')).toEqual([
      expect.objectContaining({ row: 7, column: 'E-mail', value: 'ANA@club.fr' }),
    ]);
    expect(club.resolver.resolve('ana@CLUB.fr')).toEqual({ member: byId('M001') });
  });

  it('resolves by ID, email, "first last" and "last first" names without accents or extra spaces', () => {
    expect(club.resolver.resolve('M002')).toEqual({ member: byId('M002') });
    expect(club.resolver.resolve(' elodie@club.fr ')).toEqual({ member: byId('M002') });
    expect(club.resolver.resolve('Elodie Martin')).toEqual({ member: byId('M002') });
    expect(club.resolver.resolve('MARTIN   élodie')).toEqual({ member: byId('M002') });
    expect(club.resolver.resolve('Martin')).toEqual({ none: true });
  });

  it('resolves an ambiguous name to nobody', () => {
    expect(club.resolver.resolve('Jean Dupont')).toEqual({ ambiguous: true });
    expect(club.resolver.resolve('Dupont Jean')).toEqual({ ambiguous: true });
    expect(club.resolver.resolve('jean@club.fr')).toEqual({ member: byId('M003') });
  });

  it('resolves sponsors and reports one that matches nobody', () => {
    expect(byId('M002').sponsor?.id).toBe('M001');
    expect(byId('M004').sponsor).toBeNull();
    expect(issues(report, 'unknown_member')).toEqual([
      expect.objectContaining({ tab: 'Membres', row: 5, column: 'Parrain', value: 'Quelqu’un' }),
    ]);
  });

  it('counts a former member without left_on as not active and reports it with the status as typed', () => {
    const m6 = byId('M006');
    expect(isActiveOn(m6, dayOf(2026, 3, 1))).toBe(false);
    expect(issues(report, 'missing_left_on')).toEqual([
      expect.objectContaining({ tab: 'Membres', row: 8, column: 'Statut', value: 'Ancien' }),
    ]);
    expect(issues(report, 'missing_left_on')[0].message).toBe(
      'Membre marqué ancien sans date de départ : il est compté comme inactif.',
    );
  });

  it('applies "active at d": joined, not left before d (active on the day they leave), not a prospect', () => {
    expect(isActiveOn(byId('M001'), dayOf(2024, 12, 31))).toBe(false);
    expect(isActiveOn(byId('M001'), dayOf(2025, 1, 1))).toBe(true);
    expect(isActiveOn(byId('M009'), dayOf(2026, 3, 31))).toBe(true);
    expect(isActiveOn(byId('M009'), dayOf(2026, 4, 1))).toBe(false);
    expect(isActiveOn(byId('M007'), dayOf(2026, 3, 1))).toBe(false);
    // Bad joined_on: kept for references, never active.
    expect(byId('M008').joinedOn).toBeNull();
    expect(isActiveOn(byId('M008'), dayOf(2026, 3, 1))).toBe(false);
    expect(club.resolver.resolve('M008')).toEqual({ member: byId('M008') });
  });
});

describe('attendance and guests', () => {
  let report: Report;
  let rows: Report['club']['attendance'];
  beforeEach(() => {
    report = attendanceReport();
    rows = report.club.attendance;
  });
  const attendanceReport = () =>
    run([
      membersTab,
      tab('Événements', ['ID événement', 'Date'], [['E1', sheetDate('2026-03-10')]]),
      tab(
        'Participations',
        ['ID événement', 'Membre', 'Inscrit', 'Présent', 'Invité', 'Invité par'],
        [
          ['E1', 'M001', '', 'oui', '', ''], // row 2: member
          ['E1', 'Camille Externe', 'oui', 'oui', '', 'M001'], // row 3: resolves to nobody → guest
          ['E1', 'zoe@club.fr', 'oui', 'non', 'non', ''], // row 4: prospect, not active → guest
          ['E1', 'M002', 'non', '', 'oui', ''], // row 5: guest says yes
          ['E1', 'ana@club.fr', 'oui', 'oui', '', ''], // row 6: M001 again → duplicate row
          ['E9', 'M003', 'oui', 'oui', '', ''], // row 7: unknown event
          ['E1', 'Jean Dupont', 'oui', 'oui', '', 'Inconnu'], // row 8: ambiguous name → guest; unknown inviter
        ],
      ),
    ]);

  it('decides guests per §12 and reads registered (blank = yes) and attended (blank = unknown)', () => {
    expect(rows.map((a) => [a.row, a.member?.id ?? null, a.guest, a.registered, a.attended])).toEqual([
      [2, 'M001', false, true, true],
      [3, null, true, true, true],
      [4, 'M007', true, true, false],
      [5, 'M002', true, false, null],
      [8, null, true, true, true],
    ]);
    expect(rows[1].invitedBy?.id).toBe('M001');
  });

  it('leaves out an unknown event and a duplicate row, reports the ambiguous name and the unknown inviter', () => {
    const att = report.issues.filter((i) => i.tab === 'Participations');
    expect(att.map((i) => [i.row, i.column, i.value, i.code])).toEqual([
      [6, 'Membre', 'ana@club.fr', 'duplicate_row'],
      [7, 'ID événement', 'E9', 'unknown_event'],
      [8, 'Membre', 'Jean Dupont', 'ambiguous_member'],
      [8, 'Invité par', 'Inconnu', 'unknown_member'],
    ]);
  });
});

describe('dues, responses and other references', () => {
  let report: Report;
  beforeEach(() => {
    report = referencesReport();
  });
  const referencesReport = () =>
    run([
      membersTab,
      tab(
        'Cotisations',
        ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
        [
          ['M001', '2026', '120', '', 'payé'], // row 2: paid without date
          ['Inconnu', '2026', '120', '15/01/2026', 'payé'], // row 3: unknown member
          ['M002', '2026', '120', '15/01/2026', ''], // row 4: empty status + paid_on → paid
          ['M003', '2026', '120', '', 'en attente'], // row 5: pending
        ],
      ),
      tab('Événements', ['ID événement', 'Date'], [['E1', sheetDate('2026-03-10')]]),
      tab(
        'Réponses',
        ['Horodatage', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'NPS'],
        [
          ['10/03/2026 21:00:00', 'HOT-E1', '', 'E1', 'Personne', 9], // row 2: kind empty + event → hot; unknown member
          ['10/03/2026 21:05:00', 'COLD-2026-S1', 'Froid', '', '', 11], // row 3: NPS 11
        ],
      ),
      tab('Recommandations', ['Date', 'Donneur', 'Bénéficiaire'], [['10/03/2026', 'Client externe', 'M001']]),
      tab('Interactions', ['Date', 'Membre', 'Type'], [['10/03/2026', 'Inconnu', 'entraide']]),
    ]);

  it('reads dues: paid by status or by an empty status with a paid_on date', () => {
    expect(report.club.dues.map((d) => [d.row, d.member.id, d.term, d.paid, d.paidOn !== null])).toEqual([
      [2, 'M001', 2026, true, false],
      [4, 'M002', 2026, true, true],
      [5, 'M003', 2026, false, false],
    ]);
    expect(issues(report, 'paid_without_date')).toEqual([
      expect.objectContaining({ tab: 'Cotisations', row: 2, column: 'Payé le' }),
    ]);
    expect(report.issues.filter((i) => i.tab === 'Cotisations' && i.code === 'unknown_member')).toEqual([
      expect.objectContaining({ row: 3, column: 'ID membre', value: 'Inconnu' }),
    ]);
  });

  it('reads answers: kind from the event, NPS 11 out of range and left empty', () => {
    expect(report.club.answers.map((a) => [a.row, a.kind, a.event?.id ?? null, a.nps])).toEqual([
      [2, 'hot', 'E1', 9],
      [3, 'cold', null, null],
    ]);
    const resp = report.issues.filter((i) => i.tab === 'Réponses');
    expect(resp.map((i) => [i.row, i.column, i.value, i.code])).toEqual([
      [2, 'Membre', 'Personne', 'unknown_member'],
      [3, 'NPS', '11', 'out_of_range'],
    ]);
    expect(resp[1].message).toBe('Valeur « 11 » hors limites dans « NPS » (attendu : 0–10).');
  });

  it('treats an unknown referral party as an external person without an issue, an unknown interaction member as an issue', () => {
    expect(report.club.referrals[0].giver).toBeNull();
    expect(report.issues.some((i) => i.tab === 'Recommandations')).toBe(false);
    expect(report.club.interactions).toHaveLength(1);
    expect(report.issues.filter((i) => i.tab === 'Interactions').map((i) => i.code)).toEqual([
      'unknown_member',
    ]);
  });
});
