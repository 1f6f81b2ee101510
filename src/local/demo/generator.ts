/**
 * The one seeded generator of synthetic clubs, shared by the demo workbook, `init --demo`, test
 * workbooks and benchmarks. `generateClub` builds every tracking tab of SPEC §1 (header row in the
 * chosen language, then data rows of workbook-model cells) for a club of a given scale, the same
 * output for the same options: its own seeded PRNG streams, never Math.random nor the real clock.
 * With `messy: true` it adds the defects of hand-kept sheets listed in `MESSY_DEFECTS` (messy.ts).
 */

import type { CellValue, DateCell } from '../workbook/model';
import {
  BIOS,
  CHANNELS,
  COLD_COMMENTS,
  EVENT_TITLES,
  EXPECTATIONS,
  EXPERTISES,
  EXPERTISES_EN,
  FIRST_NAMES,
  HOT_COMMENTS,
  INTERACTION_NOTES,
  LAST_NAMES,
  LEAVE_REASONS,
  MOST_VALUABLE,
  PRESS_SOURCES,
  REFERRAL_NOTES,
  SECTORS,
  SECTORS_EN,
  SOCIAL_SOURCES,
  TOPICS,
} from './corpus';
import { addMonths, addYears, serialFromIso, serialFromYmd, weekday, ymdFromSerial } from './dates';
import {
  type EventFormat,
  headerLabels,
  type Lang,
  TAB_LABELS,
  TAB_ORDER,
  type TabKey,
  VOCABULARY,
} from './labels';
import { applyMessyDefects, type InjectedDefect } from './messy';
import {
  ActiveSampler,
  generateGuests,
  generateMembers,
  isActive,
  type Member,
  type Person,
  REGULAR_SHARE,
  slug,
} from './people';
import { createRng, type Rng } from './random';

export type { Lang, TabKey } from './labels';
export { headerLabels, TAB_LABELS, TAB_ORDER, VOCABULARY } from './labels';
export { type InjectedDefect, MESSY_DEFECTS, MESSY_EXPECTED_ISSUES, type MessyDefect } from './messy';

export type ClubScale = 'demo' | 'S' | 'M' | 'L';

export interface GeneratedTab {
  key: TabKey;
  /** Tab name in the chosen language: 'Membres' or 'Members', etc. */
  name: string;
  /** Row 0 = header labels exactly as SPEC §1 spells them; every row is as wide as the header. */
  rows: CellValue[][];
}

export interface GeneratedClub {
  name: string;
  tabs: GeneratedTab[];
  /** members = generated members (Members rows less the messy blank and duplicate ones); rows = data rows of every tab (headers excluded); cells = every cell, headers included. */
  stats: { members: number; rows: number; cells: number };
  /** Where the messy defects landed (1-based sheet rows); empty unless `messy`. */
  defects: InjectedDefect[];
}

export interface GenerateClubOptions {
  scale: ClubScale;
  /** Default 1. */
  seed?: number;
  /** Default 'fr'. */
  lang?: Lang;
  /** 'YYYY-MM-DD': the last day of history; only a few planned events come after it. */
  today: string;
  messy?: boolean;
}

interface ScaleConfig {
  members: number;
  years: number;
  /** Events in total, planned ones included. */
  events: number;
  planned: [number, number];
  /** Attendance rows of held events (members and guests). */
  attendance: number;
  referrals: number;
  interactions: number;
  contents: number;
  visibility: number;
  stories: number;
  hotSurveyShare: number;
  hotResponse: number;
  coldResponse: number;
  founderShare: number;
}

/** Targets per scale; the tests hold the generated sizes within ±15 % of them. */
export const SCALES: Readonly<Record<ClubScale, ScaleConfig>> = {
  demo: {
    members: 120,
    years: 2,
    events: 99,
    planned: [2, 3],
    attendance: 2400,
    referrals: 450,
    interactions: 700,
    contents: 90,
    visibility: 40,
    stories: 5,
    hotSurveyShare: 0.8,
    hotResponse: 0.45,
    coldResponse: 0.45,
    founderShare: 0.6,
  },
  S: {
    members: 100,
    years: 1,
    events: 39,
    planned: [2, 3],
    attendance: 800,
    referrals: 150,
    interactions: 250,
    contents: 30,
    visibility: 15,
    stories: 4,
    hotSurveyShare: 0.8,
    hotResponse: 0.45,
    coldResponse: 0.45,
    founderShare: 0.75,
  },
  M: {
    members: 1000,
    years: 3,
    events: 243,
    planned: [3, 3],
    attendance: 50_000,
    referrals: 6000,
    interactions: 8000,
    contents: 600,
    visibility: 150,
    stories: 10,
    hotSurveyShare: 0.75,
    hotResponse: 0.2,
    coldResponse: 0.3,
    founderShare: 0.6,
  },
  L: {
    members: 5000,
    years: 4,
    events: 1000,
    planned: [3, 3],
    attendance: 250_000,
    referrals: 50_000,
    interactions: 100_000,
    contents: 10_000,
    visibility: 800,
    stories: 30,
    hotSurveyShare: 0.75,
    hotResponse: 0.11,
    coldResponse: 0.15,
    founderShare: 0.55,
  },
};

export const DEMO_CLUB_NAME = {
  fr: 'Club des Entrepreneurs du Val de Loire',
  en: 'Loire Valley Business Club',
};

const OTHER_CLUB_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['Réseau Entreprendre Touraine', 'Touraine Business Network'],
  ['Club Affaires Sologne', 'Sologne Business Club'],
  ['Cercle des Dirigeants du Berry', 'Berry Business Leaders Circle'],
  ['Club Business Anjou', 'Anjou Business Club'],
];

