/**
 * BNI PALMS summary reports (src/core/imports/palms.ts), hand-worked where
 * test/core/imports/palms.test.ts leaves room (issue 23): every plan is built inside its test. The
 * rows are those a SpreadsheetML reader hands over (reference/export-formats.md §5.1): title rows
 * with their value a few cells to the right, empty spacer columns, `-` for zero, a currency prefix
 * on TYFCB, an end row (`Total`) whose first cell is blank. Each expected row is worked out in a
 * comment: meetings = the largest P + A + L + M + S; a member's attendance starts at meeting
 * (index + 1), P + L attended then A + M + S missed; V guest rows; RGI, RGO, RRO referrals; one
 * won referral for TYFCB; 1-2-1 interactions.
 */

import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/core/imports';
import type { ImportInput, ImportPlan } from '../../../src/core/imports/types';
import { added, type Tabs, write } from '../imports/helpers';

const FILE = 'Chapter_Summary_PALMS_Report_31-03-2026_9-15_AM.xls';

// The member table's header, spacer columns included (§5.1).
const HEADER = 'First Name,Last Name,P,A,,L,M,S,,RGI,RGO,RRI,,RRO,V,1-2-1,,TYFCB,CEU,T'.split(',');

interface Totals {
  P?: string;
  A?: string;
  L?: string;
  M?: string;
  S?: string;
  RGI?: string;
  RGO?: string;
  RRI?: string;
  RRO?: string;
  V?: string;
  o2o?: string;
  TYFCB?: string;
}

/** A member line in the header's column order; a total left out is written `-` (zero). */
function line(first: string, last: string, t: Totals): string[] {
  const z = (v?: string) => v ?? '-';
  return [
    first,
    last,
    z(t.P),
    z(t.A),
    '',
    z(t.L),
    z(t.M),
    z(t.S),
    '',
    z(t.RGI),
    z(t.RGO),
    z(t.RRI),
    '',
    z(t.RRO),
    z(t.V),
    z(t.o2o),
    '',
    z(t.TYFCB),
    '0',
    '0',
  ];
}

const title = (from: string, to: string): string[][] => [
  ['Chapter Summary PALMS Report', '', '', '', ''],
  ['Chapter:', '', '', '', 'Paris Étoile'],
  ['From:', '', '', '', from],
  ['To:', '', '', '', to],
  [''],
  [''],
  [''],
];

const frenchMembers: Tabs = [
  {
    name: 'Membres',
    values: [
      ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion"],
      ['M003', 'Alice', 'Martin', 'alice@example.org', '01/01/2024'],
      ['M007', 'Bob', 'Durand', 'bob@example.org', '01/01/2024'],
      ['M010', 'Chloé', 'Petit', 'chloe@example.org', '01/06/2025'],
      ['M011', 'Jean', 'Dupont', 'jean.dupont@cabinet.fr', '01/06/2025'],
      ['M012', 'Jean', 'Dupont', 'jdupont@menuiserie.fr', '01/09/2025'],
    ],
  },
];

function run(rows: string[][], options: Partial<ImportInput> = {}) {
  return planImport({
    rows,
    fileName: FILE,
    lang: 'fr',
    locale: 'fr_FR',
    existing: { tabs: frenchMembers },
    ...options,
  });
}

