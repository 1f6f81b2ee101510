/**
 * Property tests (fast-check): no cell value makes parsing or computeReport throw; rates stay in
 * [0, 1], NPS in [−100, 100], means in [1, 5]; shuffling the data rows of any tab changes no KPI.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ChoiceMatcher,
  cellLocaleOf,
  parseDate,
  parseNumber,
  parseTerm,
  parseYesNo,
} from '../../src/core/cells';
import { computeReport } from '../../src/core/compute';
import { dayOf, isoOf } from '../../src/core/dates';
import type { RawTab } from '../../src/core/read';
import { REFERRAL_STATUS, TABS } from '../../src/core/schema';
import { MEAN_KPIS, RATE_KPIS } from '../kpi-ranges';
import { sheetDate } from './fixtures';

/** Any value a cell can hold, as getValues() gives it — and worse. */
const anyCell = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    ' ',
    '31/02/2026',
    '1.250',
    '12,5',
    '50 %',
    '1 250,50 €',
    'oui',
    'Gagné',
    '46096',
    '2026-03-15',
    '∞',
  ),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date(),
  fc.date({ noInvalidDate: false }),
);

const LOCALES = ['fr_FR', 'en_GB', 'en_US', 'de_DE'];
const ZONES = ['Europe/Paris', 'Europe/London', 'America/New_York', 'Pacific/Kiritimati', 'UTC'];

