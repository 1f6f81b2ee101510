/**
 * The members' activity score (SPEC §4, §12): out of 100, over a window of `score_window_months`
 * months ending at P's end (or at the end of the last completed month while P is not over), from
 * visible thresholds that Settings `score.*` may change; its colour, the points missing to reach
 * green, and the trend against the window of the same length just before.
 *
 * Settings keys are `score.<component>.<threshold> = <points>` (SCORE_SETTINGS lists the defaults
 * with FR/EN labels). Thresholds of attendance and surveys are percentages (`score.attendance.90`
 * = 90 %), the others are in the component's own unit (referrals per month, currency, count).
 * `any` (or `0`) as the threshold means "more than 0". A key changes the points of a tier, adds a
 * tier when its threshold is new, and removes one when its points are 0: thresholds are editable
 * (`score.attendance.90 = 0` with `score.attendance.80 = 20` moves the top tier to 80 %).
 *
 * Every row list is walked once and bucketed by member; no member × rows loops.
 */

import { addMonths, type Day, dayOf, ymdOf } from './dates';
import { formatUpTo } from './format';
import type { Bilingual, Lang } from './i18n';
import { type Club, isActiveOn, type Member } from './model';
import { effectiveEnd, type Period } from './periods';
import type { Settings } from './settings';

export type ScoreComponentId =
  | 'attendance'
  | 'referrals'
  | 'business'
  | 'guests'
  | 'contents'
  | 'interactions'
  | 'surveys'
  | 'sponsor';

export type ScoreColour = 'green' | 'amber' | 'red' | 'grey';

/** Colour thresholds (SPEC §4): green ≥ 70, amber ≥ 50, red ≥ 30, grey below. */
export const SCORE_COLOURS = { green: 70, amber: 50, red: 30 } as const;
export const MAX_SCORE = 100;

/** How a component is measured: a share (thresholds written in %), a rate per month, money or a count. */
export type ScoreUnit = 'percent' | 'per_month' | 'money' | 'count';

export interface ScoreComponentSpec {
  id: ScoreComponentId;
  label: Bilingual;
  unit: ScoreUnit;
}

/** The components in the order the Palmarès shows them. */
export const SCORE_COMPONENTS: ScoreComponentSpec[] = [
  {
    id: 'attendance',
    unit: 'percent',
    label: {
      fr: 'Assiduité (événements suivis ÷ événements de la fenêtre)',
      en: 'Attendance (events attended ÷ events in the window)',
    },
  },
  {
    id: 'referrals',
    unit: 'per_month',
    label: { fr: 'Recommandations données par mois', en: 'Referrals given per month' },
  },
  {
    id: 'business',
    unit: 'money',
    label: {
      fr: 'Affaires conclues grâce à ses recommandations (valeur gagnée)',
      en: 'Business closed from referrals given (won value)',
    },
  },
  {
    id: 'guests',
    unit: 'per_month',
    label: { fr: 'Invités amenés par mois', en: 'Guests invited per month' },
  },
  { id: 'contents', unit: 'count', label: { fr: 'Contenus partagés', en: 'Contents shared' } },
  {
    id: 'interactions',
    unit: 'per_month',
    label: {
      fr: 'Interactions par mois (entraide, partage…)',
      en: 'Interactions per month (help, sharing…)',
    },
  },
  {
    id: 'surveys',
    unit: 'percent',
    label: {
      fr: 'Enquêtes à chaud répondues ÷ événements suivis',
      en: 'Hot surveys answered ÷ events attended',
    },
  },
  {
    id: 'sponsor',
    unit: 'count',
    label: {
      fr: 'Membres parrainés arrivés dans la fenêtre',
      en: 'Sponsored members who joined in the window',
    },
  },
];

/** A tier: `at` in the key's unit (percent for shares), 'any' = more than 0. */
export interface ScoreTier {
  key: string;
  component: ScoreComponentId;
  at: number | 'any';
  points: number;
  label: Bilingual;
}