/** Per format: share of events, attendance factor, mean satisfaction, hour of the day, cost, volunteer hours. */
const FORMATS: ReadonlyArray<{
  code: EventFormat;
  share: number;
  crowd: number;
  satisfaction: number;
  hour: number;
  cost: [number, number];
  hours: [number, number];
}> = [
  { code: 'breakfast', share: 0.26, crowd: 0.8, satisfaction: 4.2, hour: 8, cost: [0, 150], hours: [2, 4] },
  {
    code: 'afterwork',
    share: 0.2,
    crowd: 1.2,
    satisfaction: 4.0,
    hour: 18.5,
    cost: [200, 500],
    hours: [3, 6],
  },
  { code: 'webinar', share: 0.14, crowd: 1.2, satisfaction: 3.6, hour: 12.5, cost: [0, 0], hours: [1, 3] },
  {
    code: 'speed_business',
    share: 0.1,
    crowd: 1.0,
    satisfaction: 4.5,
    hour: 18,
    cost: [100, 250],
    hours: [3, 5],
  },
  { code: 'workshop', share: 0.1, crowd: 0.7, satisfaction: 4.3, hour: 14, cost: [50, 200], hours: [3, 6] },
  {
    code: 'conference',
    share: 0.08,
    crowd: 1.5,
    satisfaction: 4.1,
    hour: 18.5,
    cost: [500, 1500],
    hours: [6, 12],
  },
  { code: 'training', share: 0.05, crowd: 0.6, satisfaction: 4.2, hour: 9, cost: [300, 600], hours: [2, 4] },
  { code: 'visit', share: 0.05, crowd: 0.6, satisfaction: 4.4, hour: 10, cost: [0, 100], hours: [2, 4] },
  { code: 'other', share: 0.02, crowd: 1.0, satisfaction: 3.8, hour: 18, cost: [100, 400], hours: [8, 15] },
];

/** NPS 0…10 weights: 50 % promoters, 30 % passives, 20 % detractors → about +30. */
const HOT_NPS_WEIGHTS = [0.01, 0.01, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.2, 0.28, 0.22];
/** Cold answers are a little harsher: about +20. */
const COLD_NPS_WEIGHTS = [0.01, 0.01, 0.02, 0.02, 0.04, 0.06, 0.08, 0.12, 0.21, 0.25, 0.18];
const NPS_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** A month's name in the club's language (`mars`, `March`). */
function monthName(lang: Lang, month: number): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

const date = (serial: number): DateCell => ({ serial });

interface EventRecord {
  id: string;
  /** Serial with the hour as a fraction. */
  at: number;
  day: number;
  format: (typeof FORMATS)[number];
  topic: number;
  planned: boolean;
  hotSurvey: boolean;
  capacity: number;
}

interface Context {
  lang: Lang;
  L: 0 | 1;
  start: number;
  today: number;
  config: ScaleConfig;
  seed: number;
  members: Member[];
  engaged: ActiveSampler;
  business: ActiveSampler;
  events: EventRecord[];
  clubName: string;
}

const tr = (lang: Lang, word: { fr: string; en: string }): string => word[lang];

/** Generates a whole synthetic club; see the file header. */
export function generateClub(options: GenerateClubOptions): GeneratedClub {
  const config = SCALES[options.scale];
  if (!config) throw new Error(`Unknown club scale "${options.scale}".`);
  const lang: Lang = options.lang ?? 'fr';
  const seed = options.seed ?? 1;
  const today = serialFromIso(options.today);
  const start = addYears(today, -config.years) + 1;
  const rng = (stream: string): Rng => createRng(seed, `${options.scale}:${stream}`);

  const members = generateMembers(rng('members'), {
    count: config.members,
    start,
    today,
    founderShare: config.founderShare,
  });
  const clubName =
    options.scale === 'demo'
      ? DEMO_CLUB_NAME[lang]
      : rng('name').pick(OTHER_CLUB_NAMES)[lang === 'fr' ? 0 : 1];
  const ctx: Context = {
    lang,
    L: lang === 'fr' ? 0 : 1,
    start,
    today,
    config,
    seed,
    members,
    engaged: new ActiveSampler(members, (m) => m.engagement, start, today),
    business: new ActiveSampler(members, (m) => m.business, start, today),
    events: generateEvents(rng('events'), config, start, today),
    clubName,
  };

  const attendance = attendanceRows(ctx, rng('attendance'));
  const referrals = referralRows(ctx, rng('referrals'));
  const data: Record<TabKey, CellValue[][]> = {
    members: memberRows(ctx, rng('member-rows')),
    dues: duesRows(ctx, rng('dues')),
    events: eventRows(ctx),
    attendance: attendance.rows,
    communications: communicationRows(ctx, rng('communications')),
    interactions: interactionRows(ctx, rng('interactions')),
    referrals: referrals.rows,
    contents: contentRows(ctx, rng('contents')),
    responses: responseRows(ctx, rng('responses'), attendance.attendees),
    visibility: visibilityRows(ctx, rng('visibility')),
    stories: storyRows(ctx, rng('stories'), referrals.bestWon),
    investment: investmentRows(ctx, rng('investment')),
    settings: settingsRows(ctx),
    challenges: challengeRows(ctx),
  };

  const tabs: GeneratedTab[] = TAB_ORDER.map((key) => {
    const header = headerLabels(key, lang);
    // Optional columns the generator leaves empty (e.g. the membership form's) are written blank.
    const pad = (row: CellValue[]) =>
      row.length < header.length ? [...row, ...Array<CellValue>(header.length - row.length).fill('')] : row;
    return { key, name: TAB_LABELS[key].name[lang], rows: [header, ...data[key].map(pad)] };
  });
  const defects = options.messy
    ? applyMessyDefects(tabs, { lang, rng: rng('messy'), events: ctx.events.length })
    : [];

  let rows = 0;
  let cells = 0;
  for (const tab of tabs) {
    rows += tab.rows.length - 1;
    for (const row of tab.rows) cells += row.length;
  }
  return { name: clubName, tabs, stats: { members: members.length, rows, cells }, defects };
}

