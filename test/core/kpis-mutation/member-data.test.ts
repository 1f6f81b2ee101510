/**
 * A member's data (src/core/member-data.ts), hand-worked (issue 23) on a small workbook: Alice
 * Martin (M1, alice@exemple.fr, Atelier Martin, 06 12 34 56 78) sponsors Bruno (M2); two members are
 * called Jean Dupont; Participations names Alice by id and once by e-mail; a board tab the add-on
 * does not track mentions her by name, id, company and phone. Export: every row naming her, and
 * of Bruno's row only the id and the sponsor cell. Erasure: her personal cells cleared, « Effacé le »
 * added, her references and mentions replaced by her id, or by ANON-001 when her id is her e-mail.
 */

import { describe, expect, it } from 'vitest';
import { exportMemberData, planErase } from '../../../src/core/member-data';
import { EVENTS_HEADER, issues, MEMBERS_HEADER, run, sheetDate, tab } from '../fixtures';

/** The edits clearing these columns of one row. */
const cleared = (tab: string, row: number, columns: number[]) =>
  columns.map((column) => ({ tab, row, column, value: null }));

const HEADER = [
  'ID membre',
  'Prénom',
  'Nom',
  'E-mail',
  'Entreprise',
  'Téléphone',
  "Date d'adhésion",
  'Parrain',
];

function tabs(firstId = 'M1') {
  return [
    tab('Membres', HEADER, [
      [firstId, 'Alice', 'Martin', 'alice@exemple.fr', 'Atelier Martin', '06 12 34 56 78', '01/01/2025', ''],
      ['M2', 'Bruno', 'Petit', 'bruno@exemple.fr', 'Petit SA', '', '01/01/2025', firstId],
      ['M3', 'Jean', 'Dupont', 'jean1@exemple.fr', 'Petit SA', '', '01/01/2025', ''],
      ['M4', 'Jean', 'Dupont', 'jean2@exemple.fr', '', '', '01/01/2025', ''],
    ]),
    tab('Événements', ['ID événement', 'Date', 'Titre'], [['E1', '10/03/2026', 'Petit-déj']]),
    tab(
      'Participations',
      ['ID événement', 'Membre', 'Inscrit', 'Présent'],
      [
        ['E1', firstId, 'oui', 'oui'],
        ['E1', 'M2', 'oui', 'oui'],
        ['E1', 'alice@exemple.fr', 'oui', 'non'],
      ],
    ),
    tab(
      'Notes du bureau',
      ['Sujet', 'Texte'],
      [
        ['appel', 'Appeler alice martin demain'],
        ['id', firstId],
        ['autre', 'Rien à voir'],
        ['société', "Visite chez l'atelier martin"],
        ['tel', 'Numéro : 06 12 34 56 78'],
      ],
    ),
  ];
}

const input = (member: string, firstId = 'M1', locale = 'fr_FR') => ({
  tabs: tabs(firstId),
  locale,
  timeZone: 'Europe/Paris',
  today: '2026-11-15',
  member,
});

describe('looking the member up', () => {
  it('names no member for an unknown or blank reference, and asks for more when the name is shared', () => {
    expect(exportMemberData(input('Zoé'))).toEqual({
      ok: false,
      code: 'unknown_member',
      message: 'Aucun membre ne correspond à « Zoé » (ID, e-mail ou nom).',
    });
    expect(exportMemberData(input('  '))).toEqual({
      ok: false,
      code: 'unknown_member',
      message: 'Aucun membre ne correspond à «  » (ID, e-mail ou nom).',
    });
    expect(planErase(input('Jean Dupont', 'M1', 'en_US'))).toEqual({
      ok: false,
      code: 'ambiguous_member',
      message: 'Several members are called "Jean Dupont": give their ID or email.',
    });
    expect(exportMemberData(input('Jean Dupont'))).toMatchObject({
      code: 'ambiguous_member',
      message: 'Plusieurs membres s’appellent « Jean Dupont » : donnez son ID ou son e-mail.',
    });
  });
});