describe('robustness', () => {
  it('no cell value makes a parser throw', () => {
    const matcher = new ChoiceMatcher(REFERRAL_STATUS);
    fc.assert(
      fc.property(anyCell, fc.constantFrom(...LOCALES), fc.constantFrom(...ZONES), (cell, locale, zone) => {
        const l = cellLocaleOf(locale, zone);
        parseDate(cell, l);
        parseNumber(cell, l);
        parseYesNo(cell);
        parseTerm(cell, l, 9);
        matcher.parse(cell, 'fr');
      }),
      { numRuns: 2000 },
    );
  });

  it('no grid makes computeReport throw', () => {
    // Real headers (or junk) over rows of any cells, for any subset of the tracking tabs.
    const tabArb = fc.record({
      spec: fc.constantFrom(...TABS),
      lang: fc.constantFrom('fr' as const, 'en' as const),
      extraHeader: fc.option(anyCell, { nil: undefined }),
      rows: fc.array(fc.array(anyCell, { maxLength: 10 }), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(
        fc.array(tabArb, { maxLength: 6 }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...ZONES),
        fc.constantFrom('2026-S1', '2026-03', 'FY2025', '2025-12-01..2026-02-15', null),
        (tabs, locale, timeZone, period) => {
          const raw: RawTab[] = tabs.map((t) => ({
            name: t.spec.name[t.lang],
            values: [
              [
                ...t.spec.columns.map((c) => c.label[t.lang]),
                ...(t.extraHeader === undefined ? [] : [t.extraHeader]),
              ],
              ...t.rows,
            ],
          }));
          const outcome = computeReport({ tabs: raw, locale, timeZone, today: '2026-09-15', period });
          expect(outcome.ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// A structured random club: unique ids, emails and attendance pairs, so that row order cannot matter.
const BASE = dayOf(2024, 1, 1);
const dayArb = fc.integer({ min: 0, max: 1000 }); // 2024-01-01 … 2026-09-27
const dateCell = (offset: number, asDate: boolean): unknown => {
  const iso = isoOf(BASE + offset);
  if (asDate) return sheetDate(iso);
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

const clubArb = fc
  .record({
    members: fc.array(
      fc.record({
        joined: dayArb,
        stay: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
        status: fc.constantFrom('', 'actif', 'ancien', 'prospect'),
        first: fc.constantFrom('Ana', 'Jean', 'Élodie', 'Paul'),
        phone: fc.constantFrom('', '0601', '  '),
        asDate: fc.boolean(),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    events: fc.array(
      fc.record({
        date: dayArb,
        format: fc.constantFrom('atelier', 'webinaire', ''),
        survey: fc.boolean(),
        cost: fc.nat(500),
      }),
      {
        maxLength: 6,
      },
    ),
    attendance: fc.array(
      fc.record({
        event: fc.nat(5),
        who: fc.nat(20),
        registered: fc.constantFrom('', 'oui', 'non'),
        attended: fc.constantFrom('', 'oui', 'non'),
        guest: fc.constantFrom('', 'oui', 'non'),
      }),
      { maxLength: 40 },
    ),
    answers: fc.array(
      fc.record({
        date: dayArb,
        kind: fc.constantFrom('chaud', 'froid', ''),
        event: fc.option(fc.nat(5), { nil: null }),
        nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        sat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        belonging: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      }),
      { maxLength: 25 },
    ),
    referrals: fc.array(
      fc.record({
        date: dayArb,
        giver: fc.nat(20),
        type: fc.constantFrom('recommandation', 'mise en relation', 'partenariat', ''),
        status: fc.constantFrom('gagné', 'perdu', 'sans suite', 'en cours', ''),
        value: fc.nat(5000),
        close: fc.option(fc.nat(200), { nil: null }),
      }),
      { maxLength: 15 },
    ),
    dues: fc.array(
      fc.record({
        member: fc.nat(20),
        term: fc.integer({ min: 2024, max: 2026 }),
        paidOn: fc.option(dayArb, { nil: null }),
        status: fc.constantFrom('payé', 'en attente', ''),
      }),
      { maxLength: 20 },
    ),
    campaigns: fc.array(
      fc.record({
        date: dayArb,
        recipients: fc.integer({ min: 1, max: 500 }),
        bounce: fc.double({ min: 0, max: 1, noNaN: true }),
        open: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 5 },
    ),
    mentions: fc.array(
      fc.record({
        date: dayArb,
        type: fc.constantFrom('presse', 'bouche-à-oreille'),
        sentiment: fc.constantFrom('positif', 'neutre', 'négatif', ''),
      }),
      {
        maxLength: 8,
      },
    ),
  })
  .map((c): RawTab[] => {
    const ids = c.members.map((_, i) => `M${i + 1}`);
    const ref = (k: number) => (k < ids.length ? ids[k] : `Invité ${k}`);
    const pairs = new Set<string>();
    return [
      {
        name: 'Membres',
        values: [
          [
            'ID membre',
            'Prénom',
            'Nom',
            'E-mail',
            "Date d'adhésion",
            'Date de départ',
            'Statut',
            'Téléphone',
          ],
          ...c.members.map((m, i) => [
            ids[i],
            m.first,
            `Nom${i % 3}`,
            `m${i + 1}@club.fr`,
            dateCell(m.joined, m.asDate),
            m.stay === null ? '' : dateCell(m.joined + m.stay, m.asDate),
            m.status,
            m.phone,
          ]),
        ],
      },
      {
        name: 'Événements',
        values: [
          ['ID événement', 'Date', 'Format', 'Enquête à chaud', 'Coût'],
          ...c.events.map((e, i) => [
            `E${i}`,
            dateCell(e.date, true),
            e.format,
            e.survey ? 'lien' : '',
            e.cost,
          ]),
        ],
      },
      {
        name: 'Participations',
        values: [
          ['ID événement', 'Membre', 'Inscrit', 'Présent', 'Invité'],
          ...c.attendance
            .filter((a) => !pairs.has(`${a.event}|${a.who}`) && pairs.add(`${a.event}|${a.who}`))
            .map((a) => [`E${a.event}`, ref(a.who), a.registered, a.attended, a.guest]),
        ],
      },
      {
        name: 'Réponses',
        values: [
          [
            'Horodatage',
            'ID enquête',
            "Type d'enquête",
            'ID événement',
            'NPS',
            'Satisfaction',
            'Appartenance',
          ],
          ...c.answers.map((a) => [
            dateCell(a.date, false),
            'S',
            a.kind,
            a.event === null ? '' : `E${a.event}`,
            a.nps ?? '',
            a.sat ?? '',
            a.belonging ?? '',
          ]),
        ],
      },
      {
        name: 'Recommandations',
        values: [
          ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture'],
          ...c.referrals.map((r) => [
            dateCell(r.date, false),
            ref(r.giver),
            ref(r.giver + 1),
            r.type,
            r.status,
            r.value,
            r.close === null ? '' : dateCell(r.date + r.close, false),
          ]),
        ],
      },
      {
        name: 'Cotisations',
        values: [
          ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
          ...c.dues.map((d) => [
            ref(d.member),
            d.term,
            100,
            d.paidOn === null ? '' : dateCell(d.paidOn, false),
            d.status,
          ]),
        ],
      },
      {
        name: 'Communications',
        values: [
          ['Date', 'Campagne', 'Destinataires', 'Rebonds', 'Ouvertures uniques'],
          ...c.campaigns.map((m, i) => {
            const bounces = Math.floor(m.recipients * m.bounce);
            return [
              dateCell(m.date, false),
              `C${i}`,
              m.recipients,
              bounces,
              Math.floor((m.recipients - bounces) * m.open),
            ];
          }),
        ],
      },
      {
        name: 'Notoriété',
        values: [
          ['Date', 'Type', 'Sentiment'],
          ...c.mentions.map((m) => [dateCell(m.date, false), m.type, m.sentiment]),
        ],
      },
    ];
  });

const RATES = RATE_KPIS;
const MEANS = MEAN_KPIS;
const PERIODS = [
  '2026-S1',
  '2025-S2',
  '2026-Q2',
  '2025',
  '2026-03',
  'FY2025',
  '2025-11-15..2026-02-10',
  '2026-S2',
];

function kpiValues(tabs: RawTab[], period: string): Record<string, unknown> {
  const outcome = computeReport({
    tabs,
    locale: 'fr_FR',
    timeZone: 'Europe/Paris',
    today: '2026-09-15',
    period,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return Object.fromEntries(outcome.report.kpis.map((k) => [k.id, [k.value, k.previous, k.n]]));
}

describe('KPI invariants', () => {
  it('keeps rates in [0, 1], NPS in [−100, 100], means in [1, 5], net sentiment in [−1, 1]', () => {
    fc.assert(
      fc.property(clubArb, fc.constantFrom(...PERIODS), (tabs, period) => {
        const outcome = computeReport({
          tabs,
          locale: 'fr_FR',
          timeZone: 'Europe/Paris',
          today: '2026-09-15',
          period,
        });
        if (!outcome.ok) throw new Error(outcome.message);
        for (const k of outcome.report.kpis) {
          for (const v of [k.value, k.previous]) {
            if (typeof v !== 'number') continue;
            expect(Number.isFinite(v)).toBe(true);
            if (RATES.includes(k.id)) expect(v >= 0 && v <= 1, `${k.id} = ${v}`).toBe(true);
            if (MEANS.includes(k.id)) expect(v >= 1 && v <= 5, `${k.id} = ${v}`).toBe(true);
            if (k.id === 'nps') expect(v >= -100 && v <= 100, `nps = ${v}`).toBe(true);
            if (k.id === 'net_sentiment') expect(v >= -1 && v <= 1).toBe(true);
            if (k.unit === 'count') expect(Number.isInteger(v) && v >= 0).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same KPIs whatever the order of the data rows', () => {
    fc.assert(
      fc.property(
        clubArb,
        fc.constantFrom(...PERIODS),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        (tabs, period, seeds) => {
          const shuffled = tabs.map((t, i) => {
            const [header, ...rows] = t.values;
            // A deterministic shuffle from the seed (rotation then reversal of every other row block).
            const n = rows.length;
            const rot = n === 0 ? 0 : seeds[i] % n;
            const rotated = [...rows.slice(rot), ...rows.slice(0, rot)];
            return { name: t.name, values: [header, ...(seeds[i] % 2 ? rotated.reverse() : rotated)] };
          });
          const a = kpiValues(tabs, period);
          const b = kpiValues(shuffled, period);
          for (const id of Object.keys(a)) {
            const [va, pa, na] = a[id] as [unknown, unknown, number];
            const [vb, pb, nb] = b[id] as [unknown, unknown, number];
            expect(nb, id).toBe(na);
            for (const [x, y] of [
              [va, vb],
              [pa, pb],
            ]) {
              if (typeof x === 'number' && typeof y === 'number') expect(y, id).toBeCloseTo(x, 9);
              else expect(y, id).toEqual(x);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
