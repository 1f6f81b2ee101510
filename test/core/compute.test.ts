/**
 * The report (SPEC §3, §11, §12): every data-issue code with its fields and language, the whole
 * KPI catalogue in order, the knowledge, visibility and ROI families, status rules, no data vs 0,
 * and the `--json` document's exact keys.
 */

import { describe, expect, it } from 'vitest';
import { reportToJson } from '../../src/core/compute';
import { statusOf } from '../../src/core/kpis/benchmarks';
import { kpiDefinition } from '../../src/core/kpis/catalogue';
import { KPI_KEYS, REPORT_KEYS } from '../spec-json';
import { ATTENDANCE_HEADER, issues, kpi, run, sheetDate, tab } from './fixtures';

const ALL_CODES = [
  'missing_required',
  'missing_column',
  'bad_date',
  'bad_number',
  'bad_choice',
  'bad_term',
  'out_of_range',
  'unknown_member',
  'ambiguous_member',
  'unknown_event',
  'duplicate_id',
  'duplicate_email',
  'duplicate_row',
  'duplicate_column',
  'unknown_header',
  'duplicate_tab',
  'missing_left_on',
  'paid_without_date',
  'bad_setting',
  'duplicate_answer',
  'decisive_over_made',
  'missing_tab',
];

// One messy workbook that raises every issue code once.
const messy = [
  tab(
    'Membres',
    ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", 'Date de départ', 'Statut', 'Mail'],
    [
      ['M001', 'Jean', 'Dupont', 'jean@club.fr', '01/01/2025', '', '', ''], // row 2
      ['M002', 'Jean', 'Dupont', 'JEAN@club.fr', '01/01/2025', '', '', ''], // row 3: duplicate_email
      ['M001', 'Autre', 'Nom', '', '01/01/2025', '', '', ''], // row 4: duplicate_id
      ['M003', 'Luc', 'Blanc', '', sheetDate('2025-01-01'), '', 'ancien', ''], // row 5: missing_left_on
    ],
  ),
  tab(
    'Cotisations',
    ['ID membre', 'Période', 'Payé le', 'Statut'],
    [
      ['M001', 'bientôt', '', 'payé'], // row 2: bad_term
      ['Inconnu', '2026', '', 'payé'], // row 3: unknown_member
      ['M001', '2026', '', 'payé'], // row 4: paid_without_date
    ],
  ),
  tab(
    'Événements',
    ['ID événement', 'Date', 'Format', 'Coût', 'Titr'],
    [
      ['E1', sheetDate('2026-03-10'), 'atelier', 20, ''], // row 2
      ['', '12/03/2026', '', '', ''], // row 3: missing_required
      ['E2', '31/02/2026', '', '', ''], // row 4: bad_date
      ['E3', '15/03/2026', 'pique-nique', 'cher', ''], // row 5: bad_choice, bad_number
    ],
  ),
  tab('Events', ['Event ID', 'Date'], [['X1', '01/01/2026']]), // duplicate_tab
  tab('Participations', ATTENDANCE_HEADER, [
    ['E1', 'Jean Dupont', 'oui', 'oui', ''], // row 2: ambiguous_member
    ['E9', 'M001', 'oui', 'oui', ''], // row 3: unknown_event
    ['E1', 'M003', 'oui', 'oui', ''], // row 4
    ['E1', 'M003', 'oui', 'oui', ''], // row 5: duplicate_row
  ]),
  tab('Interactions', ['Date', 'Membre'], [['10/03/2026', 'M001']]), // missing_column (Type)
  tab(
    'Réponses',
    ['Horodatage', 'ID enquête', 'NPS', 'Membre', 'Contacts noués', 'Contacts décisifs'],
    [
      ['10/03/2026', 'C1', 11, '', '', ''], // row 2: out_of_range
      ['10/03/2026 09:00', 'C1', 9, 'M001', 2, 5], // row 3: decisive_over_made, duplicate_answer
      ['10/03/2026 10:00', 'C1', 9, 'M001', '', ''], // row 4
    ],
  ),
  // Communications, Referrals, Contents, Visibility, Investment: missing_tab
  tab('Paramètres', ['Clé', 'Valeur'], [['hourly_value', '-5']]), // bad_setting
];