function generateEvents(rng: Rng, config: ScaleConfig, start: number, today: number): EventRecord[] {
  const planned = rng.int(config.planned[0], config.planned[1]);
  const held = config.events - planned;
  const first = start + 3;
  const last = today - 1;
  const span = last - first;
  const days: Array<{ day: number; planned: boolean }> = [];
  const toWeekday = (day: number, limit: number): number => {
    let d = day;
    if (weekday(d) === 6) d -= 1;
    if (weekday(d) === 0) d += 1;
    while (d > limit) d -= weekday(d) === 1 ? 3 : 1;
    return d;
  };
  for (let i = 0; i < held; i++)
    days.push({ day: toWeekday(first + Math.floor(((i + rng.next()) * span) / held), last), planned: false });
  for (let i = 0; i < planned; i++) {
    let day = today + 7 + Math.floor(((i + rng.next()) * 40) / planned);
    while (weekday(day) === 0 || weekday(day) === 6) day++;
    days.push({ day, planned: true });
  }
  days.sort((a, b) => a.day - b.day);
  const width = Math.max(4, String(config.events).length);
  const meanCrowd = FORMATS.reduce((s, f) => s + f.share * f.crowd, 0);
  const perEvent = config.attendance / held / meanCrowd;
  return days.map(({ day, planned: isPlanned }, i) => {
    const format = rng.weighted(
      FORMATS,
      FORMATS.map((f) => f.share),
    );
    const at = day + Math.round(format.hour * 60) / 1440;
    const capacity = Math.max(15, Math.ceil((perEvent * format.crowd * 1.4) / 10) * 10);
    return {
      id: `EV-${String(i + 1).padStart(width, '0')}`,
      at,
      day,
      format,
      topic: rng.int(0, TOPICS.length - 1),
      planned: isPlanned,
      hotSurvey: !isPlanned && day <= today - 2 && rng.chance(config.hotSurveyShare),
      capacity,
    };
  });
}

function memberRows(ctx: Context, rng: Rng): CellValue[][] {
  const { lang, L } = ctx;
  return ctx.members.map((m) => {
    const status = m.prospect ? 'prospect' : m.left !== null ? 'former' : 'active';
    const p = m.profile;
    return [
      m.id,
      m.first,
      m.last,
      m.email,
      m.company,
      (L === 0 ? SECTORS : SECTORS_EN)[m.sector],
      date(m.joined),
      m.left === null ? '' : date(m.left),
      m.left !== null && rng.chance(0.85) ? LEAVE_REASONS[m.leaveReason][L] : '',
      m.prospect || rng.chance(0.9) ? tr(lang, VOCABULARY.memberStatus[status]) : '',
      m.sponsor === null ? '' : ctx.members[m.sponsor].id,
      p.phone,
      p.website ? `https://www.${m.domain}` : '',
      p.linkedin ? `https://www.linkedin.com/in/${slug(m.first)}-${slug(m.last)}` : '',
      p.bio >= 0 ? BIOS[p.bio][L] : '',
      p.expertise.map((e) => (L === 0 ? EXPERTISES : EXPERTISES_EN)[e]).join(', '),
      p.photo ? `https://photos.example.org/club/${m.id}.jpg` : '',
      '', // offers (membership form, issue 17)
      '', // looking_for
      // agrees_to_be_named (issue 19): blank is no; drawn without the rng so other columns stay as they were.
      agreesToBeNamed(m) ? tr(lang, VOCABULARY.yes) : '',
    ];
  });
}

/** Three members in five agree to be named in the members' edition (a fixed rule, not a draw). */
function agreesToBeNamed(m: { index: number }): boolean {
  return m.index % 5 < 3;
}

function duesRows(ctx: Context, rng: Rng): CellValue[][] {
  const { lang, today } = ctx;
  const status = VOCABULARY.duesStatus;
  const rows: Array<{ day: number; row: CellValue[] }> = [];
  const firstYear = ymdFromSerial(ctx.start).year;
  const lastYear = ymdFromSerial(today).year;
  for (let year = firstYear; year <= lastYear; year++) {
    const yearStart = serialFromYmd(year, 1, 1);
    const yearEnd = serialFromYmd(year, 12, 31);
    for (const m of ctx.members) {
      if (m.prospect || m.joined > yearEnd || (m.left !== null && m.left < yearStart) || m.joined > today)
        continue;
      const joinedThisYear = m.joined >= yearStart;
      const due = joinedThisYear ? m.joined + rng.int(0, 10) : yearStart + 9 + rng.int(0, 75);
      const amount = joinedThisYear && ymdFromSerial(m.joined).month >= 7 ? 225 : m.reducedRate ? 300 : 450;
      // The first ledger year was kept by a treasurer who wrote seasons.
      const term = year === firstYear && rng.chance(0.12) ? `${year}-${year + 1}` : String(year);
      const order = Math.min(due, today);
      if (m.left !== null && m.left < due) {
        if (rng.chance(0.5))
          rows.push({ day: order, row: [m.id, term, amount, '', tr(lang, status.cancelled)] });
        continue;
      }
      if (due > today || (year === lastYear && rng.chance(0.03))) {
        rows.push({ day: order, row: [m.id, term, amount, '', tr(lang, status.pending)] });
        continue;
      }
      if (rng.chance(0.01)) {
        rows.push({ day: due, row: [m.id, term, amount, date(due), tr(lang, status.refunded)] });
        continue;
      }
      // A paid row with an empty status still counts as paid (it has a paid_on date).
      rows.push({
        day: due,
        row: [m.id, term, amount, date(due), rng.chance(0.03) ? '' : tr(lang, status.paid)],
      });
    }
  }
  rows.sort((a, b) => a.day - b.day);
  return rows.map((r) => r.row);
}

