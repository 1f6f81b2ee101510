/**
 * HelloAsso imports (src/core/imports/helloasso.ts), hand-worked where test/core/imports/ leaves
 * room (issue 23): every payment and order status HelloAsso writes (French back office and the
 * English API words), the season or year a campaign names, payments in several instalments out of
 * order, pending orders of known and unknown people, donations hidden in the `Type` column, the
 * memberships' custom e-mail field and missing names, and ticketing rows that are donations, not
 * validated, undated or nameless. Rows follow the documented headers (reference/export-formats.md
 * §1, the real samples in /work/shared/samples/); each expected row is worked out in a comment.
 * Workbook of `clubTabs()`: M001 Anne Ancien (anne@example.org), M007 Bob Durand
 * (bob.durand@example.org).
 */

import { describe, expect, it } from 'vitest';
import { termFromName } from '../../../src/core/imports/helloasso';
import type { ImportInput } from '../../../src/core/imports/types';
import { added, clubTabs, counts, plan, type Tabs } from '../imports/helpers';

const split = (header: string, lines: string[]): string[][] => [header, ...lines].map((l) => l.split(';'));

// Payments: the columns of the long variant that the mapper reads.
const PAY =
  'Référence commande;Référence paiement;Montant total;Date du paiement;Statut du paiement;Nom payeur;Prénom payeur;Email payeur;Raison sociale;Campagne;Type de campagne;Type;Don supplémentaire';
const payments = (lines: string[], options: Partial<ImportInput> = {}) =>
  plan(split(PAY, lines), 'export-paiements.csv', { existing: { tabs: clubTabs() }, ...options });

// Memberships: the documented header plus a custom « Email » field the organiser added.
const MEM =
  'Référence commande;Date de la commande;Statut de la commande;Nom adhérent;Prénom adhérent;Nom payeur;Prénom payeur;Email payeur;Raison sociale;Tarif;Campagne;Montant tarif;Téléphone';
const memberships = (lines: string[], header = MEM, options: Partial<ImportInput> = {}) =>
  plan(split(header, lines), 'export-adhesions.csv', { existing: { tabs: clubTabs() }, ...options });

// Ticketing, per order (the real « billetterie » sample) and per ticket (the participants sample).
const ORDERS =
  'Référence commande;Date de la commande;Statut de la commande;Nom payeur;Prénom payeur;Email payeur;Tarif;Montant tarif';
const TICKETS =
  'Référence commande;Date de la commande;Statut de la commande;Nom participant;Prénom participant;Nom payeur;Prénom payeur;Email payeur;Numéro de billet;Tarif;Montant tarif';
const tickets = (header: string, lines: string[], options: Partial<ImportInput> = {}) =>
  plan(split(header, lines), 'export-billetterie-gala.csv', {
    existing: { tabs: clubTabs() },
    event: { id: 'E-GALA', title: 'Gala', date: '2026-03-20' },
    ...options,
  });

/** Two members called Jean Dupont without e-mail: the name alone matches both. */
const twoJeans = (): Tabs => {
  const tabs = clubTabs();
  tabs[0].values.push(
    ['M010', 'Jean', 'Dupont', '', '01/09/2024'],
    ['M011', 'Jean', 'Dupont', '', '01/09/2024'],
  );
  return tabs;
};

/** The club's workbook with a Dues tab holding `rows` (member, term, status, source reference). */
const withDues = (...rows: string[][]): Tabs => [
  ...clubTabs(),
  { name: 'Cotisations', values: [['ID membre', 'Période', 'Statut', 'Référence source'], ...rows] },
];

const reasons = (p: { skipped: Array<{ line: number; reason: string }> }) =>
  p.skipped.map((s) => [s.line, s.reason]);

describe('the season or year a campaign names', () => {
  it('reads a season in every way HelloAsso campaigns write it', () => {
    expect(termFromName('Adhésion 2025-2026')).toBe('2025-2026');
    // Two-digit second year: 26 → 2026, the year after 2025.
    expect(termFromName('Saison 2025-26')).toBe('2025-2026');
    expect(termFromName('Saison 2025 / 2026')).toBe('2025-2026');
    expect(termFromName('Saison 2025 – 2026')).toBe('2025-2026');
    expect(termFromName('Saison 2025/26')).toBe('2025-2026');
  });

  it('falls back to the first year when the two years are not consecutive, and to null without a year', () => {
    // 2025-2027 is no season: the first year named is the term.
    expect(termFromName('Adhésion 2025-2027')).toBe('2025');
    expect(termFromName('Adhésion 2025-27')).toBe('2025');
    // 2026 then 2025 is not a season either.
    expect(termFromName('Adhésion 2026-2025')).toBe('2026');
    expect(termFromName('Adhésion 2026')).toBe('2026');
    expect(termFromName('AdhésionTestGLZ')).toBeNull();
    // 1999 is not a 20xx year; 20261 is no year (no word boundary after four digits).
    expect(termFromName('Adhésion 1999')).toBeNull();
    expect(termFromName('Code 20261')).toBeNull();
    expect(termFromName('Code X2026')).toBeNull();
  });

  it('reads a season only between word boundaries', () => {
    // « 2025-2026b »: no boundary after 2026, so no season; the year 2025 stands alone.
    expect(termFromName('Adhésion 2025-2026b')).toBe('2025');
    // « 12025-2026 »: no boundary before 2025; 2026 is then the only year.
    expect(termFromName('Ref 12025-2026')).toBe('2026');
  });
});

