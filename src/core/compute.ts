/**
 * The core's one entry point: from the raw tab grids (as `getValues()` returns them), the
 * spreadsheet locale and time zone, today's date and an optional period label, to the report —
 * every enabled KPI for the period and the previous one, the data issues, the recommendations —
 * and its JSON form, exactly SPEC §11's `--json` shape.
 */

import { cellLocaleOf } from './cells';
import { type ChallengesJson, challengesJson } from './challenge-views';
import { type ChallengesReport, challengesReport } from './challenges';
import { readClubTabs } from './club-tabs';
import { customDefinition, parseCustomKpis } from './custom-kpis';
import { type Day, dayFromIso, isoOf } from './dates';
import type { Lang } from './i18n';
import type { DataIssue, IssueLog } from './issues';
import { benchmarkOf, statusOf } from './kpis/benchmarks';
import { CATALOGUE } from './kpis/catalogue';
import { goodDirectionOf } from './kpis/direction';
import type { Benchmark, KpiContext, KpiDefinition, KpiResult, Measure, Status, Unit } from './kpis/types';
import { dropErasedRowIssues } from './member-data';
import { reportMissingTabs } from './missing-tabs';
import { buildClub, type Club } from './model';
import { clubBandOf } from './network/band-of';
import { applyPeers, readPeerTab } from './network/peers';
import { normalizeLabel } from './normalize';
import { defaultPeriodOf } from './period-choices';
import { type Period, parsePeriod, previousPeriod, yearEarlier } from './periods';
import type { RawTab, TabRead } from './read';
import { recommend } from './recommendations';
import type { Recommendation } from './recommendations/types';
import type { ReportContext } from './report-context';
import { TABS, type TabKey } from './schema';
import { type MemberScore, scoreMembers, scoreWindow } from './score';
import type { Settings } from './settings';
import { type MemberStatement, memberStatements } from './statements';
import { type Voice, type VoiceJson, voiceOf, voiceToJson } from './voice';

export interface ComputeInput {
  tabs: RawTab[];
  /** Spreadsheet locale, e.g. `fr_FR`. */
  locale: string;
  /** Spreadsheet time zone, e.g. `Europe/Paris`. */
  timeZone: string;
  /** Today in the spreadsheet time zone, `yyyy-MM-dd`. */
  today: string;
  /** Period label; default: Settings `default_period`, else the last completed semester. */
  period?: string | null;
}

export { languageOf } from './club-tabs';
export type { Recommendation };

export interface Report {
  period: Period;
  previous: Period;
  /** The same period a year earlier (the base of `previous_year`). */
  previousYear: Period;
  today: Day;
  lang: Lang;
  locale: string;
  timeZone: string;
  settings: Settings;
  kpis: KpiResult[];
  issues: DataIssue[];
  recommendations: Recommendation[];
  /** Activity scores of the active members, best first (SPEC §4, Palmarès). */
  scores: MemberScore[];
  /** What the network brought each member in the period (SPEC §4, Bilan membres). */
  statements: MemberStatement[];
  /** The monthly challenges (issue 17): history, this month's, last month's, wins in the score window. */
  challenges: ChallengesReport;
  club: Club;
  /** The valid custom KPIs of Settings (`custom:<id>`), enabled or not. */
  customKpis: KpiDefinition[];
  /** What members said in the period (issue 18). */
  voice: Voice;
}

export type ComputeOutcome =
  | { ok: true; report: Report }
  | { ok: false; code: 'bad_period' | 'bad_today'; message: string };

/** SPEC §11 `--json`. */
export interface ReportJson {
  period: string;
  previous: string;
  kpis: Array<{
    id: string;
    value: number | string[] | null;
    previous: number | string[] | null;
    delta: number | null;
    /** The same period a year earlier (SPEC §13), and value − that. */
    previous_year: number | string[] | null;
    delta_year: number | null;
    n: number;
    unit: Unit;
    status: Status | null;
    target: number | null;
    benchmark: Benchmark | null;
    details: Record<string, unknown>;
  }>;
  issues: Array<{
    tab: string;
    row: number | null;
    column: string | null;
    value: string;
    code: string;
    message: string;
  }>;
  recommendations: Array<{ id: string; text: string; severity: number }>;
  /** The monthly challenges (README, "JSON report"). */
  challenges: ChallengesJson;
  /** What members said (issue 18, SPEC §13). */
  voice: VoiceJson;
}