describe('exportMemberData', () => {
  it('gives every row naming her, and of her godson’s row only the id and the sponsor', () => {
    const r = exportMemberData(input('alice@exemple.fr'));
    if (!r.ok) throw new Error(r.message);
    expect(r.data.member).toEqual({
      id: 'M1',
      firstName: 'Alice',
      lastName: 'Martin',
      email: 'alice@exemple.fr',
    });
    expect(r.data.exportedOn).toBe('2026-11-15');
    expect(r.data.tabs.map((t) => t.tab)).toEqual(['Membres', 'Participations', 'Notes du bureau']);
    expect(r.data.tabs[0]).toEqual({
      tab: 'Membres',
      headers: HEADER,
      rows: [
        {
          row: 2,
          values: {
            'ID membre': 'M1',
            Prénom: 'Alice',
            Nom: 'Martin',
            'E-mail': 'alice@exemple.fr',
            Entreprise: 'Atelier Martin',
            Téléphone: '06 12 34 56 78',
            "Date d'adhésion": '01/01/2025',
          },
        },
        { row: 3, values: { 'ID membre': 'M2', Parrain: 'M1' } },
      ],
    });
    expect(r.data.tabs[1].rows).toEqual([
      { row: 2, values: { 'ID événement': 'E1', Membre: 'M1', Inscrit: 'oui', Présent: 'oui' } },
      {
        row: 4,
        values: { 'ID événement': 'E1', Membre: 'alice@exemple.fr', Inscrit: 'oui', Présent: 'non' },
      },
    ]);
    expect(r.data.tabs[2].rows).toEqual([
      { row: 2, values: { Sujet: 'appel', Texte: 'Appeler alice martin demain' } },
      { row: 3, values: { Sujet: 'id', Texte: 'M1' } },
      { row: 5, values: { Sujet: 'société', Texte: "Visite chez l'atelier martin" } },
      { row: 6, values: { Sujet: 'tel', Texte: 'Numéro : 06 12 34 56 78' } },
    ]);
  });
});

describe('planErase', () => {
  it('clears her personal cells, dates the erasure and replaces every mention by her id', () => {
    const r = planErase(input('M1'));
    if (!r.ok) throw new Error(r.message);
    expect(r.plan).toEqual({
      memberId: 'M1',
      replacement: 'M1',
      pseudonym: false,
      already: false,
      edits: [
        ...cleared('Membres', 2, [2, 3, 4, 5]),
        { tab: 'Membres', row: 2, column: 6, value: '[effacé]' },
        { tab: 'Membres', row: 1, column: 9, value: 'Effacé le' },
        { tab: 'Membres', row: 2, column: 9, value: '2026-11-15' },
        { tab: 'Participations', row: 4, column: 2, value: 'M1' },
        { tab: 'Notes du bureau', row: 2, column: 2, value: 'Appeler M1 demain' },
        { tab: 'Notes du bureau', row: 5, column: 2, value: "Visite chez l'M1" },
        { tab: 'Notes du bureau', row: 6, column: 2, value: 'Numéro : M1' },
      ],
      notes: [],
      formulas: [],
    });
  });

  it('replaces an id that is her e-mail by a pseudonym everywhere', () => {
    const r = planErase(input('Alice Martin', 'alice@exemple.fr'));
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.replacement).toBe('ANON-001');
    expect(r.plan.pseudonym).toBe(true);
    expect(r.plan.edits).toEqual([
      ...cleared('Membres', 2, [2, 3, 4, 5]),
      { tab: 'Membres', row: 2, column: 6, value: '[effacé]' },
      { tab: 'Membres', row: 2, column: 1, value: 'ANON-001' },
      { tab: 'Membres', row: 1, column: 9, value: 'Effacé le' },
      { tab: 'Membres', row: 2, column: 9, value: '2026-11-15' },
      { tab: 'Membres', row: 3, column: 8, value: 'ANON-001' },
      { tab: 'Participations', row: 2, column: 2, value: 'ANON-001' },
      { tab: 'Participations', row: 4, column: 2, value: 'ANON-001' },
      { tab: 'Notes du bureau', row: 2, column: 2, value: 'Appeler ANON-001 demain' },
      { tab: 'Notes du bureau', row: 3, column: 2, value: 'ANON-001' },
      { tab: 'Notes du bureau', row: 5, column: 2, value: "Visite chez l'ANON-001" },
      { tab: 'Notes du bureau', row: 6, column: 2, value: 'Numéro : ANON-001' },
    ]);
  });
});

