/**
 * The club model built from the tabs (src/core/model.ts, src/core/club-builders/*), hand-worked
 * where test/core/model.test.ts leaves room (issue 23): every KPI counts the rows this model keeps,
 * so a row kept that should be dropped, a count read above what it counts within, or an answer kept
 * twice is a wrong figure. Every report is built inside its test (a mutation run then knows which
 * test reaches which line). Rows are numbered as in the sheet: the header is row 1.
 */

import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../src/core/dates';
import { issues, run, sheetDate, tab } from '../fixtures';

const MEMBERS = ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", 'Date de départ', 'Statut'];
const members = (...extra: unknown[][]) =>
  tab('Membres', MEMBERS, [
    ['M001', 'Ana', 'Lopez', 'ana@club.fr', '01/01/2025', '', ''], // row 2
    ['M002', 'Élodie', 'Martin', 'elodie@club.fr', '01/01/2025', '', ''], // row 3
    ['M003', 'Jean', 'Dupont', 'jean@club.fr', '01/06/2026', '', ''], // row 4: joins in June 2026
    ...extra,
  ]);
const coded = (report: ReturnType<typeof run>, tabName: string) =>
  report.issues.filter((i) => i.tab === tabName).map((i) => [i.row, i.column, i.value, i.code]);

describe('Communications', () => {
  it('reads a campaign whole, and a bounce, open or click count above what it counts within as empty', () => {
    const report = run([
      tab(
        'Communications',
        [
          'Date',
          'Campagne',
          'Type',
          'Destinataires',
          'Rebonds',
          'Ouvertures uniques',
          'Clics uniques',
          'Désinscriptions',
        ],
        [
          // row 2: 200 sent, 10 bounced → 190 delivered; 190 opens is the most there can be.
          ['10/03/2026', 'Lettre de mars', 'newsletter', 200, 10, 190, 40, 2],
          // row 3: 201 opens of 190 delivered (200 − 10) → reported, read as empty.
          ['11/03/2026', 'Invitation AG', 'invitation', 200, 10, 191, 191, ''],
          // row 4: 250 bounces of 200 sent → reported, read as 0; opens then within 200.
          ['12/03/2026', 'Appel', '', 200, 250, 200, '', 1],
        ],
      ),
    ]);
    const [a, b, c] = report.club.campaigns;
    expect(a).toEqual({
      row: 2,
      date: dayOf(2026, 3, 10),
      name: 'Lettre de mars',
      type: 'newsletter',
      recipients: 200,
      bounces: 10,
      opens: 190,
      clicks: 40,
      unsubscribes: 2,
    });
    expect([b.opens, b.clicks, b.unsubscribes, b.type]).toEqual([null, null, null, 'invitation']);
    expect([c.bounces, c.opens, c.clicks, c.type, c.unsubscribes]).toEqual([0, 200, null, null, 1]);
    expect(coded(report, 'Communications')).toEqual([
      [3, 'Ouvertures uniques', '191', 'out_of_range'],
      [3, 'Clics uniques', '191', 'out_of_range'],
      [4, 'Rebonds', '250', 'out_of_range'],
    ]);
    expect(issues(report, 'out_of_range').map((i) => i.message)).toEqual([
      'Valeur « 191 » hors limites dans « Ouvertures uniques » (attendu : 0–190).',
      'Valeur « 191 » hors limites dans « Clics uniques » (attendu : 0–190).',
      'Valeur « 250 » hors limites dans « Rebonds » (attendu : 0–200).',
    ]);
  });
});