function planOf(rows: string[][], options: Partial<ImportInput> = {}): ImportPlan {
  const result = run(rows, options);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

// The first quarter of 2026, lines numbered as in the file (title rows 1–7, header on line 8):
// line 9  Alice Martin: P 3, A 1, L 1, M 1, S 1 (7 meetings), RGI 1, RGO 1, RRI 2, RRO 1, V 2,
//         1-2-1 2, TYFCB ₹1,200.00.
// line 10 a blank line (read past).
// line 11 Bob Durand: L 1, S 1 (2 meetings), RRO 2, V 1, everything else `-`.
// line 12 Chloé Petit: all `-`, TYFCB 0 — nothing to add, and not a skipped line either.
// line 13 the `Total` row, its first cell blank: the table ends there, so Zoé Klein (line 14,
//         unknown) is never read.
const quarter = (alice121 = '2'): string[][] => [
  ...title('01/01/2026', '31/03/2026'),
  HEADER,
  line('Alice', 'Martin', {
    P: '3',
    A: '1',
    L: '1',
    M: '1',
    S: '1',
    RGI: '1',
    RGO: '1',
    RRI: '2',
    RRO: '1',
    V: '2',
    o2o: alice121,
    TYFCB: '₹1,200.00',
  }),
  ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
  line('Bob', 'Durand', { L: '1', S: '1', RRO: '2', V: '1' }),
  line('Chloé', 'Petit', { TYFCB: '0' }),
  ['  ', 'Total', '3', '1', '', '2', '1', '2', '', '1', '1', '2', '', '3', '3', '2', '', '1200', '0', '0'],
  line('Zoé', 'Klein', { P: '5' }),
];

const REF = 'palms:2026-01-01:2026-03-31';

describe('a quarter’s report, in French', () => {
  it('adds one summary meeting per meeting of the busiest member, dated on the report’s end', () => {
    const p = planOf(quarter());
    // meetings = max(1, Alice 3 + 1 + 1 + 1 + 1 = 7, Bob 0 + 0 + 1 + 0 + 1 = 2, Chloé 0) = 7.
    expect(added(p, 'events')).toMatchObject(
      [1, 2, 3, 4, 5, 6, 7].map((k) => ({
        event_id: `PALMS-2026-03-31-0${k}`,
        date: '2026-03-31',
        title: `Réunion BNI ${k}/7 (PALMS du 01/01/2026 au 31/03/2026)`,
        source_ref: `${REF}:meeting:${k}`,
      })),
    );
    expect(p.notes).toEqual([
      'Rapport PALMS du 01/01/2026 au 31/03/2026 : les totaux par membre sont enregistrés au 31/03/2026 (7 réunions de synthèse, sans détail par réunion).',
      'Les recommandations reçues de l’intérieur (RRI) ne sont pas ajoutées : elles sont déjà comptées comme données (RGI) par d’autres membres.',
    ]);
    // Nobody is skipped: the blank line is read past, Chloé has nothing to add, Zoé is after Total.
    expect(p.skipped).toEqual([]);
  });

  it('gives each member P + L meetings attended then A + M + S missed, from their own start', () => {
    const p = planOf(quarter());
    const attendance = added(p, 'attendance').filter((a) => a.guest !== 'oui');
    const row = (member: string, k: number, attended: string) => ({
      event_id: `PALMS-2026-03-31-0${k}`,
      member,
      registered: 'oui',
      attended,
      source_ref: `${REF}:${member}:meeting:${k}`,
    });
    // Alice (index 0): present 3 + 1 = 4 from meeting 1 (1–4), absent 1 + 1 + 1 = 3 (5–7).
    // Bob (index 1): present 1 (L) at meeting 2, absent 1 (S) at meeting 3.
    expect(
      attendance.map(({ event_id, member, registered, attended, source_ref }) => ({
        event_id,
        member,
        registered,
        attended,
        source_ref,
      })),
    ).toEqual([
      row('M003', 1, 'oui'),
      row('M003', 2, 'oui'),
      row('M003', 3, 'oui'),
      row('M003', 4, 'oui'),
      row('M003', 5, 'non'),
      row('M003', 6, 'non'),
      row('M003', 7, 'non'),
      row('M007', 2, 'oui'),
      row('M007', 3, 'non'),
    ]);
  });

  it('adds V visitors per member, invited by them, from the member’s own meeting on', () => {
    const p = planOf(quarter());
    const guests = added(p, 'attendance')
      .filter((a) => a.guest === 'oui')
      .map(({ event_id, member, attended, invited_by, source_ref }) => ({
        event_id,
        member,
        attended,
        invited_by,
        source_ref,
      }));
    // Alice (index 0) V 2: meetings (0 + 0) % 7 + 1 = 1 and (0 + 1) % 7 + 1 = 2.
    // Bob (index 1) V 1: meeting (1 + 0) % 7 + 1 = 2.
    expect(guests).toEqual([
      {
        event_id: 'PALMS-2026-03-31-01',
        member: 'Visiteur 1 de Alice Martin (PALMS 2026-03-31)',
        attended: 'oui',
        invited_by: 'M003',
        source_ref: `${REF}:M003:visitor:1`,
      },
      {
        event_id: 'PALMS-2026-03-31-02',
        member: 'Visiteur 2 de Alice Martin (PALMS 2026-03-31)',
        attended: 'oui',
        invited_by: 'M003',
        source_ref: `${REF}:M003:visitor:2`,
      },
      {
        event_id: 'PALMS-2026-03-31-02',
        member: 'Visiteur 1 de Bob Durand (PALMS 2026-03-31)',
        attended: 'oui',
        invited_by: 'M007',
        source_ref: `${REF}:M007:visitor:1`,
      },
    ]);
  });

  it('adds RGI, RGO and RRO as open referrals and TYFCB as one won referral, RRI left out', () => {
    const p = planOf(quarter());
    const referral = (giver: string, receiver: string, note: string) => ({ giver, receiver, note });
    const referrals = added(p, 'referrals');
    expect(referrals.map((r) => referral(String(r.giver), String(r.receiver), String(r.note)))).toEqual([
      // Alice: RGI 1 to the chapter, RGO 1 outside, RRO 1 from outside; RRI 2 not added.
      referral('M003', 'Membre du chapitre (PALMS)', `${REF}:M003:rgi:1`),
      referral('M003', 'Hors chapitre (PALMS)', `${REF}:M003:rgo:1`),
      referral('Hors chapitre (PALMS)', 'M003', `${REF}:M003:rro:1`),
      // ₹1,200.00 read in the report's en_US numbers: 1200.
      referral('Membre du chapitre (PALMS)', 'M003', `${REF}:M003:tyfcb`),
      // Bob: RRO 2; TYFCB `-` is no business.
      referral('Hors chapitre (PALMS)', 'M007', `${REF}:M007:rro:1`),
      referral('Hors chapitre (PALMS)', 'M007', `${REF}:M007:rro:2`),
    ]);
    for (const r of referrals) {
      expect(r.date).toBe('2026-03-31');
      expect(r.type).toBe('recommandation');
    }
    expect(referrals.filter((r) => r.status !== '')).toEqual([
      expect.objectContaining({ status: 'gagné', value: 1200, closed_on: '2026-03-31', receiver: 'M003' }),
    ]);
  });

  it('adds the one-to-ones as mutual-help interactions', () => {
    const p = planOf(quarter());
    // Alice 1-2-1 2; Bob `-`.
    expect(
      added(p, 'interactions').map(({ date, member, type, channel, note }) => ({
        date,
        member,
        type,
        channel,
        note,
      })),
    ).toEqual(
      [1, 2].map((r) => ({
        date: '2026-03-31',
        member: 'M003',
        type: 'entraide',
        channel: 'Tête-à-tête BNI',
        note: `${REF}:M003:121:${r}`,
      })),
    );
  });

  it('adds only what is new from a corrected report, and skips a member with nothing new', () => {
    const first = planOf(quarter());
    // The corrected report gives Alice a third one-to-one: only `…:M003:121:3` is new. Alice is
    // not a skipped line (one row of hers is added); Bob's rows are all in the workbook, so his
    // line is skipped with the reason of his first row (attendance at meeting 2); Chloé adds
    // nothing and has no reason, so she is not skipped.
    const again = planOf(quarter('3'), { existing: { tabs: write(frenchMembers, first) } });
    expect(again.additions.map((a) => [a.tab, a.rows.length])).toEqual([['interactions', 1]]);
    expect(added(again, 'interactions')[0].note).toBe(`${REF}:M003:121:3`);
    expect(again.skipped).toEqual([
      { line: 11, reason: `déjà présente dans le classeur (référence ${REF}:M007:meeting:2).` },
    ]);
  });
});

describe('title rows written other ways', () => {
  // April 2026 in a French-labelled export: `Du :` / `Au :` in the second column, a cell of spaces
  // and a trailing empty cell around the date. Alice P 3, A 1 → 4 meetings; no RRI → no RRI note.
  const april = (): string[][] => [
    ['Rapport PALMS de synthèse du chapitre'],
    ['', 'Du :', ' ', '01/04/2026', ''],
    ['', 'Au :', '', '30/04/2026', ''],
    HEADER,
    line('Alice', 'Martin', { P: '3', A: '1' }),
    ['Visiteurs', '', '2'],
  ];

  it('reads `Du :` and `Au :` and the first non-blank cell to their right', () => {
    const p = planOf(april());
    expect(added(p, 'events').map((e) => [e.event_id, e.date])).toEqual([
      ['PALMS-2026-04-30-01', '2026-04-30'],
      ['PALMS-2026-04-30-02', '2026-04-30'],
      ['PALMS-2026-04-30-03', '2026-04-30'],
      ['PALMS-2026-04-30-04', '2026-04-30'],
    ]);
    expect(p.notes).toEqual([
      'Rapport PALMS du 01/04/2026 au 30/04/2026 : les totaux par membre sont enregistrés au 30/04/2026 (4 réunions de synthèse, sans détail par réunion).',
    ]);
    expect(added(p, 'attendance').map((a) => a.attended)).toEqual(['oui', 'oui', 'oui', 'non']);
  });
});

describe('an English report in an English workbook', () => {
  const tabs: Tabs = [
    {
      name: 'Members',
      values: [
        ['Member ID', 'First name', 'Last name', 'Email', 'Joined on'],
        ['M001', 'Priya', "D'Souza", 'priya@example.com', '2024-01-15'],
      ],
    },
  ];
  // From 14-04-2026 to 13-05-2026: 14 and 13 cannot be months, so the dates are read day first
  // even in an en_US workbook. Priya: P 1, L 1, A 1 → 3 meetings, 2 attended then 1 missed; V 1;
  // RGI 1; RRO 1; 1-2-1 1; TYFCB `Rs. 500` → 500.
  const rows = (): string[][] => [
    ...title('14-04-2026', '13-05-2026'),
    HEADER,
    line('Priya', "D'Souza", {
      P: '1',
      L: '1',
      A: '1',
      RGI: '1',
      RRO: '1',
      V: '1',
      o2o: '1',
      TYFCB: 'Rs. 500',
    }),
    ['BNI', '', '3'],
  ];
  const english = () => planOf(rows(), { lang: 'en', locale: 'en_US', existing: { tabs } });
  const REF_EN = 'palms:2026-04-14:2026-05-13:M001';

  it('writes the meetings, attendance and visitors in English', () => {
    const p = english();
    expect(added(p, 'events').map((e) => e.title)).toEqual([
      'BNI meeting 1/3 (PALMS 2026-04-14 to 2026-05-13)',
      'BNI meeting 2/3 (PALMS 2026-04-14 to 2026-05-13)',
      'BNI meeting 3/3 (PALMS 2026-04-14 to 2026-05-13)',
    ]);
    expect(p.notes).toEqual([
      'PALMS report from 2026-04-14 to 2026-05-13: per-member totals are recorded on 2026-05-13 (3 summary meetings, no per-meeting detail).',
    ]);
    expect(
      added(p, 'attendance').map((a) => [a.event_id, a.member, a.registered, a.attended, a.guest]),
    ).toEqual([
      ['PALMS-2026-05-13-01', 'M001', 'yes', 'yes', ''],
      ['PALMS-2026-05-13-02', 'M001', 'yes', 'yes', ''],
      ['PALMS-2026-05-13-03', 'M001', 'yes', 'no', ''],
      ['PALMS-2026-05-13-01', "Visitor 1 of Priya D'Souza (PALMS 2026-05-13)", 'yes', 'yes', 'yes'],
    ]);
  });

  it('writes the referrals and one-to-ones in English', () => {
    const p = english();
    expect(
      added(p, 'referrals').map((r) => [r.giver, r.receiver, r.type, r.status, r.value, r.note]),
    ).toEqual([
      ['M001', 'Chapter member (PALMS)', 'referral', '', '', `${REF_EN}:rgi:1`],
      ['Outside the chapter (PALMS)', 'M001', 'referral', '', '', `${REF_EN}:rro:1`],
      ['Chapter member (PALMS)', 'M001', 'referral', 'won', 500, `${REF_EN}:tyfcb`],
    ]);
    expect(added(p, 'interactions').map((i) => [i.member, i.type, i.channel])).toEqual([
      ['M001', 'mutual help', 'BNI one-to-one'],
    ]);
  });
});

describe('members the workbook cannot place', () => {
  // No end row at all: the table runs to the file's last line.
  // line 9  Jean Dupont: two members bear the name → ambiguous.
  // line 10 `Durand` with no first name: no member is called just « Durand » → unknown.
  // line 11 Zoé Klein: unknown.
  const rows = (): string[][] => [
    ...title('01/01/2026', '31/03/2026'),
    HEADER,
    line('Jean', 'Dupont', { P: '2' }),
    line('', 'Durand', { P: '1' }),
    line('Zoé', 'Klein', { P: '1', A: '1' }),
  ];

  it('skips each with its line and the reason, and adds nothing when no one is known', () => {
    const result = run(rows());
    expect(result).toEqual({
      ok: true,
      plan: expect.objectContaining({
        source: 'bni_palms',
        additions: [],
        notes: [],
        skipped: [
          { line: 9, reason: 'le nom « Jean Dupont » correspond à plusieurs membres.' },
          {
            line: 10,
            reason:
              '« Durand » introuvable dans l’onglet Membres : ajoutez ce membre puis importez à nouveau le rapport.',
          },
          {
            line: 11,
            reason:
              '« Zoé Klein » introuvable dans l’onglet Membres : ajoutez ce membre puis importez à nouveau le rapport.',
          },
        ],
      }),
    });
  });
});

describe('reports refused in one sentence', () => {
  const NO_DATES =
    'Rapport PALMS illisible : les dates « From: » et « To: » du rapport sont introuvables ou illisibles.';
  const member = line('Alice', 'Martin', { P: '1' });

  it('refuses title rows without a member table', () => {
    const rows = title('01/01/2026', '31/03/2026');
    expect(run(rows)).toEqual({
      ok: false,
      message:
        'Rapport PALMS illisible : la ligne d’en-têtes (First Name, Last Name, P, A…) est introuvable.',
    });
    expect(run(rows, { lang: 'en' })).toEqual({
      ok: false,
      message: 'Unreadable PALMS report: the header row (First Name, Last Name, P, A…) was not found.',
    });
  });

  it('refuses a member table with no title rows above it (so no dates)', () => {
    expect(run([HEADER, member])).toEqual({ ok: false, message: NO_DATES });
  });

  it('refuses a report whose `To:` has no value or whose `From:` is not a date', () => {
    const noTo = title('01/01/2026', '');
    expect(run([...noTo, HEADER, member])).toEqual({ ok: false, message: NO_DATES });
    const badFrom = title('début 2026', '31/03/2026');
    expect(run([...badFrom, HEADER, member])).toEqual({ ok: false, message: NO_DATES });
  });

  it('reads the dates only above the table, not from rows below it', () => {
    const rows = [
      ['Chapter Summary PALMS Report'],
      HEADER,
      member,
      ['Total', '', '1'],
      ['From:', '', '', '', '01/01/2026'],
      ['To:', '', '', '', '31/03/2026'],
    ];
    expect(run(rows)).toEqual({ ok: false, message: NO_DATES });
  });
});