describe('HelloAsso payment statuses', () => {
  // One order per status, each by a new person (unknown to the workbook), « Adhésion 2026 », 40 €.
  const one = (status: string) =>
    payments([
      `4001;6001;40,00;02/01/2026 10:00:00;${status};Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;Adhésion;;`,
    ]);

  it.each([
    'Payé',
    'Hors Ligne',
    'Validé',
    'Autorisé',
    'Paid',
    'Processed',
    'Authorized',
    'Validated',
    'Registered',
  ])('« %s » is paid: Zoé becomes M008 with dues 2026 of 40 €', (status) => {
    const p = one(status);
    expect(added(p, 'dues')).toEqual([
      {
        member_id: 'M008',
        term: '2026',
        amount: 40,
        paid_on: '2026-01-02',
        status: 'payé',
        source_ref: 'helloasso:4001',
      },
    ]);
    expect(p.skipped).toEqual([]);
  });

  it.each(['Refusé', 'Échec', 'Error', 'Annulé', 'Canceled', 'Abandonné'])(
    '« %s » is refused: nothing added, the line says why',
    (status) => {
      const p = one(status);
      expect(p.additions).toEqual([]);
      expect(reasons(p)).toEqual([[2, 'paiement refusé : ce n’est pas une cotisation payée.']]);
    },
  );

  it.each(['Remboursé', 'Refunded'])('« %s » is refunded: nothing added', (status) => {
    const p = one(status);
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([[2, 'paiement remboursé : ce n’est pas une cotisation payée.']]);
  });

  // A status is read from its first word: « Non payé » and « Pas remboursé » are neither paid nor
  // refunded but pending (the words are anchored at the start), « En attente » too.
  it.each(['En attente', 'Non payé', 'Pas remboursé', 'Sans échec'])(
    '« %s » is pending: from an unknown person nothing is added',
    (status) => {
      const p = one(status);
      expect(p.additions).toEqual([]);
      expect(reasons(p)).toEqual([
        [2, 'commande en attente d’une personne qui n’est pas encore membre : rien n’est ajouté.'],
      ]);
    },
  );
});

describe('HelloAsso payments: what is a membership', () => {
  it('skips donations named in the campaign type or only in the `Type` column, and ticketing in English', () => {
    const p = payments([
      // Line 2: campaign type « Adhésion » but Type « Don unique »: a donation.
      '4101;6101;20,00;03/01/2026 10:00:00;Payé;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;Adhésion;Don unique;',
      // Line 3: English campaign type « Event »: a ticketing payment.
      '4102;6102;25,00;03/01/2026 11:00:00;Payé;Lune;Zoé;zoe.lune@example.org;;Gala;Event;;',
      // Line 4: « Billetterie solidaire » still starts with billetterie.
      '4103;6103;25,00;03/01/2026 12:00:00;Payé;Lune;Zoé;zoe.lune@example.org;;Gala;Billetterie solidaire;;',
      // Line 5: « Crowdfunding »: neither; its type is named in the reason.
      '4104;6104;25,00;03/01/2026 13:00:00;Payé;Lune;Zoé;zoe.lune@example.org;;Projet;Crowdfunding;;',
      // Line 6: no campaign type at all: « ? ».
      '4105;6105;25,00;03/01/2026 14:00:00;Payé;Lune;Zoé;zoe.lune@example.org;;Projet;;;',
      // Line 7: « Donation » in English is a donation too.
      '4106;6106;25,00;03/01/2026 15:00:00;Payé;Lune;Zoé;zoe.lune@example.org;;Projet;Donation;;',
    ]);
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([
      [2, 'don : ce n’est ni une cotisation ni une participation.'],
      [
        3,
        'paiement de billetterie : importez plutôt l’export de la billetterie (un participant par billet).',
      ],
      [
        4,
        'paiement de billetterie : importez plutôt l’export de la billetterie (un participant par billet).',
      ],
      [5, 'paiement « Crowdfunding » : ni une adhésion ni un don, rien à importer.'],
      [6, 'paiement « ? » : ni une adhésion ni un don, rien à importer.'],
      [7, 'don : ce n’est ni une cotisation ni une participation.'],
    ]);
    expect(p.notes).toEqual([]);
  });

  it('takes English « Membership » and « Adhésion annuelle » campaigns as memberships', () => {
    const p = payments([
      // Line 2: Zoé, « Membership », 30 € on 04/01/2026 (campaign « Club » names no year → term is the date).
      '4201;6201;30,00;04/01/2026 10:00:00;Payé;Lune;Zoé;zoe.lune@example.org;;Club;Membership;;',
      // Line 3: Bob (M007), « Adhésion annuelle », 45 € on 05/01/2026, campaign « Cotisation 2025/26 ».
      '4202;6202;45,00;05/01/2026 10:00:00;Payé;Durand;Bob;bob.durand@example.org;;Cotisation 2025/26;Adhésion annuelle;;',
    ]);
    expect(added(p, 'dues').map((d) => [d.member_id, d.term, d.amount, d.paid_on])).toEqual([
      ['M008', '2026-01-04', 30, '2026-01-04'],
      ['M007', '2025-2026', 45, '2026-01-05'],
    ]);
    // Two membership lines, two orders: no instalment note.
    expect(p.notes).toEqual([]);
  });

  it('gives an order without reference one dues row per line (`line<n>`)', () => {
    const p = payments([
      ';6301;30,00;04/01/2026 10:00:00;Payé;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;Adhésion;;',
      ';6302;35,00;05/01/2026 10:00:00;Payé;Durand;Bob;bob.durand@example.org;;Adhésion 2026;Adhésion;;',
    ]);
    expect(added(p, 'dues').map((d) => [d.member_id, d.amount, d.source_ref])).toEqual([
      ['M008', 30, 'helloasso:line2'],
      ['M007', 35, 'helloasso:line3'],
    ]);
    expect(p.notes).toEqual([]);
  });
});