describe('Interactions, referrals and contents', () => {
  it('keeps every row; an unknown interaction member or content author is reported, a referral party outside the club is not', () => {
    const report = run([
      members(),
      tab(
        'Interactions',
        ['Date', 'Membre', 'Type'],
        [
          ['10/03/2026', 'ana@club.fr', 'entraide'], // row 2
          ['11/03/2026', 'Quelqu’un', 'question'], // row 3: unknown member → reported, row kept
          ['12/03/2026', '', 'partage'], // row 4: nobody named → kept, no issue
        ],
      ),
      tab(
        'Recommandations',
        ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture'],
        [
          ['10/03/2026', 'M001', 'Client externe', 'lead', 'gagné', '1 500', '20/04/2026'], // row 2
          ['11/03/2026', 'Partenaire', 'M002', '', '', '', ''], // row 3
        ],
      ),
      tab(
        'Contenus',
        ['Date', 'Auteur', 'Type', 'Titre', 'Thème', 'Réactions'],
        [
          ['10/03/2026', 'Martin Élodie', 'guide', 'Bien recruter', 'RH', 12], // row 2
          ['11/03/2026', 'Inconnue', '', 'Sans auteur connu', '', ''], // row 3: reactions blank → 0
        ],
      ),
    ]);
    const club = report.club;
    expect(club.interactions.map((i) => [i.row, i.date, i.member?.id ?? null, i.type])).toEqual([
      [2, dayOf(2026, 3, 10), 'M001', 'mutual_help'],
      [3, dayOf(2026, 3, 11), null, 'question'],
      [4, dayOf(2026, 3, 12), null, 'share'],
    ]);
    expect(club.referrals).toEqual([
      {
        row: 2,
        date: dayOf(2026, 3, 10),
        giver: club.members[0],
        receiver: null,
        type: 'lead',
        status: 'won',
        value: 1500,
        closedOn: dayOf(2026, 4, 20),
      },
      {
        row: 3,
        date: dayOf(2026, 3, 11),
        giver: null,
        receiver: club.members[1],
        type: null,
        status: null,
        value: null,
        closedOn: null,
      },
    ]);
    expect(club.contents).toEqual([
      {
        row: 2,
        date: dayOf(2026, 3, 10),
        author: club.members[1],
        type: 'guide',
        title: 'Bien recruter',
        topic: 'RH',
        reactions: 12,
      },
      {
        row: 3,
        date: dayOf(2026, 3, 11),
        author: null,
        type: null,
        title: 'Sans auteur connu',
        topic: '',
        reactions: 0,
      },
    ]);
    expect(coded(report, 'Interactions')).toEqual([[3, 'Membre', 'Quelqu’un', 'unknown_member']]);
    expect(coded(report, 'Recommandations')).toEqual([]);
    expect(coded(report, 'Contenus')).toEqual([[3, 'Auteur', 'Inconnue', 'unknown_member']]);
  });

  it('reports an ambiguous referral party, even though an unknown one is not', () => {
    const report = run([
      members(['M004', 'Jean', 'Dupont', 'jd@autre.fr', '01/01/2025', '', '']), // row 5: same name as M003
      tab('Recommandations', ['Date', 'Donneur', 'Bénéficiaire'], [['10/03/2026', 'Jean Dupont', 'Inconnu']]),
    ]);
    expect(report.club.referrals[0].giver).toBeNull();
    expect(coded(report, 'Recommandations')).toEqual([[2, 'Donneur', 'Jean Dupont', 'ambiguous_member']]);
  });
});