function eventTitle(ctx: Context, e: EventRecord): string {
  const base = EVENT_TITLES[e.format.code][ctx.L];
  if (e.format.code === 'other') return base;
  return `${base} : ${TOPICS[e.topic][ctx.L]}`.replace(' : ', ctx.lang === 'fr' ? ' : ' : ': ');
}

function eventRows(ctx: Context): CellValue[][] {
  const rng = createRng(ctx.seed, 'event-rows');
  return ctx.events.map((e) => [
    e.id,
    date(e.at),
    eventTitle(ctx, e),
    tr(ctx.lang, VOCABULARY.format[e.format.code]),
    e.capacity,
    e.format.cost[1] === 0 ? 0 : Math.round(rng.int(e.format.cost[0], e.format.cost[1]) / 10) * 10,
    rng.int(e.format.hours[0], e.format.hours[1]),
    e.hotSurvey ? `HOT-${e.id}` : '',
  ]);
}

/** Who attended each event with a hot survey: member index, or -1 for a guest. */
type Attendees = Map<number, number[]>;

/** How often a regular (people.ts) comes to an event, at most. */
const CORE_ATTENDANCE = 0.9;

function attendanceRows(ctx: Context, rng: Rng): { rows: CellValue[][]; attendees: Attendees } {
  const { lang, members, events, config } = ctx;
  const yes = tr(lang, VOCABULARY.yes);
  const no = tr(lang, VOCABULARY.no);
  const held = events.filter((e) => !e.planned).length;
  const guestShare = 0.08;
  const meanCrowd = FORMATS.reduce((s, f) => s + f.share * f.crowd, 0);
  const perEvent = config.attendance / held / (1 + guestShare) / meanCrowd;

  // Guests who later join: about 40 % of those who joined during the history first came as guests.
  const converting = new Map<number, number[]>();
  for (const m of members) {
    if (m.prospect || m.joined < ctx.start + 20 || !rng.chance(0.4)) continue;
    const candidates: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (!e.planned && e.day >= m.joined - 150 && e.day <= m.joined - 10) candidates.push(i);
    }
    if (candidates.length === 0) continue;
    const i = rng.pick(candidates);
    const list = converting.get(i) ?? [];
    list.push(m.index);
    converting.set(i, list);
  }
  const guests: Person[] = generateGuests(rng, Math.max(20, Math.round(members.length * 0.6)), members);

  const rows: CellValue[][] = [];
  const attendees: Attendees = new Map();
  const chosen: number[] = [];
  // Plain typed arrays: this loop runs members × events times (5 million at scale L).
  const n = members.length;
  const from = new Float64Array(n);
  const to = new Float64Array(n);
  const weight = new Float64Array(n);
  for (const m of members) {
    from[m.index] = m.prospect ? Number.POSITIVE_INFINITY : m.joined;
    to[m.index] = m.left ?? Number.POSITIVE_INFINITY;
    weight[m.index] = m.engagement;
  }
  // A core of regulars — the most engaged REGULAR_SHARE of the members — comes to most events, as in
  // real networks; the rest of each crowd is drawn by engagement. Without it the most engaged
  // members came to a third of the events, and a lively club's Palmarès had no green member.
  const core = new Uint8Array(n);
  const ranked = members.filter((m) => !m.prospect).sort((a, b) => b.engagement - a.engagement);
  for (const m of ranked.slice(0, Math.round(ranked.length * REGULAR_SHARE))) core[m.index] = 1;
  const active = new Int32Array(n);
  for (let ei = 0; ei < events.length; ei++) {
    const e = events[ei];
    const who: number[] = [];
    let total = 0;
    let count = 0;
    let regulars = 0;
    for (let i = 0; i < n; i++) {
      if (from[i] <= e.day && to[i] >= e.day) {
        active[count++] = i;
        if (core[i]) regulars++;
        else total += weight[i];
      }
    }
    const wanted = perEvent * e.format.crowd * (e.planned ? 0.5 : 1) * (0.8 + 0.4 * rng.next());
    // Regulars fill at most two thirds of the crowd.
    const coreChance = regulars > 0 ? Math.min(CORE_ATTENDANCE, ((2 / 3) * wanted) / regulars) : 0;
    const k = total > 0 ? Math.max(0, wanted - regulars * coreChance) / total : 0;
    chosen.length = 0;
    for (let j = 0; j < count; j++) {
      const i = active[j];
      if (rng.next() < (core[i] ? coreChance : Math.min(0.9, weight[i] * k))) chosen.push(i);
    }
    for (const index of chosen) {
      const m = members[index];
      const ref = rng.chance(0.05) ? m.email : m.id;
      if (e.planned) {
        rows.push([e.id, ref, yes, '', no, '']);
        continue;
      }
      const registered = rng.chance(0.93);
      const r = rng.next();
      const attended = !registered ? yes : r < 0.8 ? yes : r < 0.94 ? no : '';
      rows.push([e.id, ref, registered ? yes : no, attended, rng.chance(0.9) ? no : '', '']);
      if (attended === yes) who.push(index);
    }
    if (!e.planned) {
      const inviter = (): string =>
        chosen.length > 0
          ? members[rng.pick(chosen)].id
          : members[Math.max(0, ctx.engaged.pick(rng, e.day))].id;
      for (const index of converting.get(ei) ?? []) {
        const m = members[index];
        rows.push([e.id, m.email, yes, yes, yes, m.sponsor !== null ? members[m.sponsor].id : inviter()]);
        who.push(-1);
      }
      const outsiders = Math.round(chosen.length * guestShare * (0.5 + rng.next()));
      // Distinct guests per event: one person is not an event's guest twice.
      const invited = new Set<(typeof guests)[number]>();
      for (let g = 0; g < outsiders; g++) {
        const guest = rng.pick(guests);
        if (invited.has(guest)) continue;
        invited.add(guest);
        const attended = rng.chance(0.85);
        rows.push([e.id, guest.email, yes, attended ? yes : no, yes, inviter()]);
        if (attended) who.push(-1);
      }
    }
    if (e.hotSurvey) attendees.set(ei, who);
  }
  return { rows, attendees };
}