describe('HelloAsso payments in instalments', () => {
  it('dates the dues on the earliest paid instalment whatever the row order, and sums to the cent', () => {
    // Order 4301, Zoé, three instalments listed newest first: 33,34 on 15/11, 33,33 on 15/10,
    // 33,33 on 15/09 → paid on 2025-09-15; 33,34 + 33,33 + 33,33 = 100,00 (not 99.99999…).
    // Her company « Lune SARL » is kept on the new member.
    const p = payments([
      '4301;6303;33,34;15/11/2025 10:00:00;Payé;Lune;Zoé;zoe.lune@example.org;Lune SARL;Adhésion 2025-2026;Adhésion;;',
      '4301;6302;33,33;15/10/2025 10:00:00;Payé;Lune;Zoé;zoe.lune@example.org;Lune SARL;Adhésion 2025-2026;Adhésion;;',
      '4301;6301;33,33;15/09/2025 10:00:00;Payé;Lune;Zoé;zoe.lune@example.org;Lune SARL;Adhésion 2025-2026;Adhésion;;',
    ]);
    expect(added(p, 'members')).toEqual([
      expect.objectContaining({ member_id: 'M008', company: 'Lune SARL', joined_on: '2025-09-15' }),
    ]);
    expect(added(p, 'dues')).toEqual([
      {
        member_id: 'M008',
        term: '2025-2026',
        amount: 100,
        paid_on: '2025-09-15',
        status: 'payé',
        source_ref: 'helloasso:4301',
      },
    ]);
    expect(p.notes).toEqual([
      '3 lignes de paiement regroupées en 1 commandes (paiements en plusieurs fois) : une cotisation par commande.',
    ]);
  });

  it('dates on the readable instalment when another date is unreadable, and skips an order with none', () => {
    // Order 4401 (Zoé): 20 € with an unreadable date, 20 € on 10/10/2025 → paid on 2025-10-10, 40 €.
    // Order 4402 (Bob): its only paid instalment is dated « bientôt » → skipped with the column.
    const p = payments([
      '4401;6401;20,00;bientôt;Payé;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;Adhésion;;',
      '4401;6402;20,00;10/10/2025 10:00:00;Payé;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;Adhésion;;',
      '4402;6403;50,00;bientôt;Payé;Durand;Bob;bob.durand@example.org;;Adhésion 2026;Adhésion;;',
    ]);
    expect(added(p, 'dues').map((d) => [d.member_id, d.amount, d.paid_on, d.term])).toEqual([
      ['M008', 40, '2025-10-10', '2026'],
    ]);
    expect(reasons(p)).toEqual([[4, 'date illisible « bientôt » dans « Date du paiement ».']]);
  });

  it('leaves a refused-only order out, even for a known member', () => {
    // Bob (M007) has one refused payment and nothing pending: no pending dues for him.
    const p = payments([
      '4501;6501;40,00;02/01/2026 10:00:00;Refusé;Durand;Bob;bob.durand@example.org;;Adhésion 2026;Adhésion;;',
    ]);
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([[2, 'paiement refusé : ce n’est pas une cotisation payée.']]);
  });
});