describe('Visibility, stories and investment', () => {
  it('reads them row for row, with blanks as null, 0 or false as the KPIs expect', () => {
    const report = run([
      tab(
        'Notoriété',
        ['Date', 'Type', 'Sentiment'],
        [
          ['10/03/2026', 'presse', 'positif'],
          ['11/03/2026', 'bouche-à-oreille', ''],
        ],
      ),
      tab(
        'Succès',
        ['Date', 'Titre', 'Membres', 'KPI', 'Valeur', 'Récit', 'Partageable'],
        [
          ['10/03/2026', 'Un contrat', 'M001, M002', 'business_generated', '12 000', 'Grâce au club…', 'oui'],
          ['11/03/2026', 'Une rencontre', '', '', '', '', 'non'],
          ['12/03/2026', 'Sans avis', '', '', '', '', ''],
        ],
      ),
      tab(
        'Investissements',
        ['Date', 'Catégorie', 'Heures', 'Montant'],
        [
          ['10/03/2026', 'salle', '', '350,50'],
          ['11/03/2026', 'temps', '12,5', ''],
        ],
      ),
    ]);
    const club = report.club;
    expect(club.mentions).toEqual([
      { row: 2, date: dayOf(2026, 3, 10), type: 'press', sentiment: 'positive' },
      { row: 3, date: dayOf(2026, 3, 11), type: 'word_of_mouth', sentiment: null },
    ]);
    expect(
      club.stories.map((s) => [s.row, s.title, s.members, s.kpi, s.value, s.story, s.shareable]),
    ).toEqual([
      [2, 'Un contrat', 'M001, M002', 'business_generated', 12_000, 'Grâce au club…', true],
      [3, 'Une rencontre', '', '', null, '', false],
      [4, 'Sans avis', '', '', null, '', false],
    ]);
    expect(club.stories[0].date).toBe(dayOf(2026, 3, 10));
    expect(club.spends).toEqual([
      { row: 2, date: dayOf(2026, 3, 10), category: 'venue', hours: null, amount: 350.5 },
      { row: 3, date: dayOf(2026, 3, 11), category: 'time', hours: 12.5, amount: null },
    ]);
  });
});

describe('Events and attendance', () => {
  it('keeps an event whole, drops a repeated ID, and reads its numbers and hot survey', () => {
    const report = run([
      tab(
        'Événements',
        [
          'ID événement',
          'Date',
          'Titre',
          'Format',
          'Capacité',
          'Coût',
          'Heures bénévoles',
          'Enquête à chaud',
        ],
        [
          ['E1', '10/03/2026', 'Petit-déj', 'petit-déjeuner', 30, '450', '6,5', 'HOT-E1'], // row 2
          ['E1', '11/03/2026', 'Doublon', '', '', '', '', ''], // row 3: repeated ID → dropped
          ['E2', '12/03/2026', '', '', '', '', '', ''], // row 4
        ],
      ),
    ]);
    expect(report.club.events).toEqual([
      {
        id: 'E1',
        row: 2,
        date: dayOf(2026, 3, 10),
        title: 'Petit-déj',
        format: 'breakfast',
        capacity: 30,
        cost: 450,
        volunteerHours: 6.5,
        hotSurvey: 'HOT-E1',
      },
      {
        id: 'E2',
        row: 4,
        date: dayOf(2026, 3, 12),
        title: '',
        format: null,
        capacity: null,
        cost: null,
        volunteerHours: null,
        hotSurvey: '',
      },
    ]);
    expect(coded(report, 'Événements')).toEqual([[3, 'ID événement', 'E1', 'duplicate_id']]);
  });

  it('makes a guest of a member not yet active on the event day, and counts a person once per event only', () => {
    const report = run([
      members(),
      tab(
        'Événements',
        ['ID événement', 'Date'],
        [
          ['E1', sheetDate('2026-03-10')],
          ['E2', sheetDate('2026-06-15')],
        ],
      ),
      tab(
        'Participations',
        ['ID événement', 'Membre', 'Inscrit', 'Présent', 'Invité', 'Invité par'],
        [
          // row 2: M003 joins on 1 June: on 10 March a guest, though a member row.
          ['E1', 'M003', 'oui', 'oui', '', 'M001'],
          // row 3: on 15 June M003 is a member: not a guest.
          ['E2', 'M003', '', '', '', ''],
          // row 4: the same M003 at E2 by email → a repeated row, reported, left out.
          ['E2', 'JEAN@club.fr', 'oui', 'oui', '', ''],
          // row 5: the same outside guest at E1 and at E2 is two rows, each counted once.
          ['E1', 'Camille Externe', 'oui', 'oui', 'oui', ''],
          ['E2', 'camille  externe', 'non', 'non', '', ''], // row 6: same person, other event
          ['E2', 'Camille Externe', 'oui', 'oui', '', ''], // row 7: same person, same event → repeated
        ],
      ),
    ]);
    const rows = report.club.attendance;
    expect(
      rows.map((a) => [a.row, a.event.id, a.member?.id ?? null, a.guest, a.registered, a.attended]),
    ).toEqual([
      [2, 'E1', 'M003', true, true, true],
      [3, 'E2', 'M003', false, true, null],
      [5, 'E1', null, true, true, true],
      [6, 'E2', null, true, false, false],
    ]);
    expect(rows.map((a) => a.personKey)).toEqual([
      'm:M003',
      'm:M003',
      'n:camille externe',
      'n:camille externe',
    ]);
    expect(rows[0].invitedBy?.id).toBe('M001');
    expect(rows[1].invitedBy).toBeNull();
    expect(coded(report, 'Participations')).toEqual([
      [4, 'Membre', 'JEAN@club.fr', 'duplicate_row'],
      [7, 'Membre', 'Camille Externe', 'duplicate_row'],
    ]);
  });
});

