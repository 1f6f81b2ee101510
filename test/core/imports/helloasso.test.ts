/**
 * HelloAsso imports against the real samples (/work/shared/samples/) and hand-made fixtures built
 * from reference/export-formats.md §1 (test/fixtures/imports/, not real exports). Expected rows are
 * worked out by hand in the comments.
 */

import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/core/imports';
import { added, clubTabs, counts, fixtureRows, plan, sampleRows, write } from './helpers';

const SHORT = 'helloasso_payments_export_short_variant_sandbox.csv';
const BILLETTERIE = 'helloasso_event_billetterie_export_anonymized.csv';
const PARTICIPANTS = 'helloasso_event_ticket_export_participants_anonymized.csv';

describe('HelloAsso payments, short variant (real sample)', () => {
  // Line 2: order 82810, « Billetterie » → skipped (the ticketing export lists the attendees).
  // Line 3: order 82782, « Adhésion », Hors Ligne (offline, counts as paid), 10,00 on 03/04/2026,
  // Marion Larue, unknown to an empty workbook → member M001 joined 2026-04-03 and one Dues row:
  // term = the order's date (campaign « AdhésionTestGLZ » names no season), 10 €, paid 2026-04-03.
  it('adds the offline membership payment as a member and a paid dues row, skips the ticket payment', () => {
    const p = plan(sampleRows(SHORT), SHORT);
    expect(p.source).toBe('helloasso_payments');
    expect(added(p, 'members')).toEqual([
      expect.objectContaining({
        member_id: 'M001',
        first_name: 'Marion',
        last_name: 'Larue',
        email: 'marion.larue@example.org',
        joined_on: '2026-04-03',
        source_ref: 'helloasso:member:marion.larue@example.org',
      }),
    ]);
    expect(added(p, 'dues')).toEqual([
      {
        member_id: 'M001',
        term: '2026-04-03',
        amount: 10,
        paid_on: '2026-04-03',
        status: 'payé',
        source_ref: 'helloasso:82782',
      },
    ]);
    expect(p.skipped).toEqual([{ line: 2, reason: expect.stringContaining('billetterie') }]);
    expect(p.summary).toBe('1 ligne ajoutée à Membres, 1 ligne ajoutée à Cotisations, 1 ignorée.');
  });

  it('continues the workbook’s member IDs (M001, M007 → M008) and matches nobody else', () => {
    const p = plan(sampleRows(SHORT), SHORT, { existing: { tabs: clubTabs() } });
    expect(added(p, 'members').map((m) => m.member_id)).toEqual(['M008']);
    expect(added(p, 'dues').map((d) => d.member_id)).toEqual(['M008']);
  });

  it('adds nothing when imported again', () => {
    const first = plan(sampleRows(SHORT), SHORT, { existing: { tabs: clubTabs() } });
    const again = plan(sampleRows(SHORT), SHORT, { existing: { tabs: write(clubTabs(), first) } });
    expect(again.additions).toEqual([]);
    // Line 2 is still the ticket payment; line 3 is now already in the workbook.
    expect(again.skipped.map((s) => s.line)).toEqual([2, 3]);
    expect(again.skipped[1].reason).toContain('déjà présente');
    expect(again.summary).toBe('Aucune ligne à ajouter, 2 ignorées.');
  });

  it('reads a French Excel re-save (`,` separator, quoted "45,00", no seconds, no BOM) the same', () => {
    const original = plan(sampleRows(SHORT), SHORT);
    const resaved = plan(fixtureRows('helloasso_payments_short_excel_fr.csv'), SHORT);
    expect(resaved.additions).toEqual(original.additions);
    expect(resaved.skipped).toEqual(original.skipped);
  });

  it('says the summary in English', () => {
    const p = plan(sampleRows(SHORT), SHORT, { lang: 'en', locale: 'en_GB' });
    expect(p.summary).toBe('1 row added to Members, 1 row added to Dues, 1 skipped.');
    expect(added(p, 'dues')[0].status).toBe('paid');
    expect(p.skipped[0].reason).toBe(
      'ticketing payment: import the ticketing export instead (one attendee per ticket).',
    );
  });
});