describe('HelloAsso pending payments', () => {
  it('adds a pending dues row for a known member, termed by the campaign or else by the payment date', () => {
    const p = payments([
      // Order 4601, Bob (M007), pending, campaign « Adhésion 2026 » → pending dues 2026, no amount
      // nor payment date.
      '4601;6601;40,00;02/01/2026 10:00:00;En attente;Durand;Bob;bob.durand@example.org;;Adhésion 2026;Adhésion;;',
      // Order 4602, Anne (M001, matched by name: no e-mail here), pending, campaign « Club »
      // names no year → the term is the payment date, 2026-01-03.
      '4602;6602;40,00;03/01/2026 10:00:00;En attente;Ancien;Anne;;;Club;Adhésion;;',
    ]);
    expect(added(p, 'members')).toEqual([]);
    expect(added(p, 'dues')).toEqual([
      {
        member_id: 'M007',
        term: '2026',
        amount: '',
        paid_on: '',
        status: 'en attente',
        source_ref: 'helloasso:4601',
      },
      {
        member_id: 'M001',
        term: '2026-01-03',
        amount: '',
        paid_on: '',
        status: 'en attente',
        source_ref: 'helloasso:4602',
      },
    ]);
    expect(p.skipped).toEqual([]);
  });

  it('says pending in English, and skips a pending order already in the workbook', () => {
    const tabs = withDues(['M007', '2026', 'en attente', 'helloasso:4701']);
    const line =
      '4701;6701;40,00;02/01/2026 10:00:00;En attente;Durand;Bob;bob.durand@example.org;;Adhésion 2026;Adhésion;;';
    const p = payments([line], { existing: { tabs } });
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([[2, 'déjà présente dans le classeur (référence helloasso:4701).']]);
    const en = payments([line], { lang: 'en', locale: 'en_GB' });
    expect(added(en, 'dues').map((d) => d.status)).toEqual(['pending']);
  });

  it('skips every pending line of an unknown person, and only those', () => {
    // Order 4801 (Zoé, unknown): one instalment pending (line 2), one refused (line 3).
    const p = payments([
      '4801;6801;40,00;02/01/2026 10:00:00;En attente;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;Adhésion;;',
      '4801;6802;40,00;02/02/2026 10:00:00;Refusé;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;Adhésion;;',
    ]);
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([
      [2, 'commande en attente d’une personne qui n’est pas encore membre : rien n’est ajouté.'],
      [3, 'paiement refusé : ce n’est pas une cotisation payée.'],
    ]);
  });
});

describe('HelloAsso payments from people the workbook cannot tell', () => {
  it('skips a payer whose name matches two members, and a payer with neither e-mail nor name', () => {
    const p = payments(
      [
        // Line 2: Jean Dupont, an e-mail the workbook does not know → two members of that name.
        '4901;6901;40,00;02/01/2026 10:00:00;Payé;Dupont;Jean;jean@example.org;;Adhésion 2026;Adhésion;;',
        // Lines 3–4: one order in two instalments with no name and no e-mail.
        '4902;6902;20,00;03/01/2026 10:00:00;Payé;;;;;Adhésion 2026;Adhésion;;',
        '4902;6903;20,00;03/02/2026 10:00:00;Payé;;;;;Adhésion 2026;Adhésion;;',
      ],
      { existing: { tabs: twoJeans() } },
    );
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([
      [2, 'le nom « Jean Dupont » correspond à plusieurs membres.'],
      [3, 'ni e-mail ni nom : impossible de savoir de qui il s’agit.'],
      [4, 'ni e-mail ni nom : impossible de savoir de qui il s’agit.'],
    ]);
  });

  it('names a new member without e-mail by their name in the reference', () => {
    // Zoé Lune pays without e-mail → M008, reference helloasso:member:zoe-lune.
    const p = payments([';6951;40,00;02/01/2026 10:00:00;Payé;Lune;Zoé;;;Adhésion 2026;Adhésion;;']);
    expect(added(p, 'members').map((m) => [m.member_id, m.email, m.source_ref])).toEqual([
      ['M008', '', 'helloasso:member:zoe-lune'],
    ]);
  });

  it('writes the new member’s reference from the e-mail in lower case, trimmed', () => {
    const p = payments([
      '4961;6961;40,00;02/01/2026 10:00:00;Payé;Lune;Zoé; Zoe.Lune@Example.org ;;Adhésion 2026;Adhésion;;',
    ]);
    expect(added(p, 'members').map((m) => m.source_ref)).toEqual(['helloasso:member:zoe.lune@example.org']);
  });

  it('does not report the dues of a new member whose order reference is already in Dues', () => {
    // The workbook's Dues already carry helloasso:4971 (typed for someone else); Zoé is new, so she
    // is added, and her dues are silently not added twice (the member row is the news).
    const tabs = withDues(['M001', '2024', 'payé', 'helloasso:4971']);
    const p = payments(
      ['4971;6971;40,00;02/01/2026 10:00:00;Payé;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;Adhésion;;'],
      { existing: { tabs } },
    );
    expect(counts(p)).toEqual({ members: 1 });
    expect(p.skipped).toEqual([]);
  });
});

