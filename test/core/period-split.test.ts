// Splitting a period into its months never changes sums: for every KPI that counts or adds rows
// dated in the period, the six months of a semester add up to the semester (fast-check over random
// rows). And computing twice gives the same report (refresh is idempotent at the core).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kpi, run, tab } from './fixtures';

const SEMESTER = '2026-S1';
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const ADDITIVE = [
  'referrals_given',
  'business_generated',
  'partnerships_launched',
  'dues_collected',
  'contents_shared',
  'press_mentions',
  'social_mentions',
  'external_solicitations',
  'speaking_invitations',
];

/** A day of 2025-12-01 … 2026-07-31 as `dd/MM/yyyy` text (the edges fall outside the semester). */
const day = fc.integer({ min: 0, max: 242 }).map((n) => {
  const d = new Date(Date.UTC(2025, 11, 1 + n));
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
});

const referral = fc.record({
  date: day,
  type: fc.constantFrom('recommandation', 'mise en relation', 'partenariat', 'projet collectif', 'lead'),
  status: fc.constantFrom('gagné', 'perdu', 'en cours', 'sans suite', ''),
  value: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 20_000 })),
  closed: fc.oneof(fc.constant(''), day),
});
const due = fc.record({
  member: fc.constantFrom('M1', 'M2'),
  paid: day,
  amount: fc.integer({ min: 0, max: 500 }),
});
const content = fc.record({ date: day, topic: fc.constantFrom('Export', 'RH', 'Finance') });
const mention = fc.record({
  date: day,
  type: fc.constantFrom(
    'presse',
    'mention réseaux sociaux',
    "demande d'interview",
    'demande de partenariat',
    'invitation à intervenir',
  ),
});

const clubArb = fc.record({
  referrals: fc.array(referral, { maxLength: 25 }),
  dues: fc.array(due, { maxLength: 10 }),
  contents: fc.array(content, { maxLength: 10 }),
  mentions: fc.array(mention, { maxLength: 10 }),
});

type Club = typeof clubArb extends fc.Arbitrary<infer T> ? T : never;

function tabsOf(club: Club) {
  return [
    tab(
      'Membres',
      ['ID membre', 'Prénom', 'Nom', "Date d'adhésion"],
      [
        ['M1', 'Ada', 'Lovelace', '01/01/2024'],
        ['M2', 'Alan', 'Turing', '01/01/2024'],
      ],
    ),
    tab(
      'Recommandations',
      ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture'],
      club.referrals.map((r) => [r.date, 'M1', 'M2', r.type, r.status, r.value, r.closed]),
    ),
    tab(
      'Cotisations',
      ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
      club.dues.map((d) => [d.member, '2026', d.amount, d.paid, 'payé']),
    ),
    tab(
      'Contenus',
      ['Date', 'Auteur', 'Thème'],
      club.contents.map((c) => [c.date, 'M1', c.topic]),
    ),
    tab(
      'Notoriété',
      ['Date', 'Type'],
      club.mentions.map((m) => [m.date, m.type]),
    ),
  ];
}

describe('splitting a period into months', () => {
  it('never changes the sums of additive KPIs', () => {
    fc.assert(
      fc.property(clubArb, (club) => {
        const tabs = tabsOf(club);
        const semester = run(tabs, { period: SEMESTER });
        const months = MONTHS.map((m) => run(tabs, { period: m }));
        for (const id of ADDITIVE) {
          const whole = kpi(semester, id).value as number;
          const parts = months.map((r) => kpi(r, id).value as number);
          expect(
            parts.reduce((a, b) => a + b, 0),
            id,
          ).toBeCloseTo(whole, 6);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('computing twice gives the same report', () => {
    fc.assert(
      fc.property(clubArb, (club) => {
        const tabs = tabsOf(club);
        const first = run(tabs);
        const second = run(tabs);
        expect(second.kpis).toEqual(first.kpis);
        expect(second.issues).toEqual(first.issues);
        expect(second.recommendations).toEqual(first.recommendations);
      }),
      { numRuns: 20 },
    );
  });
});