const BAD_PERIOD = {
  fr: 'Période « {p} » invalide : utilisez 2026-03, 2026-Q1, 2026-S1, 2026, FY2026 ou 2026-01-15..2026-03-31.',
  en: 'Invalid period "{p}": use 2026-03, 2026-Q1, 2026-S1, 2026, FY2026 or 2026-01-15..2026-03-31.',
};

export function computeReport(input: ComputeInput): ComputeOutcome {
  const today = dayFromIso(input.today);
  if (today === null)
    return { ok: false, code: 'bad_today', message: `Invalid date "${input.today}": use yyyy-MM-dd.` };
  // Settings first, issues aside: they decide the language, the fiscal year and the period.
  const { lang, settings, tabs, issues } = readClubTabs(input.tabs, input.locale, input.timeZone);
  const settingsRead = tabs.get('settings')!;
  const customKpis = parseCustomKpis(
    settings,
    settingsRead.name,
    cellLocaleOf(input.locale, input.timeZone),
    issues,
  ).map(customDefinition);

  const asked = input.period?.trim();
  let period: Period | null;
  if (asked) {
    period = parsePeriod(asked, settings.fyStartMonth);
    if (!period) return { ok: false, code: 'bad_period', message: BAD_PERIOD[lang].replace('{p}', asked) };
  } else {
    // A bad Settings default_period is the club's data, not the caller's argument: it is reported and
    // the default of SPEC §2 (the last completed semester) is used, so a refresh still works.
    if (settings.defaultPeriod && !parsePeriod(settings.defaultPeriod, settings.fyStartMonth))
      reportBadDefaultPeriod(settingsRead, settings.defaultPeriod, issues);
    period = defaultPeriodOf(settings, today);
  }
  const previous = previousPeriod(period, settings.fyStartMonth);

  reportMissingTabs(tabs, settings.enabledKpis, lang, issues);
  const club = buildClub(tabs, today, issues);
  dropErasedRowIssues(issues, tabs);
  const issueCountByTab = countIssuesByTab(issues.issues, tabs);
  const context: ReportContext = { club, period, previous, today, settings, lang };
  const kpis = computeKpis(context, issueCountByTab, customKpis);
  // Issue 22: the network's benchmarks, when the club imported them.
  const peers = readPeerTab(input.tabs);
  if (peers.size > 0) {
    const band = clubBandOf(club, period, today, settings, lang);
    applyPeers(kpis, peers, { period: period.label, band, settings, lang });
  }
  const recommendations = recommend({ ...context, kpis });
  const scores = scoreMembers(club, period, today, settings);
  const statements = memberStatements(club, period, today);
  const challenges = challengesReport(club, today, scoreWindow(period, today, settings));
  const tabOrder = TABS.map((t) => tabs.get(t.key)!.name);
  return {
    ok: true,
    report: {
      period,
      previous,
      previousYear: yearEarlier(period, settings.fyStartMonth),
      today,
      lang,
      locale: input.locale,
      timeZone: input.timeZone,
      settings,
      kpis,
      issues: issues.sorted(tabOrder),
      recommendations,
      scores,
      statements,
      challenges,
      club,
      customKpis,
      voice: voiceOf(club, period, today, settings, lang, customKpis),
    },
  };
}

function reportBadDefaultPeriod(tab: TabRead, label: string, issues: IssueLog): void {
  const row = tab.rows.find((r) => normalizeLabel(String(r.v.key ?? '')) === 'defaultperiod');
  issues.add({
    tab: tab.name,
    row: row?.row ?? null,
    column: String(row?.v.key ?? 'default_period'),
    value: `default_period = ${label}`,
    code: 'bad_setting',
    extra: { reason: BAD_PERIOD[issues.lang].replace('{p}', label) },
  });
}