function communicationRows(ctx: Context, rng: Rng): CellValue[][] {
  const { lang, L, today, start } = ctx;
  const type = VOCABULARY.communicationType;
  const out: Array<{ day: number; row: CellValue[] }> = [];
  // Subscribers beyond active members: prospects, partners, former members.
  const extra = Math.max(5, Math.round(ctx.config.members * 0.15));
  const add = (day: number, campaign: string, kind: keyof typeof type, openBoost = 0): void => {
    if (day < start || day > today) return;
    const recipients = ctx.engaged.activeCount(day) + rng.int(0, extra);
    const bounces = Math.round(recipients * (0.005 + rng.next() * 0.025));
    const delivered = recipients - bounces;
    out.push({
      day,
      row: [
        date(day),
        campaign,
        tr(lang, type[kind]),
        recipients,
        bounces,
        Math.round(delivered * (0.35 + openBoost + rng.next() * 0.15)),
        Math.round(delivered * (0.03 + rng.next() * 0.07)),
        Math.round(recipients * rng.next() * 0.006),
      ],
    });
  };
  for (let month = addMonths(start, 0); month <= today; month = addMonths(month, 1)) {
    const { year, month: mm } = ymdFromSerial(month);
    let day = month;
    while (weekday(day) !== 2) day++;
    add(day + rng.int(0, 2), `Newsletter ${monthName(lang, mm)} ${year}`, 'newsletter');
    if (mm === 3 || mm === 10) {
      add(
        day + rng.int(7, 14),
        L === 0 ? `Appel à projets collectifs ${year}` : `Call for joint projects ${year}`,
        'call_for_projects',
      );
    }
    if (mm === 1)
      add(day - rng.int(0, 3), L === 0 ? `Vœux ${year}` : `Season's greetings ${year}`, 'other', 0.05);
  }
  for (const e of ctx.events) {
    if (!rng.chance(0.5)) continue;
    add(e.day - rng.int(7, 14), `Invitation — ${eventTitle(ctx, e)}`, 'invitation', 0.05);
  }
  out.sort((a, b) => a.day - b.day);
  return out.map((o) => o.row);
}

function uniformDay(ctx: Context, rng: Rng): number {
  return ctx.start + Math.floor(rng.next() * (ctx.today - ctx.start + 1));
}

function sortedByDay(rows: Array<{ day: number; row: CellValue[] }>): CellValue[][] {
  rows.sort((a, b) => a.day - b.day);
  return rows.map((r) => r.row);
}

function interactionRows(ctx: Context, rng: Rng): CellValue[][] {
  const type = VOCABULARY.interactionType;
  const types = Object.keys(type) as Array<keyof typeof type>;
  const out: Array<{ day: number; row: CellValue[] }> = [];
  for (let i = 0; i < ctx.config.interactions; i++) {
    const day = uniformDay(ctx, rng);
    const who = ctx.engaged.pick(rng, day);
    if (who < 0) continue;
    const note = rng.chance(0.35) ? rng.pick(INTERACTION_NOTES)[ctx.L] : '';
    out.push({
      day,
      row: [
        date(day),
        ctx.members[who].id,
        tr(ctx.lang, type[rng.weighted(types, [0.25, 0.2, 0.2, 0.15, 0.2])]),
        rng.pick(CHANNELS)[ctx.L],
        note,
      ],
    });
  }
  return sortedByDay(out);
}

interface WonReferral {
  giver: number;
  receiver: number;
  value: number;
  closed: number;
  partnership: boolean;
}

function referralRows(ctx: Context, rng: Rng): { rows: CellValue[][]; bestWon: WonReferral[] } {
  const { lang, today, members } = ctx;
  const type = VOCABULARY.referralType;
  const status = VOCABULARY.referralStatus;
  const types = Object.keys(type) as Array<keyof typeof type>;
  const memberNames = new Set(members.map((m) => `${m.first} ${m.last}`));
  const out: Array<{ day: number; row: CellValue[] }> = [];
  const won: WonReferral[] = [];
  for (let i = 0; i < ctx.config.referrals; i++) {
    const day = uniformDay(ctx, rng);
    const giver = ctx.business.pick(rng, day);
    if (giver < 0) continue;
    let receiver = -1;
    let receiverRef: string;
    if (rng.chance(0.95)) receiver = ctx.business.pick(rng, day, giver);
    if (receiver >= 0) receiverRef = members[receiver].id;
    else {
      // An external person: no member has this name.
      do receiverRef = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      while (memberNames.has(receiverRef));
    }
    const kind = rng.weighted(types, [0.4, 0.3, 0.15, 0.08, 0.07]);
    let outcome: keyof typeof status;
    if (today - day < 30) outcome = rng.chance(0.8) ? 'open' : 'dropped';
    else outcome = rng.weighted(['won', 'lost', 'dropped', 'open'] as const, [0.35, 0.2, 0.3, 0.15]);
    let closed: number | null = null;
    if (outcome !== 'open') {
      closed = day + rng.int(7, 120);
      if (closed > today) {
        closed = null;
        outcome = 'open';
      }
    }
    let value: CellValue = '';
    if (outcome === 'won' && rng.chance(0.95)) {
      const big = kind === 'partnership' || kind === 'joint_project' ? 3 : 1;
      value = Math.max(100, Math.round((Math.exp(rng.normal(Math.log(3000), 1)) * big) / 50) * 50);
      if (receiver >= 0 && closed !== null) {
        won.push({
          giver,
          receiver,
          value,
          closed,
          partnership: kind === 'partnership' || kind === 'joint_project',
        });
      }
    }
    out.push({
      day,
      row: [
        date(day),
        members[giver].id,
        receiverRef,
        tr(lang, type[kind]),
        tr(lang, status[outcome]),
        value,
        closed === null ? '' : date(closed),
        rng.chance(0.4) ? rng.pick(REFERRAL_NOTES)[ctx.L] : '',
      ],
    });
  }
  won.sort((a, b) => b.value - a.value);
  return { rows: sortedByDay(out), bestWon: won.slice(0, 50) };
}

