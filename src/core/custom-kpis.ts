/**
 * Custom KPIs (issue 18): a club defines its own indicator in Settings, key `custom_kpi.<id>`
 * (lowercase letters, digits, `_`), value `count <tab>` or `sum <tab>.<column>`, optionally
 * followed by `where <column> = <value>`; its label in `custom_kpi.<id>.label`. Rows count in a
 * period by the tab's own date column (Attendance by its event's date), never after today. The
 * definition is parsed against the schema — no formula is ever evaluated — and a bad one is a
 * data issue (Settings tab, row, key, reason) that leaves the KPI out. A valid one becomes a KPI
 * definition `custom:<id>` that flows like the catalogue's: dashboard, History, JSON, CLUB_KPI.
 */

import { type CellLocale, ChoiceMatcher, parseDate, parseNumber, parseYesNo } from './cells';
import type { Day } from './dates';
import type { Lang } from './i18n';
import type { IssueLog } from './issues';
import type { KpiContext, KpiDefinition, Measure, Unit } from './kpis/types';
import { normalizeLabel } from './normalize';
import type { Row, TabRead } from './read';
import { type ColumnSpec, TABS, type TabKey, type TabSpec } from './schema';
import type { CustomKpiSetting, Settings } from './settings';

export const CUSTOM_PREFIX = 'custom:';
const ID = /^[a-z0-9_]+$/;
const COUNT = /^count\s+(.+?)(?:\s+where\s+(.+?)\s*=\s*(.*))?$/i;
const SUM = /^sum\s+([^.]+?)\s*\.\s*(.+?)(?:\s+where\s+(.+?)\s*=\s*(.*))?$/i;

/** What a valid definition says. */
export interface CustomKpiSpec {
  /** `custom:<id>`. */
  kpiId: string;
  label: string;
  tab: TabKey;
  op: 'count' | 'sum';
  /** The summed column id (sum only). */
  column: string | null;
  where: { column: string; test: (row: Row) => boolean } | null;
  unit: Unit;
  /** The definition as typed, shown as the KPI's formula. */
  text: string;
}

/** Whether `id` names a custom KPI (`custom:<id>`, the id in lowercase letters, digits and `_`). */
export function isCustomKpiId(id: string): boolean {
  return id.startsWith(CUSTOM_PREFIX) && ID.test(id.slice(CUSTOM_PREFIX.length));
}

const REASONS = {
  id: {
    fr: 'identifiant après « custom_kpi. » : lettres minuscules, chiffres et _ seulement',
    en: 'id after "custom_kpi.": lowercase letters, digits and _ only',
  },
  grammar: {
    fr: 'attendu « count <onglet> » ou « sum <onglet>.<colonne> », suivi éventuellement de « where <colonne> = <valeur> » (aucune formule n’est calculée)',
    en: 'expected "count <tab>" or "sum <tab>.<column>", optionally followed by "where <column> = <value>" (no formula is evaluated)',
  },
  tab: { fr: 'onglet « {x} » inconnu (connus : {known})', en: 'unknown tab "{x}" (known: {known})' },
  undated: {
    fr: 'l’onglet « {x} » n’a pas de colonne de date pour situer ses lignes dans une période',
    en: 'tab "{x}" has no date column to place its rows in a period',
  },
  column: {
    fr: 'colonne « {x} » inconnue dans l’onglet {tab} (connues : {known})',
    en: 'unknown column "{x}" in tab {tab} (known: {known})',
  },
  notNumber: {
    fr: 'la colonne « {x} » ne contient pas des nombres : elle ne peut pas être additionnée',
    en: 'column "{x}" does not hold numbers: it cannot be summed',
  },
  value: {
    fr: 'valeur « {x} » illisible pour la colonne {column}',
    en: 'unreadable value "{x}" for column {column}',
  },
  duplicate: {
    fr: 'l’indicateur {x} est déjà défini plus haut : cette ligne est ignorée',
    en: 'KPI {x} is already defined above: this row is ignored',
  },
};

type Reason = keyof typeof REASONS;

const fillIn = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, k: string) => values[k] ?? whole);