describe('Dues', () => {
  it('counts a row as paid by its status, or by a payment date when the status is blank', () => {
    const report = run([
      members(),
      tab(
        'Cotisations',
        ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
        [
          ['M001', '2025-2026', '120,00', '15/09/2025', 'payé'], // row 2
          ['M002', '2026', '', '15/01/2026', 'remboursé'], // row 3: a date, but refunded → not paid
          ['M003', '2026', '60', '', ''], // row 4: no status, no date → not paid
          ['', '2026', '60', '', ''], // row 5: no member → reported, left out
        ],
      ),
    ]);
    expect(report.club.dues).toEqual([
      {
        row: 2,
        member: report.club.members[0],
        term: 2025,
        amount: 120,
        paidOn: dayOf(2025, 9, 15),
        status: 'paid',
        paid: true,
      },
      {
        row: 3,
        member: report.club.members[1],
        term: 2026,
        amount: null,
        paidOn: dayOf(2026, 1, 15),
        status: 'refunded',
        paid: false,
      },
      {
        row: 4,
        member: report.club.members[2],
        term: 2026,
        amount: 60,
        paidOn: null,
        status: null,
        paid: false,
      },
    ]);
    expect(issues(report, 'paid_without_date')).toEqual([]);
  });
});

describe('Members', () => {
  it('keeps a member whole: names, company and sector, phone, profile, consent, and the sponsor', () => {
    const report = run([
      tab(
        'Membres',
        [
          'ID membre',
          'Prénom',
          'Nom',
          'E-mail',
          'Entreprise',
          'Secteur',
          "Date d'adhésion",
          'Date de départ',
          'Motif de départ',
          'Statut',
          'Parrain',
          'Téléphone',
          'Expertise',
          "Accepte d'être nommé·e",
        ],
        [
          [
            'M001',
            'Ana',
            'Lopez',
            'ana@club.fr',
            'Lopez SARL',
            'BTP',
            '01/01/2025',
            '',
            '',
            '',
            '',
            '06 12 34 56 78',
            'Devis',
            'oui',
          ],
          [
            'M002',
            'Léa',
            'Moreau',
            '',
            '',
            '',
            '01/01/2025',
            '31/03/2026',
            'Déménagement',
            'ancien',
            'Ana Lopez',
            '',
            '',
            'non',
          ],
        ],
      ),
    ]);
    const [ana, lea] = report.club.members;
    expect(ana).toMatchObject({
      id: 'M001',
      row: 2,
      firstName: 'Ana',
      lastName: 'Lopez',
      email: 'ana@club.fr',
      company: 'Lopez SARL',
      sector: 'BTP',
      joinedOn: dayOf(2025, 1, 1),
      leftOn: null,
      leaveReason: '',
      status: null,
      formerWithoutLeft: false,
      sponsor: null,
      phone: '06 12 34 56 78',
      agreesToBeNamed: true,
    });
    expect(ana.profile.expertise).toBe('Devis');
    expect(ana.profile.member_id).toBe('M001');
    // A blank profile cell is '' (never null), a date is its day number as text.
    expect(lea.profile.expertise).toBe('');
    expect(lea.profile.joined_on).toBe(String(dayOf(2025, 1, 1)));
    expect(lea).toMatchObject({
      leftOn: dayOf(2026, 3, 31),
      leaveReason: 'Déménagement',
      status: 'former',
      formerWithoutLeft: false,
      agreesToBeNamed: false,
    });
    expect(lea.sponsor).toBe(ana);
    expect(report.issues.filter((i) => i.tab === 'Membres')).toEqual([]);
  });

  it('resolves by email before names, keeps the first of two members with one email, and ignores nameless members', () => {
    const report = run([
      tab('Membres', MEMBERS, [
        ['M001', 'Ana', 'Lopez', 'ana@club.fr', '01/01/2025', '', ''],
        // An ID that is also another member's email: the ID wins.
        ['ana@club.fr', 'Zoé', 'Petit', 'zoe@club.fr', '01/01/2025', '', ''],
        ['M003', '', '', 'sans.nom@club.fr', '01/01/2025', '', ''],
        ['M004', '', 'Seul', '', '01/01/2025', '', ''],
      ]),
    ]);
    const { resolver, members: list } = report.club;
    expect(resolver.resolve('ana@club.fr')).toEqual({ member: list[1] });
    expect(resolver.resolve('ANA@CLUB.FR')).toEqual({ member: list[0] });
    // A nameless member is found by ID or email only; a blank reference finds nobody.
    expect(resolver.resolve('sans.nom@club.fr')).toEqual({ member: list[2] });
    expect(resolver.resolve('')).toEqual({ none: true });
    expect(resolver.resolve(' ')).toEqual({ none: true });
    // A member with a last name only is found by it.
    expect(resolver.resolve('seul')).toEqual({ member: list[3] });
    expect(resolver.resolve('Zoé Petit')).toEqual({ member: list[1] });
    expect(resolver.resolve('Petit Zoé')).toEqual({ member: list[1] });
  });

  it('keeps a member whose first and last names are the same word resolvable (one person, two spellings)', () => {
    const report = run([tab('Membres', MEMBERS, [['M001', 'Martin', 'Martin', '', '01/01/2025', '', '']])]);
    expect(report.club.resolver.resolve('martin martin')).toEqual({ member: report.club.members[0] });
  });
});

