/**
 * The members' own tabs (SPEC §4) as layouts: **Palmarès / Leaderboard** — every active member by
 * activity score, each component's points, the points missing to reach green, the trend against the
 * previous window, and the thresholds in force (editable through Settings `score.*`), names or only
 * ranks as Settings `leaderboard_public` says — and **Bilan membres / Member statements** — what the
 * network brought each member in the period, down to business received per euro of dues.
 */

import type { Report } from './compute';
import { isoOf } from './dates';
import { numberFormatOf } from './format';
import type { Bilingual } from './i18n';
import { LayoutBuilder, type LayoutValue, type SheetLayout } from './layout';
import { type MemberScore, SCORE_COMPONENTS, type ScoreColour, scoreTiers, scoreWindow } from './score';

export const LEADERBOARD_NAME: Bilingual = { fr: 'Palmarès', en: 'Leaderboard' };
export const STATEMENTS_NAME: Bilingual = { fr: 'Bilan membres', en: 'Member statements' };

const COLOURS: Record<ScoreColour, { fill: string; label: Bilingual }> = {
  green: { fill: '#ceead6', label: { fr: 'vert', en: 'green' } },
  amber: { fill: '#feefc3', label: { fr: 'orange', en: 'amber' } },
  red: { fill: '#fad2cf', label: { fr: 'rouge', en: 'red' } },
  grey: { fill: '#e8eaed', label: { fr: 'gris', en: 'grey' } },
};

const SHORT: Record<string, Bilingual> = {
  attendance: { fr: 'Assiduité', en: 'Attendance' },
  referrals: { fr: 'Recommandations', en: 'Referrals' },
  business: { fr: 'Affaires', en: 'Business' },
  guests: { fr: 'Invités', en: 'Guests' },
  contents: { fr: 'Contenus', en: 'Contents' },
  interactions: { fr: 'Interactions', en: 'Interactions' },
  surveys: { fr: 'Enquêtes', en: 'Surveys' },
  sponsor: { fr: 'Parrainage', en: 'Sponsorship' },
};

const T = {
  title: { fr: 'Palmarès des membres', en: 'Member leaderboard' },
  window: {
    fr: 'Score d’activité sur {months} mois, du {start} au {end}.',
    en: 'Activity score over {months} months, {start} to {end}.',
  },
  scale: {
    fr: 'Vert ≥ 70 · orange ≥ 50 · rouge ≥ 30 · gris en dessous. Seuils modifiables dans Paramètres (clés score.*).',
    en: 'Green ≥ 70 · amber ≥ 50 · red ≥ 30 · grey below. Thresholds editable in Settings (score.* keys).',
  },
  header: {
    fr: ['Rang', 'Membre', 'Score', 'Couleur', 'Points pour le vert', 'Tendance'],
    en: ['Rank', 'Member', 'Score', 'Colour', 'Points to green', 'Trend'],
  },
  anonymous: { fr: 'Membre n°{rank}', en: 'Member #{rank}' },
  thresholds: {
    fr: ['Seuils en vigueur', 'Clé (Paramètres)', 'Points'],
    en: ['Thresholds in force', 'Key (Settings)', 'Points'],
  },
  none: { fr: 'Aucun membre actif à classer.', en: 'No active member to rank.' },
  won: { fr: 'Défis relevés', en: 'Challenges won' },
  wonHelp: {
    fr: 'Défis relevés : défis du mois (onglet Défis) réussis pendant la fenêtre, en plus du score sur 100.',
    en: 'Challenges won: monthly challenges (Challenges tab) met within the window, beside the score out of 100.',
  },
  statementsTitle: { fr: 'Bilan des membres — {period}', en: 'Member statements — {period}' },
  statementsHelp: {
    fr: 'Ce que le réseau a apporté à chacun : affaires reçues par euro de cotisation.',
    en: 'What the network brought each member: business received per euro of dues.',
  },
  statementsHeader: {
    fr: [
      'Membre',
      'Entreprise',
      'Événements',
      'Recos données',
      'Recos reçues',
      'Affaires reçues',
      'Affaires apportées',
      'Contenus',
      'Cotisation payée',
      'Affaires reçues par € de cotisation',
    ],
    en: [
      'Member',
      'Company',
      'Events',
      'Referrals given',
      'Referrals received',
      'Business received',
      'Business given',
      'Contents',
      'Dues paid',
      'Business received per € of dues',
    ],
  },
};