const CONTENT_TITLES: ReadonlyArray<readonly [string, string]> = [
  ['5 conseils sur : {t}', '5 tips on: {t}'],
  ['Notre retour d’expérience — {t}', 'What we learnt — {t}'],
  ['{t} : les bases', '{t}: the basics'],
  ['Checklist {t}', '{t} checklist'],
  ['{t} : les erreurs à éviter', '{t}: mistakes to avoid'],
];

function contentRows(ctx: Context, rng: Rng): CellValue[][] {
  const type = VOCABULARY.contentType;
  const types = Object.keys(type) as Array<keyof typeof type>;
  const topicWeights = TOPICS.map((_, i) => 1 / (i + 1.5));
  const out: Array<{ day: number; row: CellValue[] }> = [];
  for (let i = 0; i < ctx.config.contents; i++) {
    const day = uniformDay(ctx, rng);
    const author = ctx.engaged.pick(rng, day);
    if (author < 0) continue;
    const topic = rng.weighted(TOPICS, topicWeights);
    out.push({
      day,
      row: [
        date(day),
        ctx.members[author].id,
        tr(ctx.lang, type[rng.weighted(types, [0.3, 0.12, 0.12, 0.1, 0.08, 0.2, 0.08])]),
        rng.pick(CONTENT_TITLES)[ctx.L].replace('{t}', topic[ctx.L]),
        topic[ctx.L],
        Math.floor(-Math.log(1 - rng.next()) * 8),
      ],
    });
  }
  return sortedByDay(out);
}

function clampScale(x: number): number {
  return Math.max(1, Math.min(5, Math.round(x)));
}

/** How much more than the average attendee a member answers hot surveys. */
const eagerness = (m: Member): number => Math.min(2, 0.6 + m.engagement * 0.4);

function responseRows(ctx: Context, rng: Rng, attendees: Attendees): CellValue[][] {
  const { lang, L, members, today } = ctx;
  const kind = VOCABULARY.responseKind;
  const out: Array<{ day: number; row: CellValue[] }> = [];
  const time = (): number => (rng.int(7 * 60, 22 * 60) + rng.next()) / 1440;
  let eagerSum = 0;
  let eagerCount = 0;
  for (const who of attendees.values())
    for (const index of who)
      if (index >= 0) {
        eagerSum += eagerness(members[index]);
        eagerCount++;
      }
  const meanEager = eagerCount > 0 ? eagerSum / eagerCount : 1;
  for (const [ei, who] of attendees) {
    const e = ctx.events[ei];
    for (const index of who) {
      // The engaged answer more often, as for cold surveys: a lively club's core is its core
      // everywhere (a flat 45 % left even its most active members under the score's 50 % tier).
      // Divided by the attendees' mean, so the scale's response rate stays what it says.
      const eager = index >= 0 ? eagerness(members[index]) / meanEager : 1;
      if (!rng.chance(Math.min(0.95, ctx.config.hotResponse * eager))) continue;
      let at = e.day + rng.weighted([0, 1, 2, 3], [0.5, 0.3, 0.12, 0.08]) + time();
      if (at < e.at) at = e.at + 0.1 + rng.next() * 0.05;
      if (at >= today + 1) at = today + 0.5;
      const contacts = Math.min(8, Math.floor(-Math.log(1 - rng.next()) * 2.2));
      out.push({
        day: at,
        row: [
          date(at),
          `HOT-${e.id}`,
          tr(lang, kind.hot),
          e.id,
          index >= 0 && rng.chance(0.88) ? members[index].id : '',
          rng.weighted(NPS_SCORES, HOT_NPS_WEIGHTS),
          clampScale(rng.normal(e.format.satisfaction, 0.7)),
          contacts,
          Math.min(contacts, rng.weighted([0, 1, 2], [0.55, 0.35, 0.1])),
          clampScale(rng.normal(3.6, 0.9)),
          '',
          '',
          '',
          '',
          '',
          rng.chance(0.2) ? rng.pick(HOT_COMMENTS)[L] : '',
        ],
      });
    }
  }
  // Cold survey each semester, open during its last month.
  const formats = FORMATS.map((f) => f.code);
  const firstYear = ymdFromSerial(ctx.start).year;
  for (let year = firstYear; year <= ymdFromSerial(today).year; year++) {
    for (const half of [1, 2]) {
      const end = half === 1 ? serialFromYmd(year, 6, 30) : serialFromYmd(year, 12, 31);
      const open = end - 30;
      if (open < ctx.start || open > today) continue;
      const last = Math.min(end, today);
      for (const m of members) {
        if (
          !isActive(m, open) ||
          !rng.chance(ctx.config.coldResponse * Math.min(1.5, 0.6 + m.engagement * 0.4))
        )
          continue;
        const at = open + rng.int(0, last - open) + time();
        const preferred = new Set<EventFormat>();
        for (let n = rng.int(1, 3); preferred.size < n; )
          preferred.add(rng.weighted(formats, [5, 3, 2, 4, 3, 2, 1, 2, 0.2]));
        out.push({
          day: at,
          row: [
            date(at),
            `COLD-${year}-S${half}`,
            tr(lang, kind.cold),
            '',
            rng.chance(0.85) ? m.id : '',
            rng.weighted(NPS_SCORES, COLD_NPS_WEIGHTS),
            '',
            '',
            rng.weighted([0, 1, 2, 3], [0.4, 0.35, 0.18, 0.07]),
            '',
            clampScale(rng.normal(3.9, 0.8)),
            clampScale(rng.normal(3.6, 0.9)),
            [...preferred].map((f) => tr(lang, VOCABULARY.format[f])).join(', '),
            rng.chance(0.6) ? rng.pick(MOST_VALUABLE)[L] : '',
            rng.chance(0.5) ? rng.pick(EXPECTATIONS)[L] : '',
            rng.chance(0.25) ? rng.pick(COLD_COMMENTS)[L] : '',
          ],
        });
      }
    }
  }
  return sortedByDay(out);
}