const DEFAULT_TIERS: Array<[ScoreComponentId, number | 'any', number]> = [
  ['attendance', 90, 20],
  ['attendance', 75, 15],
  ['attendance', 50, 10],
  ['attendance', 25, 5],
  ['referrals', 2, 20],
  ['referrals', 1, 15],
  ['referrals', 0.5, 10],
  ['referrals', 'any', 5],
  ['business', 10_000, 15],
  ['business', 2_500, 10],
  ['business', 'any', 5],
  ['guests', 0.5, 10],
  ['guests', 'any', 5],
  ['contents', 3, 10],
  ['contents', 1, 5],
  ['interactions', 2, 10],
  ['interactions', 'any', 5],
  ['surveys', 50, 10],
  ['surveys', 'any', 5],
  ['sponsor', 1, 5],
];

function tierLabel(component: ScoreComponentId, at: number | 'any'): Bilingual {
  const spec = SCORE_COMPONENTS.find((c) => c.id === component)!;
  const number = (lang: Lang) =>
    at === 'any'
      ? '> 0'
      : `≥ ${formatUpTo(at, lang, 2)}${spec.unit === 'percent' ? (lang === 'fr' ? '\u00a0%' : '%') : ''}`;
  return { fr: `${spec.label.fr} ${number('fr')}`, en: `${spec.label.en} ${number('en')}` };
}

function tierKey(component: ScoreComponentId, at: number | 'any'): string {
  return `score.${component}.${at === 'any' ? 'any' : String(at)}`;
}

/** The default Settings keys with their points and FR/EN labels (SPEC §4's table), for the Palmarès. */
export const SCORE_SETTINGS: ScoreTier[] = DEFAULT_TIERS.map(([component, at, points]) => ({
  key: tierKey(component, at),
  component,
  at,
  points,
  label: tierLabel(component, at),
}));

/** The threshold part of a key: a number (`0.5`, `0,5`, `10 000`), or `any` / `0` / `>0` for "more than 0". */
function parseThreshold(text: string): number | 'any' | null {
  const t = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  if (t === 'any' || t === '>0' || t === 'tout') return 'any';
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n === 0 ? 'any' : n;
}

/** The tiers in force: the defaults changed by Settings `score.*`, best first within each component. */
export function scoreTiers(settings: Settings): ScoreTier[] {
  const tiers = new Map<string, ScoreTier>();
  const id = (component: string, at: number | 'any') => `${component}|${at}`;
  for (const t of SCORE_SETTINGS) tiers.set(id(t.component, t.at), { ...t });
  for (const [rawKey, points] of Object.entries(settings.score)) {
    const dot = rawKey.indexOf('.');
    if (dot < 0) continue;
    const component = rawKey.slice(0, dot) as ScoreComponentId;
    if (!SCORE_COMPONENTS.some((c) => c.id === component)) continue;
    const at = parseThreshold(rawKey.slice(dot + 1));
    if (at === null || !Number.isFinite(points) || points < 0) continue;
    const key = id(component, at);
    if (points === 0) tiers.delete(key);
    else
      tiers.set(key, { key: tierKey(component, at), component, at, points, label: tierLabel(component, at) });
  }
  const order = (c: ScoreComponentId) => SCORE_COMPONENTS.findIndex((s) => s.id === c);
  return [...tiers.values()].sort(
    (a, b) =>
      order(a.component) - order(b.component) ||
      (b.at === 'any' ? 0 : b.at) - (a.at === 'any' ? 0 : a.at) ||
      b.points - a.points,
  );
}

export interface ScoreWindow {
  start: Day;
  end: Day;
  months: number;
  /** The window of the same length just before, for the trend. */
  previousStart: Day;
  previousEnd: Day;
}

/** The score window: `score_window_months` months ending at P's end, or at the last completed month's end while P is not over. */
export function scoreWindow(period: Period, today: Day, settings: Settings): ScoreWindow {
  const months = settings.scoreWindowMonths;
  let end = period.end;
  if (period.end >= today) {
    const { year, month } = ymdOf(today);
    end = dayOf(year, month, 1) - 1;
  }
  const start = addMonths(end + 1, -months);
  return { start, end, months, previousEnd: start - 1, previousStart: addMonths(start, -months) };
}