describe('Responses', () => {
  const header = [
    'Horodatage',
    'ID enquête',
    "Type d'enquête",
    'ID événement',
    'Membre',
    'NPS',
    'Satisfaction',
    'Contacts noués',
    'Contacts décisifs',
    'Valeur de la rencontre',
    'Appartenance',
    'Entraide',
  ];

  it('reads an answer whole, and decisive contacts above the contacts made as empty', () => {
    const report = run([
      members(),
      tab('Événements', ['ID événement', 'Date'], [['E1', sheetDate('2026-03-10')]]),
      tab('Réponses', header, [
        ['10/03/2026 21:00', 'HOT-E1', '', 'E1', 'M001', 9, 4, 5, 2, 4, 5, 3], // row 2
        ['10/03/2026 21:05', 'HOT-E1', 'chaud', 'E9', 'M002', 7, '', 2, 3, '', '', ''], // row 3: 3 decisive of 2
        ['11/03/2026', 'COLD-1', '', '', '', 10, '', '', '', '', '', ''], // row 4: no event → no kind
      ]),
    ]);
    const [a, b, c] = report.club.answers;
    expect(a).toMatchObject({
      row: 2,
      submittedOn: dayOf(2026, 3, 10),
      surveyId: 'HOT-E1',
      kind: 'hot',
      nps: 9,
      satisfaction: 4,
      contactsMade: 5,
      decisiveContacts: 2,
      connectionValue: 4,
      belonging: 5,
      mutualHelp: 3,
    });
    expect(a.event?.id).toBe('E1');
    expect(a.member?.id).toBe('M001');
    expect(b).toMatchObject({
      kind: 'hot',
      event: null,
      contactsMade: 2,
      decisiveContacts: null,
      satisfaction: null,
    });
    expect(c).toMatchObject({ kind: null, event: null, member: null, nps: 10 });
    expect(coded(report, 'Réponses')).toEqual([
      [3, 'ID événement', 'E9', 'unknown_event'],
      [3, 'Contacts décisifs', '3', 'decisive_over_made'],
    ]);
    expect(issues(report, 'decisive_over_made')[0].message).toBe(
      '3 contacts dans « Contacts décisifs », plus que les 2 de « Contacts noués » : la valeur est ignorée, le reste de la réponse compte.',
    );
  });

  it('keeps decisive contacts equal to the contacts made', () => {
    const report = run([
      members(),
      tab('Réponses', header, [['10/03/2026', 'COLD-1', 'froid', '', 'M001', '', '', 3, 3, '', '', '']]),
    ]);
    expect(report.club.answers[0].decisiveContacts).toBe(3);
    expect(issues(report, 'decisive_over_made')).toEqual([]);
  });

  it('keeps the latest answer of a member per survey: by day, then time of day, then sheet row', () => {
    const report = run([
      members(),
      tab('Réponses', header, [
        ['12/03/2026', 'COLD-1', 'froid', '', 'M001', 6, '', '', '', '', '', ''], // row 2: latest day
        ['10/03/2026 09:00', 'COLD-1', 'froid', '', 'ana@club.fr', 7, '', '', '', '', '', ''], // row 3: earlier
        ['11/03/2026 18:00', 'COLD-1', 'froid', '', 'M002', 8, '', '', '', '', '', ''], // row 4
        ['11/03/2026 09:00', 'COLD-1', 'froid', '', 'M002', 9, '', '', '', '', '', ''], // row 5: earlier time
        ['13/03/2026', 'COLD-1', 'froid', '', 'M003', 1, '', '', '', '', '', ''], // row 6
        ['13/03/2026', 'COLD-1', 'froid', '', 'M003', 2, '', '', '', '', '', ''], // row 7: same day → later row wins
        ['13/03/2026', 'COLD-2', 'froid', '', 'M003', 3, '', '', '', '', '', ''], // row 8: another survey
        ['13/03/2026', 'COLD-1', 'froid', '', '', 4, '', '', '', '', '', ''], // row 9: anonymous
        ['13/03/2026', 'COLD-1', 'froid', '', '  ', 5, '', '', '', '', '', ''], // row 10: anonymous too
      ]),
    ]);
    expect(report.club.answers.map((a) => [a.row, a.nps])).toEqual([
      [2, 6],
      [4, 8],
      [7, 2],
      [8, 3],
      [9, 4],
      [10, 5],
    ]);
    expect(issues(report, 'duplicate_answer').map((i) => [i.row, i.column, i.value, i.message])).toEqual([
      [
        3,
        'Membre',
        'ana@club.fr',
        'Réponse antérieure de « ana@club.fr » à l’enquête COLD-1 : seule la plus récente (ligne 2) est comptée.',
      ],
      [
        5,
        'Membre',
        'M002',
        'Réponse antérieure de « M002 » à l’enquête COLD-1 : seule la plus récente (ligne 4) est comptée.',
      ],
      [
        6,
        'Membre',
        'M003',
        'Réponse antérieure de « M003 » à l’enquête COLD-1 : seule la plus récente (ligne 7) est comptée.',
      ],
    ]);
  });
});