// A second workbook, read in English: Alice's id is her name (so she gets a pseudonym, ANON-001 being
// taken by a member erased before), her company is shared (so it does not name her), her phone is
// too short to, and she answered the hot survey twice (the first answer no longer counts).
const HEADER_EN = [
  'ID membre',
  'Prénom',
  'Nom',
  'E-mail',
  'Entreprise',
  'Téléphone',
  "Date d'adhésion",
  'Parrain',
  'Effacé le',
];
function englishTabs() {
  return [
    tab('Membres', HEADER_EN, [
      ['Martin Alice', 'Alice', 'Martin', 'al@x.fr', 'Petit SA', '12 34', '01/01/2025', '', ''],
      ['ANON-001', '', '', '', '', '', '01/01/2025', '', sheetDate('2026-01-01')],
      ['M3', 'Jean', 'Dupont', 'jd@x.fr', 'Petit SA', '', '01/01/2025', 'Martin Alice', ''],
      // A hole in the values (the code skips rows that are not arrays).
      null as unknown as unknown[],
    ]),
    tab(
      'Événements',
      ['ID événement', 'Date', 'Titre'],
      [
        ['E1', '10/03/2026', 'Petit-déj'],
        ['E2', '20/03/2026', 'Afterwork'],
      ],
    ),
    tab(
      'Réponses',
      ['Horodatage', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'NPS', 'Commentaire'],
      [
        [sheetDate('2026-03-11'), 'HOT-E1', 'chaud', 'E1', 'Martin Alice', 9, 'Super, merci Jean Dupont'],
        [sheetDate('2026-03-12'), 'HOT-E1', 'chaud', 'E1', 'al@x.fr', 10, 'Encore mieux'],
        [sheetDate('2026-03-12'), 'HOT-E1', 'chaud', 'E1', 'M3', 7, 'Bien, vu Alice Martin'],
      ],
    ),
    tab(
      'Journal',
      ['', 'Texte', ''],
      [
        ['a', 'al@x.fr', 'Martin Alice'],
        ['b', 'rien', 'Petit SA'],
      ],
    ),
  ];
}
const englishInput = (member: string) => ({
  tabs: englishTabs(),
  locale: 'en_US',
  timeZone: 'Europe/Paris',
  today: '2026-11-15',
  member,
});