describe('data issues', () => {
  const fr = run(messy);
  const en = run(messy, { locale: 'en_GB', timeZone: 'Europe/London' });

  it('raises every issue code at least once', () => {
    expect([...new Set(fr.issues.map((i) => i.code))].sort()).toEqual([...ALL_CODES].sort());
  });

  it('gives each issue its tab, row, column as typed and raw value, ordered by tab then row', () => {
    const at = (code: string) =>
      issues(fr, code).map(({ tab, row, column, value }) => ({ tab, row, column, value }));
    expect(at('duplicate_email')).toEqual([
      { tab: 'Membres', row: 3, column: 'E-mail', value: 'JEAN@club.fr' },
    ]);
    expect(at('duplicate_column')).toEqual([{ tab: 'Membres', row: 1, column: 'Mail', value: 'Mail' }]);
    expect(at('bad_term')).toEqual([{ tab: 'Cotisations', row: 2, column: 'Période', value: 'bientôt' }]);
    expect(at('unknown_header')).toEqual([{ tab: 'Événements', row: 1, column: 'Titr', value: 'Titr' }]);
    expect(at('missing_column')).toEqual([{ tab: 'Interactions', row: null, column: 'Type', value: '' }]);
    expect(at('duplicate_tab')).toEqual([{ tab: 'Events', row: null, column: null, value: 'Events' }]);
    expect(at('bad_setting')).toEqual([
      { tab: 'Paramètres', row: 2, column: 'hourly_value', value: 'hourly_value = -5' },
    ]);
    // Tabs come in the schema's order; within a tab, whole-tab issues first, then rows.
    const order = fr.issues.map((i) => `${i.tab}:${i.row ?? 0}`);
    const tabs = [
      'Membres',
      'Cotisations',
      'Événements',
      'Participations',
      'Communications',
      'Interactions',
      'Recommandations',
      'Contenus',
      'Réponses',
      'Notoriété',
      'Succès',
      'Investissements',
      'Paramètres',
      'Events',
    ];
    const rank = (s: string) => tabs.indexOf(s.split(':')[0]) * 1000 + Number(s.split(':')[1]);
    expect(order).toEqual([...order].sort((a, b) => rank(a) - rank(b)));
  });

  it('writes messages in French for fr_FR and in English for en_GB', () => {
    expect(en.issues.map((i) => i.code)).toEqual(fr.issues.map((i) => i.code));
    fr.issues.forEach((issue, k) => {
      expect(issue.message).not.toBe(en.issues[k].message);
      expect(en.issues[k].message).not.toMatch(/[«»]|introuvable|ignorée/);
    });
    expect(issues(fr, 'bad_setting')[0].message).toBe(
      'Paramètre « hourly_value = -5 » invalide : nombre ≥ 0',
    );
    expect(issues(en, 'bad_setting')[0].message).toBe('Invalid setting "hourly_value = -5": number ≥ 0');
    expect(issues(en, 'duplicate_tab')[0].message).toBe(
      'Tab "Events" duplicates "Événements": only "Événements" (the leftmost) is read.',
    );
  });
});