describe('HelloAsso payments, long variant (fixture from the documented header)', () => {
  const FILE = 'helloasso_payments_long.csv';
  // Workbook: M001 Anne, M007 Bob Durand (bob.durand@example.org).
  // Lines 2–4: order 1001, Alice Martin, « Adhésion 2025-2026 » in 3 instalments of 30 €: paid on
  //   15/09 and 15/10, the third refused → one Dues row (one order = one row): 60 €, paid on
  //   2025-09-15 (first paid instalment), term 2025-2026; Alice becomes M008; line 4 skipped (refused).
  // Line 5: order 1002, « Don unique » → skipped (donation). Lines 6–7: order 1003, « Don mensuel »
  //   twice → both skipped (donation).
  // Line 8: order 1004 refused → skipped. Line 9: order 1005 refunded → skipped.
  // Line 10: order 1006, Bob.Durand@Example.org (another case) → M007, no new member; 95 € of which
  //   a 5 € extra donation → dues 90 €, paid 2025-09-22.
  // Line 11: order 1007 « Billetterie » → skipped.
  // Membership lines: 3 + 1 + 1 + 1 = 6 rows for 4 orders (reported in a note).
  const p = plan(fixtureRows(FILE), FILE, { existing: { tabs: clubTabs() } });

  it('counts orders, not rows, and leaves refused and refunded payments out of the dues', () => {
    expect(counts(p)).toEqual({ members: 1, dues: 2 });
    expect(added(p, 'members')[0]).toMatchObject({
      member_id: 'M008',
      first_name: 'Alice',
      joined_on: '2025-09-15',
    });
    expect(added(p, 'dues')).toEqual([
      {
        member_id: 'M008',
        term: '2025-2026',
        amount: 60,
        paid_on: '2025-09-15',
        status: 'payé',
        source_ref: 'helloasso:1001',
      },
      {
        member_id: 'M007',
        term: '2025-2026',
        amount: 90,
        paid_on: '2025-09-22',
        status: 'payé',
        source_ref: 'helloasso:1006',
      },
    ]);
    expect(p.notes).toContain(
      '6 lignes de paiement regroupées en 4 commandes (paiements en plusieurs fois) : une cotisation par commande.',
    );
  });

  it('reports every skipped line with its reason', () => {
    expect(p.skipped).toEqual([
      { line: 4, reason: 'paiement refusé : ce n’est pas une cotisation payée.' },
      { line: 5, reason: 'don : ce n’est ni une cotisation ni une participation.' },
      { line: 6, reason: 'don : ce n’est ni une cotisation ni une participation.' },
      { line: 7, reason: 'don : ce n’est ni une cotisation ni une participation.' },
      { line: 8, reason: 'paiement refusé : ce n’est pas une cotisation payée.' },
      { line: 9, reason: 'paiement remboursé : ce n’est pas une cotisation payée.' },
      { line: 11, reason: expect.stringContaining('billetterie') },
    ]);
    expect(p.summary).toBe('1 ligne ajoutée à Membres, 2 lignes ajoutées à Cotisations, 7 ignorées.');
  });

  it('does not add dues a member already has for the term, even typed by hand', () => {
    const tabs = [
      ...clubTabs(),
      {
        name: 'Cotisations',
        values: [
          ['ID membre', 'Période', 'Montant', 'Statut'],
          ['bob.durand@example.org', '2025-2026', 90, 'payé'],
        ],
      },
    ];
    const q = plan(fixtureRows(FILE), FILE, { existing: { tabs } });
    expect(added(q, 'dues').map((d) => d.member_id)).toEqual(['M008']);
    expect(q.skipped.find((s) => s.line === 10)?.reason).toContain('déjà présente');
  });

  it('adds only the new order from an overlapping newer export', () => {
    const rows = fixtureRows(FILE);
    const newer = [
      ...rows,
      [...rows[9]].map((cell, i) =>
        i === 0
          ? '1008'
          : i === 1
            ? '5011'
            : i === 3
              ? '02/01/2026 10:00:00'
              : i === 7
                ? 'Lune'
                : i === 8
                  ? 'Zoé'
                  : i === 9
                    ? 'zoe.lune@example.org'
                    : i === 14
                      ? 'Adhésion 2026'
                      : cell,
      ),
    ];
    const tabs = write(clubTabs(), p);
    const q = plan(newer, FILE, { existing: { tabs } });
    // Order 1008: Zoé Lune, 95 € − 5 € donation, term 2026 → M009 and one Dues row.
    expect(counts(q)).toEqual({ members: 1, dues: 1 });
    expect(added(q, 'dues')).toEqual([
      expect.objectContaining({ member_id: 'M009', term: '2026', amount: 90, paid_on: '2026-01-02' }),
    ]);
  });
});