describe('a member whose id is her name, in English', () => {
  it('exports her rows, the untitled columns by position', () => {
    const r = exportMemberData(englishInput('al@x.fr'));
    expect(r).toEqual({
      ok: true,
      data: {
        member: { id: 'Martin Alice', firstName: 'Alice', lastName: 'Martin', email: 'al@x.fr' },
        exportedOn: '2026-11-15',
        tabs: [
          {
            tab: 'Membres',
            headers: [
              'ID membre',
              'Prénom',
              'Nom',
              'E-mail',
              'Entreprise',
              'Téléphone',
              "Date d'adhésion",
              'Parrain',
              'Effacé le',
            ],
            rows: [
              {
                row: 2,
                values: {
                  'ID membre': 'Martin Alice',
                  Prénom: 'Alice',
                  Nom: 'Martin',
                  'E-mail': 'al@x.fr',
                  Entreprise: 'Petit SA',
                  Téléphone: '12 34',
                  "Date d'adhésion": '01/01/2025',
                },
              },
              { row: 4, values: { 'ID membre': 'M3', Parrain: 'Martin Alice' } },
            ],
          },
          {
            tab: 'Réponses',
            headers: [
              'Horodatage',
              'ID enquête',
              "Type d'enquête",
              'ID événement',
              'Membre',
              'NPS',
              'Commentaire',
            ],
            rows: [
              {
                row: 2,
                values: {
                  Horodatage: '2026-03-11',
                  'ID enquête': 'HOT-E1',
                  "Type d'enquête": 'chaud',
                  'ID événement': 'E1',
                  Membre: 'Martin Alice',
                  NPS: '9',
                  Commentaire: 'Super, merci Jean Dupont',
                },
              },
              {
                row: 3,
                values: {
                  Horodatage: '2026-03-12',
                  'ID enquête': 'HOT-E1',
                  "Type d'enquête": 'chaud',
                  'ID événement': 'E1',
                  Membre: 'al@x.fr',
                  NPS: '10',
                  Commentaire: 'Encore mieux',
                },
              },
              {
                row: 4,
                values: {
                  Horodatage: '2026-03-12',
                  'ID enquête': 'HOT-E1',
                  "Type d'enquête": 'chaud',
                  'ID événement': 'E1',
                  Membre: 'M3',
                  NPS: '7',
                  Commentaire: 'Bien, vu Alice Martin',
                },
              },
            ],
          },
          {
            tab: 'Journal',
            headers: ['#1', 'Texte', '#3'],
            rows: [{ row: 2, values: { '#1': 'a', Texte: 'al@x.fr', '#3': 'Martin Alice' } }],
          },
        ],
      },
    });
  });

  it('erases her superseded answer whole, the member and comment of the counted one, and takes the next free pseudonym', () => {
    const r = planErase(englishInput('al@x.fr'));
    expect(r).toEqual({
      ok: true,
      plan: {
        memberId: 'Martin Alice',
        replacement: 'ANON-002',
        pseudonym: true,
        already: false,
        edits: [
          ...cleared('Membres', 2, [2, 3, 4, 5]),
          { tab: 'Membres', row: 2, column: 6, value: '[erased]' },
          { tab: 'Membres', row: 2, column: 1, value: 'ANON-002' },
          { tab: 'Membres', row: 2, column: 9, value: '2026-11-15' },
          { tab: 'Membres', row: 4, column: 8, value: 'ANON-002' },
          ...cleared('Réponses', 2, [1, 2, 3, 4, 5, 6, 7]),
          { tab: 'Réponses', row: 3, column: 5, value: null },
          { tab: 'Réponses', row: 3, column: 7, value: null },
          { tab: 'Réponses', row: 4, column: 7, value: 'Bien, vu ANON-002' },
          { tab: 'Journal', row: 2, column: 2, value: 'ANON-002' },
          { tab: 'Journal', row: 2, column: 3, value: 'ANON-002' },
        ],
        notes: [],
        formulas: [],
      },
    });
  });

  it('finds nothing left to do for a member already erased', () => {
    expect(planErase(englishInput('ANON-001'))).toEqual({
      ok: true,
      plan: {
        memberId: 'ANON-001',
        replacement: 'ANON-001',
        pseudonym: false,
        already: true,
        edits: [],
        notes: [],
        formulas: [],
      },
    });
  });
});