// SPEC §3 in order.
const SPEC_KPIS = [
  'active_members',
  'participation_rate',
  'registration_rate',
  'show_up_rate',
  'avg_attendance',
  'guests_per_event',
  'guest_conversion_rate',
  'email_open_rate',
  'email_click_rate',
  'solicitations_per_week',
  'interactions_per_member',
  'referrals_given',
  'referrals_per_member',
  'referral_conversion_rate',
  'business_generated',
  'new_contacts_per_month',
  'partnerships_launched',
  'decisive_connection_rate',
  'nps',
  'event_satisfaction',
  'survey_response_rate',
  'connection_value',
  'renewal_rate',
  'first_year_renewal_rate',
  'churn_rate',
  'new_member_rate',
  'net_growth',
  'dues_collected',
  'contents_shared',
  'contents_per_member',
  'top_topics',
  'profile_completion_rate',
  'press_mentions',
  'social_mentions',
  'external_solicitations',
  'speaking_invitations',
  'net_sentiment',
  'belonging_index',
  'mutual_help_index',
  'investment_total',
  'returns_total',
  'roi',
  'return_per_dues_euro',
];

describe('the catalogue and the JSON document', () => {
  const report = run([]);

  it('has every KPI of SPEC §3 in catalogue order, all "no data" on an empty workbook', () => {
    expect(report.kpis.map((k) => k.id)).toEqual(SPEC_KPIS);
    for (const k of report.kpis) {
      expect([k.id, k.value, k.previous, k.delta]).toEqual([k.id, null, null, null]);
    }
  });

  it('gives exactly SPEC §11 keys', () => {
    const json = reportToJson(run(messy));
    expect(Object.keys(json)).toEqual(REPORT_KEYS);
    expect([json.period, json.previous]).toEqual(['2026-S1', '2025-S2']);
    for (const k of json.kpis) {
      expect(Object.keys(k)).toEqual(KPI_KEYS);
      expect([
        'count',
        'ratio',
        'nps',
        'mean_1_5',
        'money',
        'hours',
        'per_week',
        'per_month',
        'per_member',
        'per_event',
        'list',
      ]).toContain(k.unit);
    }
    for (const i of json.issues)
      expect(Object.keys(i)).toEqual(['tab', 'row', 'column', 'value', 'code', 'message']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('writes days in details as ISO dates', () => {
    const members = tab(
      'Membres',
      ['ID membre', "Date d'adhésion", 'Date de départ', 'Motif de départ'],
      [['M001', '01/01/2024', '15/12/2025', 'Retraite']],
    );
    const json = reportToJson(run([members]));
    const renewal = json.kpis.find((k) => k.id === 'renewal_rate')!;
    expect(renewal.details.left_with_reason).toEqual([
      expect.objectContaining({ member_id: 'M001', left_on: '2025-12-15', leave_reason: 'Retraite' }),
    ]);
  });
});

describe('knowledge, visibility and ROI', () => {
  const members = tab(
    'Membres',
    [
      'ID membre',
      "Date d'adhésion",
      'Date de départ',
      'Téléphone',
      'Site web',
      'LinkedIn',
      'Bio',
      'Expertise',
      'URL photo',
    ],
    [
      ['M001', '01/01/2025', '', '0601', 'a.fr', 'in/a', 'bio', 'droit', 'a.png'], // 6 of 6
      ['M002', '01/01/2025', '', '0602', '   ', '', '', '', ''], // 1 of 6 (spaces are empty)
      ['M003', '01/01/2025', '', '', '', '', '', '', ''], // 0 of 6
      ['M004', '01/01/2025', '01/03/2026', '0604', '', '', '', '', ''], // left: not active on 30 June
    ],
  );
  const contents = tab(
    'Contenus',
    ['Date', 'Auteur', 'Type', 'Titre', 'Thème', 'Réactions'],
    [
      ['10/01/2026', 'M001', 'article', 'A', 'Marketing', 5],
      ['11/01/2026', 'M002', 'guide', 'B', 'marketing ', 1],
      ['12/02/2026', 'M001', 'tuto', 'C', 'Juridique', 10],
      ['13/02/2026', 'M003', 'outil', 'D', 'Finance', 10],
      ['14/03/2026', 'M001', 'article', 'E', 'RH', 2],
      ['15/03/2026', 'M002', '', 'F', 'Export', 2],
      ['16/03/2026', '', '', 'G', 'Numérique', 0],
      ['01/10/2025', 'M001', 'article', 'H', 'Ancien thème', 0],
    ],
  );
  const visibility = tab(
    'Notoriété',
    ['Date', 'Type', 'Sentiment'],
    [
      ['10/01/2026', 'presse', 'positif'],
      ['11/01/2026', 'Presse', 'négatif'],
      ['12/02/2026', 'mention réseaux sociaux', 'positive'],
      ['13/02/2026', "demande d'interview", 'neutre'],
      ['14/03/2026', 'demande de partenariat', ''],
      ['15/03/2026', 'invitation à intervenir', 'positif'],
      ['16/03/2026', 'bouche-à-oreille', 'Positif'],
    ],
  );
  const investment = tab(
    'Investissements',
    ['Date', 'Catégorie', 'Heures', 'Montant'],
    [
      ['10/01/2026', 'salle', '', '300'],
      ['15/02/2026', 'temps', 10, ''],
      ['01/10/2025', 'outils', '', 50],
    ],
  );
  const events = tab(
    'Événements',
    ['ID événement', 'Date', 'Coût', 'Heures bénévoles'],
    [['E1', '10/03/2026', 200, 5]],
  );
  const referrals = tab(
    'Recommandations',
    ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture'],
    [
      ['01/04/2026', 'M001', 'M002', 'recommandation', 'gagné', 2000, '20/04/2026'],
      ['02/04/2026', 'M002', 'M003', 'partenariat', 'gagné', 400, '05/05/2026'],
    ],
  );
  const dues = tab(
    'Cotisations',
    ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
    [
      ['M001', 2026, 100, '10/01/2026', 'payé'],
      ['M002', 2026, 100, '10/01/2026', 'payé'],
      ['M003', 2026, 100, '10/01/2026', 'payé'],
    ],
  );
  const settings = (rows: unknown[][] = []) =>
    tab('Paramètres', ['Clé', 'Valeur'], [['hourly_value', 20], ...rows]);
  const all = [members, contents, visibility, investment, events, referrals, dues];
  const report = run([...all, settings()]);

  it('contents_shared, contents_per_member and top_topics', () => {
    // 7 contents in S1 ÷ 3 active members.
    expect(kpi(report, 'contents_shared')).toMatchObject({ value: 7, previous: 1, delta: 6 });
    expect(kpi(report, 'contents_per_member').value).toBeCloseTo(7 / 3, 12);
    // Marketing 2 contents; then 1 each: Finance and Juridique (10 reactions, alphabetical), Export and RH (2), Numérique (0).
    expect(kpi(report, 'top_topics')).toMatchObject({
      value: ['Marketing', 'Finance', 'Juridique', 'Export', 'RH'],
      previous: ['Ancien thème'],
      delta: null,
      unit: 'list',
    });
  });

  it('profile_completion_rate over active members, with Settings profile_fields', () => {
    // (6/6 + 1/6 + 0/6) ÷ 3 = 7/18.
    expect(kpi(report, 'profile_completion_rate').value).toBeCloseTo(7 / 18, 12);
    // phone and bio: (2/2 + 1/2 + 0) ÷ 3 = 0.5.
    const two = run([...all, settings([['profile_fields', 'phone, Bio']])]);
    expect(kpi(two, 'profile_completion_rate').value).toBe(0.5);
  });

  it('visibility counts and net sentiment', () => {
    expect(kpi(report, 'press_mentions').value).toBe(2);
    expect(kpi(report, 'social_mentions').value).toBe(1);
    expect(kpi(report, 'external_solicitations').value).toBe(2); // interview + partnership request
    expect(kpi(report, 'speaking_invitations').value).toBe(1);
    // Rows with a sentiment: 6; positive 4, negative 1 → (4 − 1) ÷ 6.
    expect(kpi(report, 'net_sentiment')).toMatchObject({ value: 0.5, n: 6 });
    // The tab has rows but none in 2025-S2: 0, not no data.
    expect(kpi(report, 'press_mentions').previous).toBe(0);
  });

  it('investment, returns, roi and return per dues euro', () => {
    // Money 300 + event cost 200 = 500; hours (10 + 5) × 20 = 300 → 800, on 3 rows.
    const inv = kpi(report, 'investment_total');
    expect(inv).toMatchObject({ value: 800, n: 3 });
    expect(inv.details).toMatchObject({ money: 500, hours: 15 });
    // Returns: won 2000 + partnership 400 = 2400. ROI (2400 − 800) ÷ 800 = 2. Dues collected 300 → 2400 ÷ 300 = 8.
    expect(kpi(report, 'returns_total').value).toBe(2400);
    expect(kpi(report, 'roi').value).toBe(2);
    expect(kpi(report, 'return_per_dues_euro').value).toBe(8);
    // 2025-S2: investment 50, returns 0 → ROI −1.
    expect(kpi(report, 'roi').previous).toBe(-1);
  });
});

describe('status', () => {
  const def = (id: string) => kpiDefinition(id)!;

  it('uses the target, else the benchmark, with the band of the unit', () => {
    // Count: band 10 % of |t|. Target 10 → 9 amber, 8.9 red; target wins over nothing.
    expect(statusOf(def('contents_shared'), 10, 10, 10, null)).toBe('green');
    expect(statusOf(def('contents_shared'), 9, 9, 10, null)).toBe('amber');
    expect(statusOf(def('contents_shared'), 8.9, 9, 10, null)).toBe('red');
    // Ratio: band 0.05. Benchmark 0.75 → 0.70 amber, 0.69 red.
    const bench = { value: 0.75, source: 's' };
    expect(statusOf(def('participation_rate'), 0.7, 50, null, bench)).toBe('amber');
    expect(statusOf(def('participation_rate'), 0.69, 50, null, bench)).toBe('red');
    // Target overrides the benchmark.
    expect(statusOf(def('participation_rate'), 0.6, 50, 0.5, bench)).toBe('green');
    // NPS: band 10 points. mean_1_5: band 0.25.
    expect(statusOf(def('nps'), 11, 20, 21, null)).toBe('amber');
    expect(statusOf(def('nps'), 10, 20, 21, null)).toBe('red');
    expect(statusOf(def('event_satisfaction'), 3.75, 20, 4, null)).toBe('amber');
    expect(statusOf(def('event_satisfaction'), 3.7, 20, 4, null)).toBe('red');
  });

  it('is grey without a value or under 5, null with neither target nor benchmark', () => {
    expect(statusOf(def('nps'), 50, 4, 21, null)).toBe('grey');
    expect(statusOf(def('nps'), null, 0, 21, null)).toBe('grey');
    expect(statusOf(def('press_mentions'), 3, 3, null, null)).toBeNull();
  });

  it('reads targets and benchmark overrides from Settings into the report', () => {
    const report = run([
      tab(
        'Notoriété',
        ['Date', 'Type'],
        [
          ['10/01/2026', 'presse'],
          ['11/01/2026', 'presse'],
          ['12/01/2026', 'presse'],
          ['13/01/2026', 'presse'],
          ['14/01/2026', 'presse'],
        ],
      ),
      tab(
        'Paramètres',
        ['Clé', 'Valeur'],
        [
          ['target.press_mentions', 6],
          ['benchmark.nps', 30],
        ],
      ),
    ]);
    // 5 mentions, target 6, band 0.6: 5 < 5.4 → red.
    expect(kpi(report, 'press_mentions')).toMatchObject({ value: 5, target: 6, status: 'red' });
    expect(kpi(report, 'nps').benchmark).toEqual({ value: 30, source: 'Paramètres du club' });
    expect(kpi(report, 'social_mentions')).toMatchObject({
      value: 0,
      target: null,
      benchmark: null,
      status: null,
    });
  });
});