function visibilityRows(ctx: Context, rng: Rng): CellValue[][] {
  const { lang, L } = ctx;
  const type = VOCABULARY.visibilityType;
  const sentiment = VOCABULARY.sentiment;
  const types = Object.keys(type) as Array<keyof typeof type>;
  const out: Array<{ day: number; row: CellValue[] }> = [];
  for (let i = 0; i < ctx.config.visibility; i++) {
    const day = uniformDay(ctx, rng);
    const kind = rng.weighted(types, [0.2, 0.4, 0.08, 0.1, 0.1, 0.12]);
    let source: string;
    let link = '';
    if (kind === 'press' || kind === 'interview') {
      source = rng.pick(PRESS_SOURCES);
      if (kind === 'press') link = `https://www.${slug(source)}.fr/economie/club-${i + 1}`;
    } else if (kind === 'social') {
      source = rng.pick(SOCIAL_SOURCES);
      link = `https://www.${slug(source)}.com/posts/${slug(ctx.clubName)}-${i + 1}`;
    } else if (kind === 'partnership_request') source = rng.pick(ctx.members).company;
    else if (kind === 'speaking')
      source = rng.pick(['CCI Centre-Val de Loire', 'Université de Tours', 'BPI France', 'Mairie']);
    else source = L === 0 ? 'Un membre' : 'A member';
    const mood = rng.chance(0.05)
      ? ''
      : tr(lang, sentiment[rng.weighted(['positive', 'neutral', 'negative'] as const, [0.6, 0.3, 0.1])]);
    out.push({ day, row: [date(day), tr(lang, type[kind]), mood, source, link] });
  }
  return sortedByDay(out);
}

function storyRows(ctx: Context, rng: Rng, bestWon: WonReferral[]): CellValue[][] {
  const { L, members, today } = ctx;
  const out: Array<{ day: number; row: CellValue[] }> = [];
  const euros = (n: number): string =>
    L === 0 ? `${n.toLocaleString('fr-FR').replace(/\s/g, ' ')} €` : `€${n.toLocaleString('en-GB')}`;
  const kinds = [
    'business_generated',
    'partnerships_launched',
    'guest_conversion_rate',
    'decisive_connection_rate',
    'participation_rate',
    'referral_conversion_rate',
  ] as const;
  for (let i = 0; i < ctx.config.stories; i++) {
    const kpi = kinds[i % kinds.length];
    const ref = bestWon.length > 0 ? bestWon[(i * 7) % bestWon.length] : null;
    let day = uniformDay(ctx, rng);
    let a = members[Math.max(0, ctx.engaged.pick(rng, day))];
    let b = members[Math.max(0, ctx.engaged.pick(rng, day, a.index))];
    let value: CellValue = '';
    let title: string;
    let story: string;
    if ((kpi === 'business_generated' || kpi === 'partnerships_launched') && ref) {
      a = members[ref.giver];
      b = members[ref.receiver];
      day = Math.min(today, ref.closed + rng.int(3, 20));
      // The figure is in the unit of the KPI the story illustrates: euros for business, none for a
      // partnership (a count of one says nothing).
      if (kpi === 'business_generated') value = ref.value;
    }
    switch (kpi) {
      case 'business_generated':
        title =
          L === 0
            ? `Un contrat de ${euros(Number(value) || 5000)} grâce au club`
            : `A ${euros(Number(value) || 5000)} contract thanks to the club`;
        story =
          L === 0
            ? `${a.first} ${a.last} a recommandé ${b.company} à un client : contrat signé deux mois plus tard.`
            : `${a.first} ${a.last} recommended ${b.company} to a client: contract signed two months later.`;
        break;
      case 'partnerships_launched':
        title =
          L === 0 ? `${a.company} et ${b.company} s'associent` : `${a.company} and ${b.company} team up`;
        story =
          L === 0
            ? `Rencontrés lors d'un speed business, ils répondent ensemble à des appels d'offres.`
            : 'They met at a speed business evening and now bid for tenders together.';
        break;
      case 'guest_conversion_rate':
        title =
          L === 0
            ? `De l'invité au membre : ${b.first} ${b.last}`
            : `From guest to member: ${b.first} ${b.last}`;
        story =
          L === 0
            ? `Invité(e) par ${a.first} à un petit-déjeuner, ${b.first} a adhéré le mois suivant.`
            : `Invited by ${a.first} to a breakfast, ${b.first} joined the following month.`;
        break;
      case 'decisive_connection_rate':
        title = L === 0 ? 'Une mise en relation décisive' : 'A decisive introduction';
        story =
          L === 0
            ? `${a.first} a présenté ${b.first} à son banquier : le financement de l'usine est bouclé.`
            : `${a.first} introduced ${b.first} to their banker: the plant's funding is secured.`;
        break;
      case 'participation_rate':
        title = L === 0 ? 'Record de participation' : 'Record attendance';
        story =
          L === 0
            ? 'Plus de 80 % des membres présents à la soirée de rentrée.'
            : 'Over 80% of members came to the back-to-work evening.';
        value = 0.8;
        break;
      default:
        title = L === 0 ? 'Des recommandations mieux qualifiées' : 'Better qualified referrals';
        story =
          L === 0
            ? `Depuis l'atelier de ${a.first}, une recommandation sur deux aboutit.`
            : `Since ${a.first}'s workshop, one referral in two is won.`;
        value = 0.5;
    }
    const ids = a.index === b.index ? a.id : `${a.id}, ${b.id}`;
    // Shareable (issue 19) only when every member the story names agreed to be named.
    const named = kpi === 'participation_rate' ? [] : [a, b];
    const shareable = named.every(agreesToBeNamed);
    const yesNo = tr(ctx.lang, shareable ? VOCABULARY.yes : VOCABULARY.no);
    out.push({ day, row: [date(day), title, ids, kpi, value, story, yesNo] });
  }
  return sortedByDay(out);
}