describe('dropErasedRowIssues (through a report)', () => {
  it('reports nothing about an erased member’s own row, and still about the others and other tabs', () => {
    const report = run([
      tab(
        'Membres',
        [...MEMBERS_HEADER, 'Effacé le'],
        [
          ['ANON-001', '', '', '', 'pas une date', '', '', sheetDate('2026-01-01')],
          ['M2', 'Bruno', 'Petit', 'bruno@x.fr', 'pas une date', '', '', ''],
        ],
      ),
      tab('Événements', EVENTS_HEADER, [['E1', 'pas une date', '', '']]),
    ]);
    expect(issues(report, 'bad_date').map((i) => [i.tab, i.row])).toEqual([
      ['Membres', 3],
      ['Événements', 2],
    ]);
    expect(issues(report, 'missing_tab').length).toBeGreaterThan(0);
    const plain = run([
      tab('Membres', MEMBERS_HEADER, [['M2', 'Bruno', 'Petit', 'bruno@x.fr', 'pas une date', '', '']]),
    ]);
    expect(issues(plain, 'bad_date').map((i) => [i.tab, i.row])).toEqual([['Membres', 2]]);
    const noMembers = run([tab('Événements', EVENTS_HEADER, [['E1', 'pas une date', '', '']])]);
    expect(issues(noMembers, 'bad_date').map((i) => [i.tab, i.row])).toEqual([['Événements', 2]]);
  });
});

// A third workbook: Alice's company is her last name « Martin », her phone has six digits; Bruno
// has no last name, a three-letter company « Roy » and a five-digit phone: none of those name him.
function notesTabs() {
  return [
    tab(
      'Membres',
      ['ID membre', 'Prénom', 'Nom', 'E-mail', 'Entreprise', 'Téléphone', "Date d'adhésion"],
      [
        ['M1', 'Alice', 'Martin', 'alice@ex.fr', 'Martin', '12 34 56', '01/01/2025'],
        ['M2', 'Bruno', '', 'bruno@ex.fr', 'Roy', '12 345', '01/01/2025'],
      ],
    ),
    tab(
      'Notes',
      ['Sujet', 'Texte'],
      [
        ['a', 'Alice Martin au tel'],
        ['b', 'Appeler le 12 34 56'],
        ['c', 'Martin   Alice'],
        ['d', 'chez Martin'],
        ['e', 'Bruno Roy'],
        ['f', 'Roy'],
        ['g', 'tel 12 345'],
      ],
    ),
  ];
}
const notesInput = (member: string) => ({
  tabs: notesTabs(),
  locale: 'fr_FR',
  timeZone: 'Europe/Paris',
  today: '2026-11-15',
  member,
});

describe('what names a member in free text', () => {
  it('replaces her full name (the longest first, spaces lenient), her six-digit phone and her own company', () => {
    const r = planErase(notesInput('M1'));
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.edits.filter((e) => e.tab === 'Notes')).toEqual([
      { tab: 'Notes', row: 2, column: 2, value: 'M1 au tel' },
      { tab: 'Notes', row: 3, column: 2, value: 'Appeler le M1' },
      { tab: 'Notes', row: 4, column: 2, value: 'M1' },
      { tab: 'Notes', row: 5, column: 2, value: 'chez M1' },
    ]);
  });

  it('takes neither a first name alone, nor a three-letter company, nor a five-digit phone', () => {
    const r = planErase(notesInput('M2'));
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.edits).toEqual([
      ...cleared('Membres', 3, [2, 4, 5]),
      { tab: 'Membres', row: 3, column: 6, value: '[effacé]' },
      { tab: 'Membres', row: 1, column: 8, value: 'Effacé le' },
      { tab: 'Membres', row: 3, column: 8, value: '2026-11-15' },
    ]);
    const x = exportMemberData(notesInput('M2'));
    if (!x.ok) throw new Error(x.message);
    expect(x.data.tabs.map((t) => [t.tab, t.rows.map((row) => row.row)])).toEqual([['Membres', [3]]]);
  });
});

