/**
 * The monthly challenges as a club sees them (issue 17): the dashboard block (this month's
 * challenges with their progress, last month's winners), the sidebar's panel (the same, as text
 * already in the club's language), and the `challenges` block of the JSON report. Winners are named
 * only when Settings `leaderboard_public` says so, as on the Palmarès; otherwise they are counted.
 */

import { type ChallengeKind, type ChallengeResult, monthLabelOf } from './challenges';
import type { Report } from './compute';
import { ymdOf } from './dates';
import { fill, type Lang } from './i18n';
import type { LayoutBuilder } from './layout';
import { monthName } from './month-names';

/** The phrase of a kind for N = 1 and for N > 1 ({n}). */
const KIND_TEXT: Record<ChallengeKind, { one: [string, string]; many: [string, string] }> = {
  guest: { one: ['Amener un invité', 'Bring a guest'], many: ['Amener {n} invités', 'Bring {n} guests'] },
  referrals: {
    one: ['Donner une recommandation', 'Give a referral'],
    many: ['Donner {n} recommandations', 'Give {n} referrals'],
  },
  content: {
    one: ['Partager un contenu', 'Share a content'],
    many: ['Partager {n} contenus', 'Share {n} contents'],
  },
  events: {
    one: ['Participer à un événement', 'Attend an event'],
    many: ['Participer à {n} événements', 'Attend {n} events'],
  },
  survey: {
    one: ['Répondre à une enquête', 'Answer a survey'],
    many: ['Répondre à {n} enquêtes', 'Answer {n} surveys'],
  },
};

const T = {
  title: { fr: 'Défi du mois — {month}', en: 'Challenge of the month — {month}' },
  none: {
    fr: 'Aucun défi ce mois-ci : ajoutez-en un dans l’onglet Défis.',
    en: 'No challenge this month: add one in the Challenges tab.',
  },
  met: { fr: '{met} membre(s) sur {eligible} l’ont relevé', en: '{met} of {eligible} members met it' },
  total: { fr: 'Total du club : {total}', en: 'Club total: {total}' },
  totalVs: { fr: 'Total du club : {total} / {target} visés', en: 'Club total: {total} of {target} aimed at' },
  winners: { fr: 'Gagnants de {month} : {names}', en: 'Winners of {month}: {names}' },
  winnersCount: { fr: 'Gagnants de {month} : {n}', en: 'Winners of {month}: {n}' },
  nobody: { fr: 'personne', en: 'nobody' },
  noLast: { fr: 'Pas de défi le mois dernier ({month}).', en: 'No challenge last month ({month}).' },
};

/** At most this many winners are named in a line; the rest are counted. */
const NAMED = 10;

export function monthText(day: number, lang: Lang): string {
  const { year, month } = ymdOf(day);
  return `${monthName(month, lang)} ${year}`;
}

/** The challenge in words: its label, else its kind with N. */
export function challengeTitle(r: ChallengeResult, lang: Lang): string {
  if (r.challenge.label) return r.challenge.label;
  const text = KIND_TEXT[r.challenge.kind];
  const i = lang === 'fr' ? 0 : 1;
  return r.challenge.target > 1 ? fill(text.many[i], { n: r.challenge.target }) : text.one[i];
}

function progressText(r: ChallengeResult, lang: Lang): { met: string; total: string } {
  return {
    met: fill(T.met[lang], { met: r.winners.length, eligible: r.eligible }),
    total:
      r.challenge.clubTarget === null
        ? fill(T.total[lang], { total: r.clubTotal })
        : fill(T.totalVs[lang], { total: r.clubTotal, target: r.challenge.clubTarget }),
  };
}

function winnersText(results: ChallengeResult[], month: number, report: Report): string {
  const lang = report.lang;
  const ids = new Set<string>();
  const names: string[] = [];
  for (const r of results)
    for (const w of r.winners) {
      if (ids.has(w.memberId)) continue;
      ids.add(w.memberId);
      names.push(w.name);
    }
  const monthName = monthText(month, lang);
  if (!report.settings.leaderboardPublic || names.length === 0)
    return fill(T.winnersCount[lang], { month: monthName, n: names.length || T.nobody[lang] });
  const shown = names.slice(0, NAMED).join(', ');
  const more = names.length > NAMED ? ` (+${names.length - NAMED})` : '';
  return fill(T.winners[lang], { month: monthName, names: shown + more });
}

export interface ChallengeLine {
  title: string;
  met: string;
  total: string;
  /** Share of the eligible members who met it, 0–1 (null without eligible members). */
  share: number | null;
}

/** The sidebar's « Défi du mois » panel, texts ready to show. */
export interface ChallengesSummary {
  title: string;
  none: string | null;
  items: ChallengeLine[];
  /** Last month's winners (or that there was no challenge). */
  winners: string;
}

/** The summary, or null when the club keeps no challenge at all. */
export function challengesSummary(report: Report): ChallengesSummary | null {
  const c = report.challenges;
  if (c.all.length === 0) return null;
  const lang = report.lang;
  const lastMonth = c.month - 1;
  return {
    title: fill(T.title[lang], { month: monthText(c.month, lang) }),
    none: c.current.length === 0 ? T.none[lang] : null,
    items: c.current.map((r) => ({
      title: challengeTitle(r, lang),
      ...progressText(r, lang),
      share: r.eligible > 0 ? r.winners.length / r.eligible : null,
    })),
    winners:
      c.lastMonth.length === 0
        ? fill(T.noLast[lang], { month: monthText(lastMonth, lang) })
        : winnersText(c.lastMonth, lastMonth, report),
  };
}

/** The dashboard's block (nothing when the club keeps no challenge). */
export function challengesBlock(
  b: LayoutBuilder,
  report: Report,
  colors: { family: string; muted: string },
): void {
  const s = challengesSummary(report);
  if (!s) return;
  b.row([s.title], { bold: true, background: colors.family, size: 12 });
  if (s.none) b.row([s.none], { color: colors.muted });
  for (const item of s.items) b.row([{ value: item.title, style: { bold: true } }, item.met, '', item.total]);
  b.row([s.winners]);
  b.blank();
}

export interface ChallengeJson {
  month: string;
  kind: ChallengeKind;
  label: string;
  target: number;
  club_target: number | null;
  state: ChallengeResult['state'];
  eligible: number;
  met: number;
  club_total: number;
  /** Names only when the leaderboard is public. */
  winners: Array<{ member_id: string; name?: string; count: number }>;
}

export interface ChallengesJson {
  /** Today's month, `2026-11`. */
  month: string;
  current: ChallengeJson[];
  last_month: ChallengeJson[];
  /** Every challenge of the tab, by month. */
  history: ChallengeJson[];
}

export function challengesJson(report: Report): ChallengesJson {
  const named = report.settings.leaderboardPublic;
  const one = (r: ChallengeResult): ChallengeJson => ({
    month: r.monthLabel,
    kind: r.challenge.kind,
    label: r.challenge.label,
    target: r.challenge.target,
    club_target: r.challenge.clubTarget,
    state: r.state,
    eligible: r.eligible,
    met: r.winners.length,
    club_total: r.clubTotal,
    winners: r.winners.map((w) =>
      named
        ? { member_id: w.memberId, name: w.name, count: w.count }
        : { member_id: w.memberId, count: w.count },
    ),
  });
  return {
    month: monthLabelOf(report.challenges.month),
    current: report.challenges.current.map(one),
    last_month: report.challenges.lastMonth.map(one),
    history: report.challenges.all.map(one),
  };
}