function dateText(day: number): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${d}/${m}/${y}`;
}

/** The name shown for a member: their name, or only their rank when the leaderboard is not public. */
export function shownName(score: MemberScore, report: Report): string {
  return report.settings.leaderboardPublic
    ? score.name
    : T.anonymous[report.lang].replace('{rank}', String(score.rank));
}

function trendText(trend: number | null): LayoutValue {
  if (trend === null) return '';
  return trend > 0 ? `▲ +${trend}` : trend < 0 ? `▼ −${Math.abs(trend)}` : '= 0';
}

/** One leaderboard row (shared by the Palmarès tab and the dashboard's top 10). */
export function leaderboardRow(
  score: MemberScore,
  report: Report,
  withComponents: boolean,
): Array<
  LayoutValue | { value: LayoutValue; style: { background?: string; format?: string; bold?: boolean } }
> {
  const lang = report.lang;
  const base = [
    { value: score.rank, style: { format: '0' } },
    shownName(score, report),
    { value: score.score, style: { format: '0', bold: true } },
    { value: COLOURS[score.colour].label[lang], style: { background: COLOURS[score.colour].fill } },
    { value: score.missingToGreen, style: { format: '0' } },
    trendText(score.trend),
  ];
  if (!withComponents) return base;
  const components = SCORE_COMPONENTS.map((c) => ({
    value: score.components.find((x) => x.id === c.id)?.points ?? 0,
    style: { format: '0' },
  }));
  // Challenges won beside the score (issue 17), when the club keeps challenges; not part of the 100 points.
  const won = keepsChallenges(report)
    ? [{ value: report.challenges.wonBy.get(score.memberId) ?? 0, style: { format: '0', bold: true } }]
    : [];
  return [...base, ...components, ...won];
}

const keepsChallenges = (report: Report): boolean => report.challenges.all.length > 0;

export const LEADERBOARD_HEADER = T.header;

export function buildLeaderboard(report: Report): SheetLayout {
  const lang = report.lang;
  const won = keepsChallenges(report) ? [T.won[lang]] : [];
  const widths = [60, 200, 60, 80, 120, 80, ...SCORE_COMPONENTS.map(() => 110), ...won.map(() => 130)];
  const b = new LayoutBuilder(LEADERBOARD_NAME[lang], widths);
  const w = scoreWindow(report.period, report.today, report.settings);
  b.row([T.title[lang]], { bold: true, size: 14, color: '#1a73e8' });
  b.row([
    T.window[lang]
      .replace('{months}', String(w.months))
      .replace('{start}', dateText(w.start))
      .replace('{end}', dateText(w.end)),
  ]);
  b.row([T.scale[lang]], { color: '#5f6368' });
  if (won.length > 0) b.row([T.wonHelp[lang]], { color: '#5f6368' });
  b.blank();
  b.row([...T.header[lang], ...SCORE_COMPONENTS.map((c) => SHORT[c.id][lang]), ...won], {
    bold: true,
    background: '#f1f3f4',
  });
  if (report.scores.length === 0) b.row([T.none[lang]]);
  for (const score of report.scores) b.row(leaderboardRow(score, report, true));
  b.blank();
  b.row(T.thresholds[lang], { bold: true, background: '#f1f3f4' });
  for (const tier of scoreTiers(report.settings))
    b.row([tier.label[lang], tier.key, { value: tier.points, style: { format: '0' } }]);
  return b.build(5);
}

export function buildStatements(report: Report): SheetLayout {
  const lang = report.lang;
  const currency = report.settings.currency;
  const money = numberFormatOf('money', currency);
  const widths = [180, 160, 80, 100, 100, 120, 120, 80, 110, 160];
  const b = new LayoutBuilder(STATEMENTS_NAME[lang], widths);
  b.row([T.statementsTitle[lang].replace('{period}', report.period.label)], {
    bold: true,
    size: 14,
    color: '#1a73e8',
  });
  b.row([T.statementsHelp[lang]], { color: '#5f6368' });
  b.blank();
  b.row(T.statementsHeader[lang], { bold: true, background: '#f1f3f4' });
  const count = { format: '0' };
  for (const s of report.statements) {
    b.row([
      s.name,
      s.company,
      { value: s.eventsAttended, style: count },
      { value: s.referralsGiven, style: count },
      { value: s.referralsReceived, style: count },
      { value: s.businessReceived, style: { format: money } },
      { value: s.businessGiven, style: { format: money } },
      { value: s.contents, style: count },
      { value: s.duesPaid, style: { format: money } },
      { value: s.businessPerDuesEuro, style: { format: '0.00', bold: true } },
    ]);
  }
  return b.build(4);
}