describe('dues, a shared name and a long reference', () => {
  const withExtras = () =>
    tabs()
      .map((t) =>
        t.name === 'Participations'
          ? { ...t, values: [...t.values, ['E1', 'Jean Dupont', 'oui', 'oui']] }
          : t,
      )
      .concat([
        tab('Cotisations', ['ID membre', 'Date de paiement', 'Montant'], [['M1', '15/01/2026', 100]]),
      ]);
  const extraInput = (member: string) => ({ ...input(member), tabs: withExtras() });

  it('exports her dues row but erases nothing in it and dates the erasure on her Members row only', () => {
    const x = exportMemberData(extraInput('M1'));
    if (!x.ok) throw new Error(x.message);
    expect(x.data.tabs.find((t) => t.tab === 'Cotisations')?.rows).toEqual([
      { row: 2, values: { 'ID membre': 'M1', 'Date de paiement': '15/01/2026', Montant: '100' } },
    ]);
    const r = planErase(extraInput('M1'));
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.edits.filter((e) => e.tab === 'Cotisations')).toEqual([]);
    expect(r.plan.edits.filter((e) => e.tab === 'Participations')).toEqual([
      { tab: 'Participations', row: 4, column: 2, value: 'M1' },
    ]);
  });

  it('marks a reference by a name two members share as erased, for the member erased', () => {
    const r = planErase(extraInput('M3'));
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.edits.filter((e) => e.tab === 'Participations')).toEqual([
      { tab: 'Participations', row: 5, column: 2, value: '[effacé] M3' },
    ]);
  });

  it('quotes at most 200 characters of a reference that names nobody', () => {
    const r = exportMemberData(input('x'.repeat(250)));
    expect(r).toEqual({
      ok: false,
      code: 'unknown_member',
      message: `Aucun membre ne correspond à « ${'x'.repeat(200)} » (ID, e-mail ou nom).`,
    });
  });
});

describe('two rows with her id, and the Settings tab', () => {
  const twoRows = (erasedColumn: boolean) => [
    tab(
      'Membres',
      ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", ...(erasedColumn ? ['Effacé le'] : [])],
      [
        ['M1', 'Alice', 'Martin', 'alice@ex.fr', '01/01/2025', ...(erasedColumn ? [''] : [])],
        ['M1', 'Alice', 'Martin', 'alice@ex.fr', '01/01/2025', ...(erasedColumn ? [''] : [])],
      ],
    ),
    tab(
      'Paramètres',
      ['Clé', 'Valeur'],
      [
        ['contact', 'alice@ex.fr'],
        ['devise', 'EUR'],
      ],
    ),
  ];
  const erase = (erasedColumn: boolean) => {
    const r = planErase({
      tabs: twoRows(erasedColumn),
      locale: 'fr_FR',
      timeZone: 'Europe/Paris',
      today: '2026-11-15',
      member: 'M1',
    });
    if (!r.ok) throw new Error(r.message);
    return r.plan.edits;
  };

  it('erases both rows, adds the « Effacé le » header once, and scrubs her address from Settings', () => {
    const own = (row: number) => [
      { tab: 'Membres', row, column: 2, value: null },
      { tab: 'Membres', row, column: 3, value: null },
      { tab: 'Membres', row, column: 4, value: null },
    ];
    expect(erase(false)).toEqual([
      ...own(2),
      { tab: 'Membres', row: 1, column: 6, value: 'Effacé le' },
      { tab: 'Membres', row: 2, column: 6, value: '2026-11-15' },
      ...own(3),
      { tab: 'Membres', row: 3, column: 6, value: '2026-11-15' },
      { tab: 'Paramètres', row: 2, column: 2, value: 'M1' },
    ]);
    expect(erase(true)).toEqual([
      ...own(2),
      { tab: 'Membres', row: 2, column: 6, value: '2026-11-15' },
      ...own(3),
      { tab: 'Membres', row: 3, column: 6, value: '2026-11-15' },
      { tab: 'Paramètres', row: 2, column: 2, value: 'M1' },
    ]);
  });
});