describe('edges of the model', () => {
  it('says which tabs hold data: present, readable and with a row', () => {
    const report = run([
      tab('Membres', MEMBERS, [['M001', 'Ana', 'Lopez', '', '01/01/2025', '', '']]),
      tab('Événements', ['ID événement', 'Date']), // header only
      tab('Cotisations', ['Montant'], [['120']]), // no member or term column: unreadable
    ]);
    const { hasData } = report.club;
    expect([hasData.members, hasData.events, hasData.dues, hasData.communications]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('counts an outside guest by email, whatever its case, once per event', () => {
    const report = run([
      members(),
      tab('Événements', ['ID événement', 'Date'], [['E1', sheetDate('2026-03-10')]]),
      tab(
        'Participations',
        ['ID événement', 'Membre'],
        [
          ['E1', 'Camille@Externe.fr'],
          ['E1', 'camille@externe.fr'], // row 3: the same guest again
        ],
      ),
    ]);
    expect(report.club.attendance.map((a) => a.personKey)).toEqual(['e:camille@externe.fr']);
    expect(coded(report, 'Participations')).toEqual([[3, 'Membre', 'camille@externe.fr', 'duplicate_row']]);
  });

  it('reports a paid row without a date with an empty value, on the column by its label when the tab lacks it', () => {
    const tabs = [
      members(),
      tab(
        'Cotisations',
        ['ID membre', 'Période', 'Statut'],
        [['M001', '2026', 'payé']], // paid, and no « Payé le » column at all
      ),
    ];
    const fr = run(tabs);
    expect(issues(fr, 'paid_without_date').map((i) => [i.tab, i.row, i.column, i.value])).toEqual([
      ['Cotisations', 2, 'Payé le', ''],
    ]);
    const en = run(tabs, { locale: 'en_GB', timeZone: 'Europe/London' });
    expect(issues(en, 'paid_without_date').map((i) => i.column)).toEqual(['Paid on']);
  });

  it('reports an ambiguous referral receiver on its own column', () => {
    const report = run([
      members(['M004', 'Jean', 'Dupont', 'jd@autre.fr', '01/01/2025', '', '']),
      tab('Recommandations', ['Date', 'Donneur', 'Bénéficiaire'], [['10/03/2026', 'M001', 'Dupont Jean']]),
    ]);
    expect(report.club.referrals[0].receiver).toBeNull();
    expect(coded(report, 'Recommandations')).toEqual([
      [2, 'Bénéficiaire', 'Dupont Jean', 'ambiguous_member'],
    ]);
  });

  it('orders answers of one day by their time, midnight coming after an answer without a time', () => {
    const header = ['Horodatage', 'ID enquête', 'Membre', 'NPS'];
    const report = run([
      members(),
      tab('Réponses', header, [
        ['10/03/2026 00:00', 'COLD-1', 'M001', 9], // row 2: at midnight (time 0)
        ['10/03/2026', 'COLD-1', 'M001', 3], // row 3: the day only: before any time, though a later row
      ]),
    ]);
    expect(report.club.answers.map((a) => [a.row, a.nps])).toEqual([[2, 9]]);
    expect(issues(report, 'duplicate_answer').map((i) => i.row)).toEqual([3]);
  });

  it('keeps decisive contacts when the contacts made are blank (nothing to compare with)', () => {
    const header = ['Horodatage', 'ID enquête', 'Membre', 'Contacts noués', 'Contacts décisifs'];
    const report = run([members(), tab('Réponses', header, [['10/03/2026', 'COLD-1', 'M001', '', 2]])]);
    expect(report.club.answers[0]).toMatchObject({ contactsMade: null, decisiveContacts: 2 });
    expect(issues(report, 'decisive_over_made')).toEqual([]);
  });
});

describe('issues name columns as the club typed them', () => {
  it('reports a repeated email on « Courriel » when that is the header', () => {
    const report = run([
      tab(
        'Membres',
        ['ID membre', 'Prénom', 'Nom', 'Courriel', "Date d'adhésion"],
        [
          ['M001', 'Ana', 'Lopez', 'ana@club.fr', '01/01/2025'],
          ['M002', 'Paul', 'Durand', 'ANA@club.fr', '01/01/2025'], // row 3
        ],
      ),
    ]);
    expect(coded(report, 'Membres')).toEqual([[3, 'Courriel', 'ANA@club.fr', 'duplicate_email']]);
  });
});