function countIssuesByTab(issues: DataIssue[], tabs: Map<TabKey, { name: string }>): Map<TabKey, number> {
  const keyByName = new Map<string, TabKey>();
  for (const [key, tab] of tabs) keyByName.set(tab.name, key);
  const counts = new Map<TabKey, number>();
  for (const issue of issues) {
    const key = keyByName.get(issue.tab);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Every enabled KPI for `period`, with its previous value, delta, target, benchmark and status. */
export function computeKpis(
  context: ReportContext,
  issueCountByTab: Map<TabKey, number> = new Map(),
  customKpis: KpiDefinition[] = [],
): KpiResult[] {
  const { club, period, previous, today, settings, lang } = context;
  const current: KpiContext = { club, period, today, settings, lang, memo: new Map() };
  const before: KpiContext = { club, period: previous, today, settings, lang, memo: new Map() };
  const lastYear = yearEarlier(period, settings.fyStartMonth);
  const yearBefore: KpiContext = { club, period: lastYear, today, settings, lang, memo: new Map() };
  const minus = (a: Measure['value'], b: Measure['value']) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : null;
  const enabled = settings.enabledKpis ? new Set(settings.enabledKpis) : null;
  return [...CATALOGUE, ...customKpis]
    .filter((def) => !enabled || enabled.has(def.id))
    .map((def) => {
      const now = def.compute(current);
      const then = def.compute(before);
      const yearAgo = def.compute(yearBefore);
      const target = settings.targets[def.id] ?? null;
      const benchmark = benchmarkOf(def.id, settings, lang);
      const delta = minus(now.value, then.value);
      return {
        id: def.id,
        family: def.family,
        label: def.label[lang],
        unit: def.unit,
        display: def.display ?? def.unit,
        value: now.value,
        previous: then.value,
        delta,
        n: now.n,
        target,
        benchmark,
        status: statusOf(def, now.value, now.n, target, benchmark),
        formula: def.formula[lang],
        lowerIsBetter: def.lowerIsBetter === true,
        good: goodDirectionOf(def),
        previousYear: yearAgo.value,
        deltaYear: minus(now.value, yearAgo.value),
        previousN: then.n,
        previousYearN: yearAgo.n,
        yearly: def.rhythm === 'yearly',
        details: { ...(now.details ?? {}), ...(def.indicative ? { indicative: true } : {}) },
        issueCount: def.tabs.reduce((sum, tab) => sum + (issueCountByTab.get(tab) ?? 0), 0),
      };
    });
}

/** The report as SPEC §11's `--json` document. */
export function reportToJson(report: Report): ReportJson {
  return {
    period: report.period.label,
    previous: report.previous.label,
    kpis: report.kpis.map((k) => ({
      id: k.id,
      value: k.value,
      previous: k.previous,
      delta: k.delta,
      previous_year: k.previousYear,
      delta_year: k.deltaYear,
      n: k.n,
      unit: k.unit,
      status: k.status,
      target: k.target,
      benchmark: k.benchmark,
      details: jsonSafe(k.details) as Record<string, unknown>,
    })),
    issues: report.issues.map((i) => ({
      tab: i.tab,
      row: i.row,
      column: i.column,
      value: i.value,
      code: i.code,
      message: i.message,
    })),
    recommendations: report.recommendations.map((r) => ({ id: r.id, text: r.text, severity: r.severity })),
    challenges: challengesJson(report),
    voice: voiceToJson(report.voice),
  };
}

/** Days in details become ISO dates; everything else is already JSON. */
function jsonSafe(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonSafe(v, k);
    return out;
  }
  if (typeof value === 'number' && (key.endsWith('_on') || key === 'date')) return isoOf(value);
  return value;
}