describe('HelloAsso memberships', () => {
  const WITH_EMAIL = `${MEM};Email`;

  it('takes the adherent’s own e-mail from a custom field, and the payer’s names when the adherent’s are empty', () => {
    const p = memberships(
      [
        // Line 2: adherent Léa Martin paid by Paul Roux, custom « Email » lea@example.org → M008
        // with it (her own last name, not the payer's; the payer's company is not hers).
        '5001;06/01/2026 20:40;Validé;Martin;Léa;Roux;Paul;paul.roux@example.org;Roux SA;Adhésion 2026 réduite;;20,00;0600000020;lea@example.org',
        // Line 3: no adherent names → the payer Zoé Lune herself; e-mail field empty → the payer's;
        // her company is kept (same person); rate names no year, campaign « Saison 2025-2026 » does.
        '5002;07/01/2026 09:00;Validé;;;Lune;Zoé;zoe.lune@example.org;Lune SARL;Tarif plein;Saison 2025-2026;40,00;;',
      ],
      WITH_EMAIL,
    );
    expect(
      added(p, 'members').map((m) => [m.member_id, m.first_name, m.last_name, m.email, m.company, m.phone]),
    ).toEqual([
      ['M008', 'Léa', 'Martin', 'lea@example.org', '', '0600000020'],
      ['M009', 'Zoé', 'Lune', 'zoe.lune@example.org', 'Lune SARL', ''],
    ]);
    expect(added(p, 'dues').map((d) => [d.member_id, d.term, d.amount, d.paid_on, d.source_ref])).toEqual([
      ['M008', '2026', 20, '2026-01-06', 'helloasso:5001:lea-martin'],
      ['M009', '2025-2026', 40, '2026-01-07', 'helloasso:5002:zoe-lune'],
    ]);
  });

  it('terms by the order date when neither rate nor campaign names a year, and counts a blank status as validated', () => {
    // Line 2: no status, rate « Tarif plein », campaign « Club » → term 2026-01-09 (the order date).
    const p = memberships([
      '5101;09/01/2026 16:30;;Lune;Zoé;Lune;Zoé;zoe.lune@example.org;;Tarif plein;Club;40,00;',
    ]);
    expect(added(p, 'dues').map((d) => [d.member_id, d.term, d.status])).toEqual([
      ['M008', '2026-01-09', 'payé'],
    ]);
  });

  it('keys a nameless adherent by e-mail, so two such lines of one order are two memberships', () => {
    // Order 5201, no names anywhere: keys 5201:a@example.org and 5201:b@example.org (lower case).
    // The second line of a@ (line 4) is the same membership again.
    const p = memberships(
      [
        '5201;10/01/2026 10:00;Validé;;;;;;;Adhésion 2026;;40,00;;A@Example.org',
        '5201;10/01/2026 10:00;Validé;;;;;;;Adhésion 2026;;40,00;;b@example.org',
        '5201;10/01/2026 10:00;Validé;;;;;;;Adhésion 2026;;40,00;;a@example.org',
      ],
      WITH_EMAIL,
    );
    expect(added(p, 'members').map((m) => [m.member_id, m.email])).toEqual([
      ['M008', 'A@Example.org'],
      ['M009', 'b@example.org'],
    ]);
    expect(added(p, 'dues').map((d) => d.source_ref)).toEqual([
      'helloasso:5201:a@example.org',
      'helloasso:5201:b@example.org',
    ]);
    expect(reasons(p)).toEqual([
      [4, 'échéance de la commande 5201 déjà comptée (une commande = une cotisation).'],
    ]);
  });

  it('skips refused, cancelled and undated orders with their status or date', () => {
    const p = memberships([
      '5301;11/01/2026 10:00;Refusé;Lune;Zoé;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;;40,00;',
      '5302;11/01/2026 10:00;Annulé;Gris;Léon;Gris;Léon;leon@example.org;;Adhésion 2026;;40,00;',
      '5303;le 11 du mois;Validé;Vert;Jules;Vert;Jules;jules@example.org;;Adhésion 2026;;40,00;',
    ]);
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([
      [2, 'commande au statut « Refusé » : seules les commandes validées sont importées.'],
      [3, 'commande au statut « Annulé » : seules les commandes validées sont importées.'],
      [4, 'date illisible « le 11 du mois » dans « Date de la commande ».'],
    ]);
  });

  it('adds a pending dues row with its amount for a known adherent only', () => {
    const tabs = withDues(['M001', '2026', 'en attente', 'helloasso:5403:anne-ancien']);
    const p = memberships(
      [
        // Line 2: Bob Durand (M007, by name, paid by Sophie) pending → pending dues 2026, 40 €.
        '5401;12/01/2026 10:00;En attente;Durand;Bob;Durand;Sophie;sophie@example.org;;Adhésion 2026;;40,00;',
        // Line 3: Zoé, unknown, pending → skipped.
        '5402;12/01/2026 11:00;En attente;Lune;Zoé;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;;40,00;',
        // Line 4: Anne (M001), pending, already in Dues by its reference → skipped.
        '5403;12/01/2026 12:00;En attente;Ancien;Anne;Ancien;Anne;anne@example.org;;Adhésion 2026;;40,00;',
      ],
      MEM,
      { existing: { tabs } },
    );
    expect(added(p, 'dues')).toEqual([
      {
        member_id: 'M007',
        term: '2026',
        amount: 40,
        paid_on: '',
        status: 'en attente',
        source_ref: 'helloasso:5401:bob-durand',
      },
    ]);
    expect(reasons(p)).toEqual([
      [3, 'commande en attente d’une personne qui n’est pas encore membre : rien n’est ajouté.'],
      [4, 'déjà présente dans le classeur (référence helloasso:5403:anne-ancien).'],
    ]);
  });

  it('skips an adherent whose name matches two members, and a line with no one named', () => {
    const p = memberships(
      [
        '5501;13/01/2026 10:00;Validé;Dupont;Jean;Dupont;Jean;jean@example.org;;Adhésion 2026;;40,00;',
        '5502;13/01/2026 11:00;Validé;;;;;;;Adhésion 2026;;40,00;',
      ],
      MEM,
      { existing: { tabs: twoJeans() } },
    );
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([
      [2, 'le nom « Jean Dupont » correspond à plusieurs membres.'],
      [3, 'ni e-mail ni nom : impossible de savoir de qui il s’agit.'],
    ]);
  });

  it('reports the dues a known member already has for the term', () => {
    // Bob's dues for 2026 typed by hand, without reference: the same member and term.
    const tabs = withDues(['M007', '2026', 'payé', '']);
    const p = memberships(
      ['5601;14/01/2026 10:00;Validé;Durand;Bob;Durand;Bob;bob.durand@example.org;;Adhésion 2026;;40,00;'],
      MEM,
      { existing: { tabs } },
    );
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([
      [2, 'déjà présente dans le classeur (référence helloasso:5601:bob-durand).'],
    ]);
  });

  it('reads a month-first Excel re-save when a date shows it (01/13/2026)', () => {
    // 01/13/2026 can only be 13 January: the file is month-first, so 02/01/2026 is 1 February.
    const p = memberships([
      '5701;01/13/2026 10:00;Validé;Lune;Zoé;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;;40,00;',
      '5702;02/01/2026 10:00;Validé;Gris;Léon;Gris;Léon;leon@example.org;;Adhésion 2026;;40,00;',
    ]);
    expect(added(p, 'dues').map((d) => d.paid_on)).toEqual(['2026-01-13', '2026-02-01']);
  });
});