export interface ScoreComponent {
  id: ScoreComponentId;
  /** The measure: a fraction for attendance and surveys, per month, money or a count; null when it has no base. */
  value: number | null;
  points: number;
  /** The best tier's points. */
  max: number;
}

export interface MemberScore {
  /** 1 = best; equal scores share a rank (1, 2, 2, 4). */
  rank: number;
  memberId: string;
  name: string;
  score: number;
  colour: ScoreColour;
  /** Points missing to reach green (0 when green). */
  missingToGreen: number;
  components: ScoreComponent[];
  /** The score over the previous window, null when the member was not active at its end. */
  previous: number | null;
  /** score − previous. */
  trend: number | null;
}

export function colourOf(score: number): ScoreColour {
  if (score >= SCORE_COLOURS.green) return 'green';
  if (score >= SCORE_COLOURS.amber) return 'amber';
  if (score >= SCORE_COLOURS.red) return 'red';
  return 'grey';
}

/** What one member did in one window. */
interface Activity {
  attended: Set<string>;
  referrals: number;
  business: number;
  guests: number;
  contents: number;
  interactions: number;
  surveyed: Set<string>;
  sponsored: number;
}

const blank = (): Activity => ({
  attended: new Set(),
  referrals: 0,
  business: 0,
  guests: 0,
  contents: 0,
  interactions: 0,
  surveyed: new Set(),
  sponsored: 0,
});

const EPS = 1e-9;

/** Every member active at P's end, scored and ranked, best first (ties by name). */
export function scoreMembers(club: Club, period: Period, today: Day, settings: Settings): MemberScore[] {
  const w = scoreWindow(period, today, settings);
  const tiers = scoreTiers(settings);
  const activeAt = effectiveEnd(period, today);
  const scored = club.members.filter((m) => isActiveOn(m, activeAt));
  const acts = bucketActivity(club, scored, w);
  const held = eventsHeld(club, w, today);
  const scoreIn = (m: Member, act: Activity, start: Day, end: Day) =>
    scoreWithin(tiers, w, act, held(m, start, end));

  const rows = scored.map((m) => {
    const [now, before] = acts.get(m.id)!;
    const { total, parts } = scoreIn(m, now, w.start, w.end);
    const previous = isActiveOn(m, w.previousEnd)
      ? scoreIn(m, before, w.previousStart, w.previousEnd).total
      : null;
    return {
      rank: 0,
      memberId: m.id,
      name: `${m.firstName} ${m.lastName}`.trim() || m.id,
      score: total,
      colour: colourOf(total),
      missingToGreen: Math.max(0, SCORE_COLOURS.green - total),
      components: parts,
      previous,
      trend: previous === null ? null : total - previous,
    } satisfies MemberScore;
  });
  return ranked(rows);
}

/**
 * What each scored member did, by window: every row list walked once and bucketed by member,
 * [0] the window, [1] the previous one.
 */
function bucketActivity(club: Club, scored: Member[], w: ScoreWindow): Map<string, [Activity, Activity]> {
  const acts = new Map<string, [Activity, Activity]>();
  for (const m of scored) acts.set(m.id, [blank(), blank()]);
  const slot = (member: Member | null, day: Day | null): Activity | null => {
    if (!member || day === null) return null;
    const pair = acts.get(member.id);
    if (!pair) return null;
    if (day >= w.start && day <= w.end) return pair[0];
    if (day >= w.previousStart && day <= w.previousEnd) return pair[1];
    return null;
  };
  for (const a of club.attendance) {
    if (a.attended !== true) continue;
    // Attended while a member (an event before joining is a guest visit, not in the base either).
    if (a.member && isActiveOn(a.member, a.event.date))
      slot(a.member, a.event.date)?.attended.add(a.event.id);
    if (a.guest && a.invitedBy) {
      const s = slot(a.invitedBy, a.event.date);
      if (s) s.guests++;
    }
  }
  for (const r of club.referrals) {
    const given = slot(r.giver, r.date);
    if (given) given.referrals++;
    if (r.status === 'won') {
      const closed = slot(r.giver, r.closedOn ?? r.date);
      if (closed) closed.business += r.value ?? 0;
    }
  }
  for (const c of club.contents) {
    const s = slot(c.author, c.date);
    if (s) s.contents++;
  }
  for (const i of club.interactions) {
    const s = slot(i.member, i.date);
    if (s) s.interactions++;
  }
  for (const m of club.members) {
    if (m.status === 'prospect') continue;
    const s = slot(m.sponsor, m.joinedOn);
    if (s) s.sponsored++;
  }
  // Hot answers count for the signed member's attended events (anonymous answers for nobody).
  for (const a of club.answers) {
    if (a.kind !== 'hot' || !a.event || !a.member) continue;
    const s = slot(a.member, a.event.date);
    if (s?.attended.has(a.event.id)) s.surveyed.add(a.event.id);
  }
  return acts;
}