function investmentRows(ctx: Context, rng: Rng): CellValue[][] {
  const { lang, L, today, start } = ctx;
  const cat = VOCABULARY.investmentCategory;
  const size = Math.sqrt(ctx.config.members / 120);
  const out: Array<{ day: number; row: CellValue[] }> = [];
  const add = (
    day: number,
    category: keyof typeof cat,
    hours: CellValue,
    amount: CellValue,
    note: readonly [string, string],
  ): void => {
    if (day >= start && day <= today)
      out.push({ day, row: [date(day), tr(lang, cat[category]), hours, amount, note[L]] });
  };
  const eventsByMonth = new Map<number, number>();
  for (const e of ctx.events) {
    const { year, month } = ymdFromSerial(e.day);
    eventsByMonth.set(year * 12 + month, (eventsByMonth.get(year * 12 + month) ?? 0) + 1);
  }
  for (let month = addMonths(start, 0); month <= today; month = addMonths(month, 1)) {
    const { year, month: mm } = ymdFromSerial(month);
    const monthEnd = addMonths(month, 1) - 1;
    add(monthEnd, 'time', Math.max(4, Math.round(rng.normal(20, 5) * size)), '', [
      'Bénévolat du bureau (réunions, préparation)',
      'Board volunteering (meetings, preparation)',
    ]);
    add(month + 4, 'tools', '', Math.round(49 * size), [
      'Abonnement logiciel d’emailing',
      'Emailing software subscription',
    ]);
    const held = eventsByMonth.get(year * 12 + mm) ?? 0;
    if (held > 0)
      add(
        monthEnd,
        'venue',
        '',
        held * rng.int(12, 20) * 10,
        L === 0 ? [`Location de salles (${held} événements)`, ''] : ['', `Room hire (${held} events)`],
      );
    if (mm % 3 === 1)
      add(month + 10, 'communication', '', Math.round(rng.int(150, 600) * size), [
        'Impression de flyers et sponsoring LinkedIn',
        'Flyers and LinkedIn sponsoring',
      ]);
    if (mm === 2)
      add(month + 14, 'organisation', '', 380, ['Assurance responsabilité civile', 'Liability insurance']);
    if (mm === 9)
      add(month + 20, 'organisation', Math.round(15 * size), Math.round(1200 * size), [
        'Soirée de rentrée',
        'Back-to-work evening',
      ]);
    if (mm === 12) add(month + 15, 'other', '', 120, ['Frais bancaires', 'Bank charges']);
  }
  return sortedByDay(out);
}

/** The board's monthly challenges: this month's, last month's and the one before (issue 17). */
function challengeRows(ctx: Context): CellValue[][] {
  const month = (back: number): string => {
    const { year, month: m } = ymdFromSerial(addMonths(ctx.today, -back));
    return `${year}-${String(m).padStart(2, '0')}`;
  };
  const fr = ctx.lang === 'fr';
  return [
    [month(2), fr ? 'participer à N événements' : 'attend N events', 2, '', ''],
    [month(1), fr ? 'amener un invité' : 'bring a guest', 1, 10, fr ? 'Défi invités' : 'Guest challenge'],
    [month(0), fr ? 'donner N recommandations' : 'give N referrals', 1, 20, ''],
  ];
}

function settingsRows(ctx: Context): CellValue[][] {
  const yes = tr(ctx.lang, VOCABULARY.yes);
  return [
    ['club_name', ctx.clubName],
    ['currency', 'EUR'],
    ['fiscal_year_start_month', 1],
    ['hourly_value', 30],
    ['active_min_events', 1],
    ['score_window_months', 6],
    ['leaderboard_public', yes],
    ['edition_leaderboard', yes],
    [
      'edition_message',
      ctx.lang === 'fr'
        ? 'Merci à toutes et à tous : chaque rencontre compte. Prochain rendez-vous à la soirée de rentrée !'
        : 'Thank you all: every meeting counts. See you at the back-to-work evening!',
    ],
    ['target.participation_rate', 0.6],
    ['target.nps', 30],
    ['target.renewal_rate', 0.85],
    ['target.show_up_rate', 0.75],
    ['target.email_open_rate', 0.35],
  ];
}