describe('HelloAsso ticketing', () => {
  it('skips donations by rate, orders not validated, and keeps rates that only start like « don »', () => {
    const p = tickets(ORDERS, [
      // Line 2: rate « Don libre » → donation. Line 3: « don » in lower case → donation.
      '7001;01/03/2026 10:00;Validé;Lune;Zoé;zoe.lune@example.org;Don libre;10,00',
      '7002;01/03/2026 10:05;Validé;Lune;Zoé;zoe.lune@example.org;don;5,00',
      // Line 4: « Donateur » is a rate, not a donation → attendance for Zoé.
      '7003;01/03/2026 10:10;Validé;Lune;Zoé;zoe.lune@example.org;Donateur;30,00',
      // Line 5: « Entrée sans don » does not start with « don » → attendance for Léon.
      '7007;01/03/2026 10:12;Validé;Gris;Léon;leon@example.org;Entrée sans don;30,00',
      // Line 6: refunded → not validated. Line 7: no status → validated: Bob (M007).
      '7004;01/03/2026 10:15;Remboursé;Gris;Léon;leon@example.org;Entrée;30,00',
      '7005;01/03/2026 10:20;;Durand;Bob;bob.durand@example.org;Entrée;30,00',
      // Line 8: pending → not validated.
      '7006;01/03/2026 10:25;En attente;Vert;Jules;jules@example.org;Entrée;30,00',
    ]);
    expect(added(p, 'attendance').map((a) => [a.event_id, a.member, a.registered, a.source_ref])).toEqual([
      ['E-GALA', 'zoe.lune@example.org', 'oui', 'helloasso:7003'],
      ['E-GALA', 'leon@example.org', 'oui', 'helloasso:7007'],
      ['E-GALA', 'M007', 'oui', 'helloasso:7005'],
    ]);
    expect(reasons(p)).toEqual([
      [2, 'don : ce n’est ni une cotisation ni une participation.'],
      [3, 'don : ce n’est ni une cotisation ni une participation.'],
      [6, 'commande au statut « Remboursé » : seules les commandes validées sont importées.'],
      [8, 'commande au statut « En attente » : seules les commandes validées sont importées.'],
    ]);
  });

  it('adds no event when no line is valid', () => {
    const p = tickets(ORDERS, ['7101;01/03/2026 10:00;Annulé;Lune;Zoé;zoe.lune@example.org;Entrée;30,00']);
    expect(p.additions).toEqual([]);
    expect(p.skipped).toHaveLength(1);
  });

  it('skips every valid line when neither the user nor the orders date the event', () => {
    const p = tickets(
      ORDERS,
      [
        '7201;bientôt;Validé;Lune;Zoé;zoe.lune@example.org;Entrée;30,00',
        '7202;;Validé;Durand;Bob;bob.durand@example.org;Entrée;30,00',
      ],
      { event: { title: 'Gala' } },
    );
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([
      [2, 'date illisible « bientôt » dans « Date de la commande ».'],
      [3, 'date illisible «  » dans « Date de la commande ».'],
    ]);
  });

  it('dates an unnamed event on the latest order, says yes in English', () => {
    // Orders on 01/03 and 05/03/2026 (listed latest first) → the event is dated 2026-03-05.
    const p = tickets(
      ORDERS,
      [
        '7301;05/03/2026 10:00;Processed;Lune;Zoé;zoe.lune@example.org;Entry;30,00',
        '7302;01/03/2026 10:00;Processed;Durand;Bob;bob.durand@example.org;Entry;30,00',
      ],
      { event: undefined, lang: 'en', locale: 'en_GB' },
    );
    expect(added(p, 'events').map((e) => [e.event_id, e.date, e.title, e.source_ref])).toEqual([
      ['HA-gala', '2026-03-05', 'gala', 'helloasso:event:HA-gala'],
    ]);
    expect(added(p, 'attendance').map((a) => [a.member, a.registered])).toEqual([
      ['zoe.lune@example.org', 'yes'],
      ['M007', 'yes'],
    ]);
  });

  it('reads participants: the payer’s names fill empty ones, the payer’s e-mail only for the payer', () => {
    const p = tickets(TICKETS, [
      // Line 2: participant Léa Martin, paid by Paul Roux → written by her name (the e-mail is Paul's).
      '7401;01/03/2026 10:00;Validé;Martin;Léa;Roux;Paul;paul.roux@example.org;90001;Entrée;30,00',
      // Line 3: no participant names → the payer Zoé, with her e-mail.
      '7401;01/03/2026 10:00;Validé;;;Lune;Zoé;zoe.lune@example.org;90002;Entrée;30,00',
      // Line 4: participant Durand, no first name → the payer's « Bob »: Bob Durand = M007 by name.
      '7402;01/03/2026 10:05;Validé;Durand;;Durand;Bob;;90003;Entrée;30,00',
      // Line 5: a ticket without number → the order reference alone.
      '7403;01/03/2026 10:10;Validé;Vert;Jules;Vert;Jules;jules@example.org;;Entrée;30,00',
      // Line 6: nobody named anywhere → skipped.
      '7404;01/03/2026 10:15;Validé;;;;;;90005;Entrée;30,00',
      // Line 7: the same ticket again → a duplicate of line 2.
      '7401;01/03/2026 10:00;Validé;Martin;Léa;Roux;Paul;paul.roux@example.org;90001;Entrée;30,00',
    ]);
    expect(added(p, 'attendance').map((a) => [a.member, a.source_ref])).toEqual([
      ['Léa Martin', 'helloasso:7401:90001'],
      ['zoe.lune@example.org', 'helloasso:7401:90002'],
      ['M007', 'helloasso:7402:90003'],
      ['jules@example.org', 'helloasso:7403'],
    ]);
    expect(reasons(p)).toEqual([
      [6, 'ni e-mail ni nom : impossible de savoir de qui il s’agit.'],
      [7, 'doublon d’une ligne précédente du fichier (référence helloasso:7401:90001).'],
    ]);
  });

  it('refers to an order without reference by its line', () => {
    const p = tickets(ORDERS, [';01/03/2026 10:00;Validé;Lune;Zoé;zoe.lune@example.org;Entrée;30,00']);
    expect(added(p, 'attendance').map((a) => a.source_ref)).toEqual(['helloasso:line2']);
  });

  it('ignores blank lines and numbers lines as the file does', () => {
    // Line 2 is blank (only separators and spaces); line 3 is Zoé.
    const p = tickets(ORDERS, [
      ' ; ; ;;;;;',
      '7501;01/03/2026 10:00;Validé;Lune;Zoé;zoe.lune@example.org;Entrée;30,00',
    ]);
    expect(added(p, 'attendance').map((a) => a.source_ref)).toEqual(['helloasso:7501']);
    const q = tickets(ORDERS, [
      ' ; ; ;;;;;',
      '7601;01/03/2026 10:00;Annulé;Lune;Zoé;zoe.lune@example.org;Entrée;30,00',
    ]);
    expect(q.skipped.map((s) => s.line)).toEqual([3]);
  });
});