/** The tab a name designates: its id, French or English name, matched leniently. */
function tabNamed(name: string): TabSpec | null {
  const key = normalizeLabel(name);
  return TABS.find((t) => [t.key, t.name.fr, t.name.en].some((n) => normalizeLabel(n) === key)) ?? null;
}

function columnNamed(spec: TabSpec, name: string): ColumnSpec | null {
  const key = normalizeLabel(name);
  return (
    spec.columns.find((c) =>
      [c.id, c.label.fr, c.label.en, ...(c.aliases ?? [])].some((n) => normalizeLabel(n) === key),
    ) ?? null
  );
}

/** The column that dates a tab's rows (the first date column; Attendance has none of its own). */
export function dateColumnOf(spec: TabSpec): string | null {
  return spec.columns.find((c) => c.kind === 'date')?.id ?? null;
}

const NUMERIC = new Set(['number', 'count', 'scale']);
const MONEY = new Set(['amount', 'value', 'cost']);
const HOURS = new Set(['hours', 'volunteer_hours']);

/** The test of a `where` clause, or the reason it cannot be read. */
function whereTest(column: ColumnSpec, raw: string, locale: CellLocale): ((row: Row) => boolean) | null {
  const value = raw.trim().replace(/^(["'«])\s*(.*?)\s*(["'»])$/, '$2');
  switch (column.kind) {
    case 'enum': {
      const parsed = new ChoiceMatcher(column.choices ?? []).parse(value, 'fr');
      if (!parsed.ok || parsed.value === null) return null;
      const id = parsed.value;
      return (row) => row.v[column.id] === id;
    }
    case 'yesno': {
      const parsed = parseYesNo(value);
      if (!parsed.ok || parsed.value === null) return null;
      const b = parsed.value;
      return (row) => row.v[column.id] === b;
    }
    case 'date': {
      const parsed = parseDate(value, locale);
      if (!parsed.ok || parsed.value === null) return null;
      const day = parsed.value;
      return (row) => row.v[column.id] === day;
    }
    case 'number':
    case 'count':
    case 'scale': {
      const parsed = parseNumber(value, locale);
      if (!parsed.ok || parsed.value === null) return null;
      const n = parsed.value;
      return (row) => row.v[column.id] === n;
    }
    default: {
      const key = normalizeLabel(value);
      return (row) => normalizeLabel(row.raw(column.id)) === key;
    }
  }
}

/** Parses one definition: the spec, or the reason (with its fill-ins) it is unusable. */
function parseOne(
  setting: CustomKpiSetting,
  settings: Settings,
  locale: CellLocale,
): { ok: true; spec: CustomKpiSpec } | { ok: false; reason: Reason; x: Record<string, string> } {
  if (!ID.test(setting.id)) return { ok: false, reason: 'id', x: {} };
  const text = setting.definition.trim();
  const count = COUNT.exec(text);
  const sum = count ? null : SUM.exec(text);
  if (!count && !sum) return { ok: false, reason: 'grammar', x: {} };
  const [tabName, columnName, whereColumn, whereValue] = count
    ? [count[1], null, count[2], count[3]]
    : [sum![1], sum![2], sum![3], sum![4]];
  const spec = tabNamed(tabName);
  if (!spec || spec.key === 'settings')
    return {
      ok: false,
      reason: 'tab',
      x: {
        x: tabName,
        known: TABS.filter((t) => t.key !== 'settings')
          .map((t) => t.key)
          .join(', '),
      },
    };
  if (spec.key !== 'attendance' && !dateColumnOf(spec))
    return { ok: false, reason: 'undated', x: { x: tabName } };
  const known = { tab: spec.key, known: spec.columns.map((c) => c.id).join(', ') };
  let column: ColumnSpec | null = null;
  if (columnName !== null) {
    column = columnNamed(spec, columnName);
    if (!column) return { ok: false, reason: 'column', x: { x: columnName, ...known } };
    if (!NUMERIC.has(column.kind)) return { ok: false, reason: 'notNumber', x: { x: columnName } };
  }
  let where: CustomKpiSpec['where'] = null;
  if (whereColumn !== undefined) {
    const on = columnNamed(spec, whereColumn);
    if (!on) return { ok: false, reason: 'column', x: { x: whereColumn, ...known } };
    const test = whereTest(on, whereValue ?? '', locale);
    if (!test) return { ok: false, reason: 'value', x: { x: whereValue ?? '', column: on.id } };
    where = { column: on.id, test };
  }
  const id = column?.id ?? '';
  return {
    ok: true,
    spec: {
      kpiId: `${CUSTOM_PREFIX}${setting.id}`,
      label: settings.customKpiLabels[setting.id] || setting.id,
      tab: spec.key,
      op: count ? 'count' : 'sum',
      column: column?.id ?? null,
      where,
      unit: MONEY.has(id) ? 'money' : HOURS.has(id) ? 'hours' : 'count',
      text,
    },
  };
}

/** The valid custom KPIs of Settings, in their order; every bad row is reported. */
export function parseCustomKpis(
  settings: Settings,
  settingsTab: string,
  locale: CellLocale,
  issues: IssueLog,
): CustomKpiSpec[] {
  const specs: CustomKpiSpec[] = [];
  for (const setting of settings.customKpis) {
    const parsed = parseOne(setting, settings, locale);
    let reason: Reason | null = null;
    let x: Record<string, string> = {};
    if (!parsed.ok) ({ reason, x } = parsed);
    else if (specs.some((s) => s.kpiId === parsed.spec.kpiId))
      [reason, x] = ['duplicate', { x: parsed.spec.kpiId }];
    else specs.push(parsed.spec);
    if (reason)
      issues.add({
        tab: settingsTab,
        row: setting.row,
        column: setting.key,
        value: `${setting.key} = ${setting.definition}`,
        code: 'bad_setting',
        extra: { reason: fillIn(REASONS[reason][issues.lang], x) },
      });
  }
  return specs;
}

/** The day an Attendance row counts on: its event's date. */
function eventDays(tabs: Map<TabKey, TabRead>): Map<string, Day> {
  const days = new Map<string, Day>();
  for (const row of tabs.get('events')?.rows ?? []) {
    const id = row.v.event_id;
    if (typeof id === 'string' && typeof row.v.date === 'number' && !days.has(id)) days.set(id, row.v.date);
  }
  return days;
}

/** One period's measure of a custom KPI, from the parsed rows of its tab. */
export function measureCustom(spec: CustomKpiSpec, ctx: KpiContext): Measure {
  const tab = ctx.club.tabs.get(spec.tab);
  if (!tab?.usable || tab.rows.length === 0) return { value: null, n: 0 };
  const days = spec.tab === 'attendance' ? eventDays(ctx.club.tabs) : null;
  const dateColumn = dateColumnOf(tab.spec);
  const end = Math.min(ctx.period.end, ctx.today);
  let n = 0;
  let total = 0;
  for (const row of tab.rows) {
    const day = days ? days.get(String(row.v.event_id ?? '')) : row.v[dateColumn ?? ''];
    if (typeof day !== 'number' || day < ctx.period.start || day > end) continue;
    if (spec.where && !spec.where.test(row)) continue;
    if (spec.op === 'count') {
      n++;
      total++;
    } else if (typeof row.v[spec.column!] === 'number') {
      n++;
      total += row.v[spec.column!] as number;
    }
  }
  return { value: total, n };
}

const FORMULA = {
  fr: 'Indicateur du club (Paramètres {key}) : {text}',
  en: 'Club indicator (Settings {key}): {text}',
};

/** A custom KPI as a catalogue definition (family `custom`). */
export function customDefinition(spec: CustomKpiSpec): KpiDefinition {
  const key = `custom_kpi.${spec.kpiId.slice(CUSTOM_PREFIX.length)}`;
  const formula = (lang: Lang) => fillIn(FORMULA[lang], { key, text: spec.text });
  return {
    id: spec.kpiId,
    family: 'custom',
    label: { fr: spec.label, en: spec.label },
    unit: spec.unit,
    formula: { fr: formula('fr'), en: formula('en') },
    tabs: [spec.tab],
    compute: (ctx) => measureCustom(spec, ctx),
  };
}