/** How many events of [start, end] were held while the member was active (both windows, up to today). */
function eventsHeld(club: Club, w: ScoreWindow, today: Day): (m: Member, start: Day, end: Day) => number {
  const eventDays = club.events
    .map((e) => e.date)
    .filter((d) => d >= w.previousStart && d <= w.end && d <= today)
    .sort((a, b) => a - b);
  return (m, start, end) => {
    // The member is active on every day of [joined, left]: the events of the window held then.
    const from = Math.max(start, m.joinedOn ?? end + 1);
    const to = Math.min(end, m.leftOn ?? end);
    return to < from ? 0 : upper(eventDays, to) - upper(eventDays, from - 1);
  };
}

/** A member's score over one window, from what they did and the events held while active. */
function scoreWithin(
  tiers: ScoreTier[],
  w: ScoreWindow,
  act: Activity,
  held: number,
): { total: number; parts: ScoreComponent[] } {
  const attended = act.attended.size;
  const values: Record<ScoreComponentId, number | null> = {
    attendance: held > 0 ? attended / held : null,
    referrals: act.referrals / w.months,
    business: act.business,
    guests: act.guests / w.months,
    contents: act.contents,
    interactions: act.interactions / w.months,
    // Nothing attended: 0 (SPEC §12).
    surveys: attended > 0 ? act.surveyed.size / attended : 0,
    sponsor: act.sponsored,
  };
  let total = 0;
  const parts = SCORE_COMPONENTS.map(({ id, unit }) => {
    const own = tiers.filter((t) => t.component === id);
    const value = values[id];
    const points = value === null ? 0 : pointsOf(own, unit === 'percent' ? value * 100 : value);
    total += points;
    return { id, value, points, max: Math.max(0, ...own.map((t) => t.points)) };
  });
  return { total: Math.min(MAX_SCORE, total), parts };
}

/** The points of the highest tier a measured value meets (0 when none). */
function pointsOf(tiers: ScoreTier[], measured: number): number {
  let points = 0;
  for (const t of tiers) {
    const meets = t.at === 'any' ? measured > EPS : measured >= t.at - EPS;
    if (meets && t.points > points) points = t.points;
  }
  return points;
}

/** Sorted best first (ties by name, then ID), equal scores sharing a rank. */
function ranked(rows: MemberScore[]): MemberScore[] {
  rows.sort(
    (a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId),
  );
  rows.forEach((r, i) => {
    r.rank = i > 0 && rows[i - 1].score === r.score ? rows[i - 1].rank : i + 1;
  });
  return rows;
}

/** How many sorted days are ≤ d. */
function upper(days: Day[], d: Day): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type ScoreLookup =
  | { ok: true; score: MemberScore }
  | { ok: false; reason: 'unknown_member' | 'ambiguous_member' | 'not_active' };

/** A member's score from a reference (ID, email or name, as in the tracking tabs): for CLUB_MEMBER_SCORE. */
export function scoreOf(report: { club: Club; scores: MemberScore[] }, memberRef: string): ScoreLookup {
  const found = report.club.resolver.resolve(String(memberRef));
  if ('ambiguous' in found) return { ok: false, reason: 'ambiguous_member' };
  if (!('member' in found)) return { ok: false, reason: 'unknown_member' };
  const score = report.scores.find((s) => s.memberId === found.member.id);
  return score ? { ok: true, score } : { ok: false, reason: 'not_active' };
}