describe('HelloAsso files re-saved by Excel in month-first order, or with columns missing', () => {
  it('reads month-first payment dates from the payment date column', () => {
    // 01/13/2026 can only be 13 January: the file is month-first, so 02/01/2026 is 1 February.
    const p = payments([
      '8001;6001;40,00;01/13/2026 10:00:00;Payé;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;Adhésion;;',
      '8002;6002;40,00;02/01/2026 10:00:00;Payé;Durand;Bob;bob.durand@example.org;;Adhésion 2026;Adhésion;;',
    ]);
    expect(added(p, 'dues').map((d) => [d.member_id, d.paid_on])).toEqual([
      ['M008', '2026-01-13'],
      ['M007', '2026-02-01'],
    ]);
  });

  it('dates an unnamed event on the latest order of a month-first ticketing file', () => {
    // 03/13/2026 is 13 March, so the file is month-first and 03/02/2026 is 2 March: latest 2026-03-13.
    const p = tickets(
      ORDERS,
      [
        '8101;03/02/2026 10:00;Validé;Lune;Zoé;zoe.lune@example.org;Entrée;30,00',
        '8102;03/13/2026 10:00;Validé;Durand;Bob;bob.durand@example.org;Entrée;30,00',
      ],
      { event: { title: 'Gala' } },
    );
    expect(added(p, 'events').map((e) => [e.event_id, e.date])).toEqual([['HA-gala', '2026-03-13']]);
  });

  it('reads a participant’s last name alone when the first-name column is gone', () => {
    // Only « Nom participant »: Lune, paid by Zoé Martin → participant Zoé Lune (first name from the
    // payer), not the payer, so written by name.
    const header =
      'Référence commande;Date de la commande;Statut de la commande;Nom participant;Nom payeur;Prénom payeur;Email payeur;Numéro de billet';
    const p = tickets(header, ['8201;01/03/2026 10:00;Validé;Lune;Martin;Zoé;zoe.martin@example.org;91001']);
    expect(added(p, 'attendance').map((a) => a.member)).toEqual(['Zoé Lune']);
  });

  it('reads a participant’s first name alone when the last-name column is gone', () => {
    // Only « Prénom participant »: Léa, paid by Paul Roux → Léa Roux, written by name.
    const header =
      'Référence commande;Date de la commande;Statut de la commande;Prénom participant;Nom payeur;Prénom payeur;Email payeur;Numéro de billet';
    const p = tickets(header, ['8301;01/03/2026 10:00;Validé;Léa;Roux;Paul;paul.roux@example.org;92001']);
    expect(added(p, 'attendance').map((a) => a.member)).toEqual(['Léa Roux']);
  });

  it('takes the phone from « N° de téléphone », and refers to a membership without order by its line', () => {
    const header =
      'Référence commande;Date de la commande;Statut de la commande;Nom adhérent;Prénom adhérent;Nom payeur;Prénom payeur;Email payeur;Tarif;Montant tarif;N° de téléphone';
    const p = memberships(
      [';05/01/2026 09:12;Validé;Lune;Zoé;Lune;Zoé;zoe.lune@example.org;Adhésion 2026;40,00;0600000099'],
      header,
    );
    expect(added(p, 'members').map((m) => [m.member_id, m.phone])).toEqual([['M008', '0600000099']]);
    expect(added(p, 'dues').map((d) => d.source_ref)).toEqual(['helloasso:line2:zoe-lune']);
  });

  it('does not report the dues of a new adherent whose reference is already in Dues', () => {
    // helloasso:5801:zoe-lune is already in Dues (for Anne): Zoé is added, her dues silently not.
    const tabs = withDues(['M001', '2024', 'payé', 'helloasso:5801:zoe-lune']);
    const p = memberships(
      ['5801;05/01/2026 09:12;Validé;Lune;Zoé;Lune;Zoé;zoe.lune@example.org;;Adhésion 2026;;40,00;'],
      MEM,
      { existing: { tabs } },
    );
    expect(counts(p)).toEqual({ members: 1 });
    expect(p.skipped).toEqual([]);
  });
});