describe('HelloAsso memberships (fixture from the documented header)', () => {
  const FILE = 'helloasso_memberships.csv';
  // Line 2: order 2001 Claire Petit (adherent = payer) → M008 with email, company, phone (header
  //   "Téléphone " with a trailing space); Dues 2026 (from the rate « Adhésion 2026 »), 40 €.
  // Line 3: order 2002 Paul Roux → M009; Dues 2026, 40 €.
  // Line 4: order 2002 Léa Roux, paid by Paul → M010 without email (the payer's is not hers); 20 €.
  // Line 5: the same membership again → skipped (counted once per order and adherent).
  // Line 6: order 2003 pending, unknown person → skipped. Line 7: order 2004 Bob Durand paid by
  //   Sophie → matched by name to M007; Dues only. Line 8: refunded → skipped.
  const p = plan(fixtureRows(FILE), FILE, { existing: { tabs: clubTabs() } });

  it('creates members for new adherents only and one dues row per membership', () => {
    expect(p.source).toBe('helloasso_memberships');
    expect(
      added(p, 'members').map((m) => [
        m.member_id,
        m.first_name,
        m.last_name,
        m.email,
        m.company,
        m.phone,
        m.joined_on,
      ]),
    ).toEqual([
      ['M008', 'Claire', 'Petit', 'claire.petit@example.org', 'Petit SAS', '0600000011', '2026-01-05'],
      ['M009', 'Paul', 'Roux', 'paul.roux@example.org', '', '0600000012', '2026-01-06'],
      ['M010', 'Léa', 'Roux', '', '', '', '2026-01-06'],
    ]);
    expect(added(p, 'dues').map((d) => [d.member_id, d.term, d.amount, d.paid_on, d.status])).toEqual([
      ['M008', '2026', 40, '2026-01-05', 'payé'],
      ['M009', '2026', 40, '2026-01-06', 'payé'],
      ['M010', '2026', 20, '2026-01-06', 'payé'],
      ['M007', '2026', 40, '2026-01-08', 'payé'],
    ]);
    expect(p.skipped.map((s) => s.line)).toEqual([5, 6, 8]);
    expect(p.skipped[1].reason).toContain('en attente');
    expect(p.skipped[2].reason).toContain('Remboursé');
  });

  it('adds nothing when imported again', () => {
    const again = plan(fixtureRows(FILE), FILE, { existing: { tabs: write(clubTabs(), p) } });
    expect(again.additions).toEqual([]);
    expect(again.skipped.map((s) => s.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('HelloAsso ticketing (real samples)', () => {
  // Five orders, all « Validé », one row per order (no ticket number) → 5 Attendance rows for the
  // buyers (none is a member: their email is written, so they count as guests), registered = oui,
  // attendance unknown. The export names no event: the user gives it here.
  it('adds one event and one attendance row per order', () => {
    const p = plan(sampleRows(BILLETTERIE), BILLETTERIE, {
      event: { title: 'Course Parents - Enfants', date: '12/10/2025' },
    });
    expect(p.source).toBe('helloasso_tickets');
    expect(added(p, 'events')).toEqual([
      expect.objectContaining({
        event_id: 'HA-course-parents-enfants',
        date: '2025-10-12',
        title: 'Course Parents - Enfants',
      }),
    ]);
    expect(added(p, 'attendance').map((a) => [a.member, a.registered, a.attended, a.source_ref])).toEqual([
      ['camille.dupont@example.org', 'oui', '', 'helloasso:152801622'],
      ['anne.martin@example.org', 'oui', '', 'helloasso:152611641'],
      ['sonia.petit@example.org', 'oui', '', 'helloasso:152599764'],
      ['m.roux@example.org', 'oui', '', 'helloasso:152576850'],
      ['jeremie.leroy@example.org', 'oui', '', 'helloasso:152564964'],
    ]);
    expect(p.notes).toEqual([]);
    expect(p.summary).toBe('1 ligne ajoutée à Événements, 5 lignes ajoutées à Participations.');
  });

  it('without a named event, dates it on the last order and says so', () => {
    const p = plan(sampleRows(BILLETTERIE), BILLETTERIE);
    // Latest « Date de la commande »: 09/10/2025 21:59.
    expect(added(p, 'events')[0]).toMatchObject({
      date: '2025-10-09',
      title: 'helloasso event billetterie export anonymized',
    });
    expect(p.notes[0]).toContain('09/10/2025');
  });

  it('attaches attendance to an existing event of the same title, and adds nothing the second time', () => {
    const tabs = [
      ...clubTabs(),
      {
        name: 'Événements',
        values: [
          ['ID événement', 'Date', 'Titre'],
          ['E2025-10', '12/10/2025', 'Course parents – enfants'],
        ],
      },
    ];
    const p = plan(sampleRows(BILLETTERIE), BILLETTERIE, {
      existing: { tabs },
      event: { title: 'Course Parents - Enfants' },
    });
    expect(counts(p)).toEqual({ attendance: 5 });
    expect(added(p, 'attendance').every((a) => a.event_id === 'E2025-10')).toBe(true);
    const again = plan(sampleRows(BILLETTERIE), BILLETTERIE, {
      existing: { tabs: write(tabs, p) },
      event: { title: 'Course Parents - Enfants' },
    });
    expect(again.additions).toEqual([]);
    expect(again.skipped.map((s) => s.line)).toEqual([2, 3, 4, 5, 6]);
  });

  // One ticket (participant block): Kévin Durand, who is also the payer, so his email is used.
  it('reads the per-ticket export with its participant columns', () => {
    const p = plan(sampleRows(PARTICIPANTS), PARTICIPANTS, {
      event: { id: 'E-PJ', title: 'Soirée PJ', date: '2026-03-20' },
    });
    expect(added(p, 'events')).toEqual([expect.objectContaining({ event_id: 'E-PJ', date: '2026-03-20' })]);
    expect(added(p, 'attendance')).toEqual([
      expect.objectContaining({
        event_id: 'E-PJ',
        member: 'kevin.durand@example.org',
        source_ref: 'helloasso:172754126:172754126',
      }),
    ]);
  });

  it('writes the member ID when the buyer is a member', () => {
    const tabs = [
      {
        name: 'Members',
        values: [
          ['Member ID', 'First name', 'Last name', 'Email', 'Joined on'],
          ['A12', 'Kévin', 'Durand', 'KEVIN.DURAND@example.org', '2025-01-01'],
        ],
      },
    ];
    const p = plan(sampleRows(PARTICIPANTS), PARTICIPANTS, {
      existing: { tabs },
      event: { title: 'PJ', date: '2026-03-20' },
    });
    expect(added(p, 'attendance')[0].member).toBe('A12');
  });
});

describe('refusals', () => {
  it('a file named HelloAsso payments without its columns gives one clear sentence', () => {
    const r = planImport({
      rows: [
        ['Nom', 'Prénom'],
        ['a', 'b'],
      ],
      fileName: 'x.csv',
      source: 'helloasso_payments',
      lang: 'fr',
      locale: 'fr_FR',
      existing: { tabs: [] },
    });
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Ce fichier n’a pas les colonnes attendues d’un export HelloAsso — paiements : « Référence commande »/,
      ),
    });
  });
});
