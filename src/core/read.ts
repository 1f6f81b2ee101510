/**
 * From the raw grids of the workbook (as `getValues()` returns them) to parsed rows per tracking
 * tab: tab names and headers matched leniently in French or English, near-miss headers reported
 * with the label they probably meant, required columns checked, every cell parsed by its column's
 * kind. A bad required value leaves the row out; a bad optional value is reported and read as empty
 * (SPEC §1, §12). Nothing here knows about KPIs.
 */

import {
  type CellLocale,
  ChoiceMatcher,
  isBlank,
  type Parsed,
  parseCount,
  parseDate,
  parseMonth,
  parseNumber,
  parseScale,
  parseTerm,
  parseText,
  parseYesNo,
  rawText,
  timeOfDay,
} from './cells';
import type { Lang } from './i18n';
import type { IssueInput, IssueLog } from './issues';
import { editDistance, normalizeLabel } from './normalize';
import { type ColumnSpec, TABS, type TabKey, type TabSpec } from './schema';

/** An issue quotes at most this many characters of the value (a cell may hold 50,000). */
export const ISSUE_VALUE_MAX = 200;

/**
 * The value an issue quotes: cut to ISSUE_VALUE_MAX characters, ending with `…`, so that an issue on
 * a 50,000-character cell still fits in one dashboard cell and in the sidebar's cached summary.
 */
export function issueValue(text: string): string {
  return text.length <= ISSUE_VALUE_MAX ? text : `${text.slice(0, ISSUE_VALUE_MAX - 1)}…`;
}

/** The same log, each issue's quoted value cut by issueValue. */
export function quotingLog(log: IssueLog): Pick<IssueLog, 'lang' | 'add'> {
  return {
    lang: log.lang,
    add: (input: IssueInput) => log.add({ ...input, value: issueValue(input.value) }),
  };
}

/** Tabs whose rows are ordered within a day: the latest answer of a member to a survey counts. */
const TIMED: ReadonlySet<TabKey> = new Set<TabKey>(['responses']);

/** One sheet of the workbook as read by the adapter. */
export interface RawTab {
  name: string;
  values: unknown[][];
}

/** A parsed row: the 1-based sheet row and the parsed value of each column present (null = empty). */
export interface Row {
  row: number;
  v: Record<string, unknown>;
  /** The raw cell of a column as text (dates as ISO), for issues raised after parsing. */
  raw(columnId: string): string;
  /**
   * The time of day of a date column's cell (seconds since midnight), or null (cells.ts timeOfDay);
   * always null on the tabs not in TIMED.
   */
  time(columnId: string): number | null;
}

export interface TabRead {
  key: TabKey;
  spec: TabSpec;
  /** The sheet name as typed, or the French/English name when absent. */
  name: string;
  found: boolean;
  /** False when absent or a required column is missing. */
  usable: boolean;
  /** Column id → header as typed. */
  headers: Map<string, string>;
  rows: Row[];
}

export interface ReadOptions {
  lang: Lang;
  locale: CellLocale;
  fyStartMonth: number;
  issues: IssueLog;
}

/** Finds each tracking tab among the sheets: the leftmost match is read, a later one is reported. */
export function matchTabs(tabs: RawTab[], issues: IssueLog): Map<TabKey, RawTab> {
  const byName = new Map<string, TabSpec>();
  for (const spec of TABS) {
    for (const n of [spec.name.fr, spec.name.en, spec.key]) byName.set(normalizeLabel(n), spec);
  }
  const found = new Map<TabKey, RawTab>();
  for (const tab of tabs) {
    const spec = byName.get(normalizeLabel(tab.name));
    if (!spec) continue;
    const first = found.get(spec.key);
    if (first) {
      issues.add({
        tab: tab.name,
        row: null,
        column: null,
        value: tab.name,
        code: 'duplicate_tab',
        extra: { other: first.name },
      });
    } else {
      found.set(spec.key, tab);
    }
  }
  return found;
}

/** Reads every tracking tab. Tabs that are absent come back with `found: false` and no rows. */
export function readTabs(tabs: RawTab[], options: ReadOptions): Map<TabKey, TabRead> {
  const matched = matchTabs(tabs, options.issues);
  const result = new Map<TabKey, TabRead>();
  for (const spec of TABS) {
    const raw = matched.get(spec.key);
    result.set(
      spec.key,
      raw
        ? readTab(spec, raw, options)
        : {
            key: spec.key,
            spec,
            name: spec.name[options.lang],
            found: false,
            usable: false,
            headers: new Map(),
            rows: [],
          },
    );
  }
  return result;
}

interface Lookup {
  exact: Map<string, ColumnSpec>;
  all: Array<{ key: string; column: ColumnSpec }>;
}

const lookups = new Map<TabKey, Lookup>();

function lookupOf(spec: TabSpec): Lookup {
  let lookup = lookups.get(spec.key);
  if (!lookup) {
    lookup = { exact: new Map(), all: [] };
    for (const column of spec.columns) {
      for (const spelling of [column.id, column.label.fr, column.label.en, ...(column.aliases ?? [])]) {
        const key = normalizeLabel(spelling);
        if (!lookup.exact.has(key)) lookup.exact.set(key, column);
        lookup.all.push({ key, column });
      }
    }
    lookups.set(spec.key, lookup);
  }
  return lookup;
}

/** The column a header names, or a near-miss (within two edits) to report, or nothing. */
export function matchHeader(spec: TabSpec, header: string): { column?: ColumnSpec; nearMiss?: ColumnSpec } {
  const key = normalizeLabel(header);
  if (!key) return {};
  const lookup = lookupOf(spec);
  const column = lookup.exact.get(key);
  if (column) return { column };
  let best: ColumnSpec | undefined;
  let bestDistance = 3;
  // Short keys would match too much by accident: a near miss needs at least 4 letters.
  if (key.length >= 4) {
    for (const candidate of lookup.all) {
      if (candidate.key.length < 4) continue;
      const d = editDistance(key, candidate.key, 2);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate.column;
      }
    }
  }
  return best ? { nearMiss: best } : {};
}

function readTab(spec: TabSpec, raw: RawTab, options: ReadOptions): TabRead {
  const { lang } = options;
  const issues = quotingLog(options.issues);
  const values = raw.values;
  const headerRow = values[0] ?? [];
  const headers = new Map<string, string>();
  const positions: Array<{ column: ColumnSpec; index: number }> = [];
  let firstDataRow = 1;

  if (spec.headerOptional && !headerRow.some((h) => typeof h === 'string' && matchHeader(spec, h).column)) {
    // Settings without a header row: column A is the key, B the value.
    spec.columns.forEach((column, index) => {
      positions.push({ column, index });
      headers.set(column.id, column.label[lang]);
    });
    firstDataRow = 0;
  } else {
    headerRow.forEach((cell, index) => {
      const header = rawText(cell, options.locale.timeZone).trim();
      if (!header) return;
      const { column, nearMiss } = matchHeader(spec, header);
      if (column) {
        if (headers.has(column.id)) {
          issues.add({ tab: raw.name, row: 1, column: header, value: header, code: 'duplicate_column' });
          return;
        }
        headers.set(column.id, header);
        positions.push({ column, index });
      } else if (nearMiss) {
        issues.add({
          tab: raw.name,
          row: 1,
          column: header,
          value: header,
          code: 'unknown_header',
          extra: { suggestion: nearMiss.label[lang] },
        });
      }
    });
  }

  const missing = spec.columns.filter((c) => c.required && !headers.has(c.id));
  if (missing.length > 0) {
    for (const column of missing) {
      issues.add({ tab: raw.name, row: null, column: column.label[lang], value: '', code: 'missing_column' });
    }
    return { key: spec.key, spec, name: raw.name, found: true, usable: false, headers, rows: [] };
  }

  const parsers = positions.map(({ column, index }) => ({
    column,
    index,
    parse: parserFor(column, options),
    // The header an issue names: the tab's own spelling, else the spec's label.
    header: headers.get(column.id) ?? column.label[lang],
  }));
  const cells: TabCells = {
    indexOf: new Map(positions.map(({ column, index }) => [column.id, index])),
    timeZone: options.locale.timeZone,
    timed: TIMED.has(spec.key),
  };
  const rows: Row[] = [];
  for (let r = firstDataRow; r < values.length; r++) {
    const line = values[r];
    if (!line || line.every(isBlank)) continue;
    const v: Record<string, unknown> = {};
    let keep = true;
    for (let p = 0; p < parsers.length; p++) {
      const { column, index, parse, header } = parsers[p] as (typeof parsers)[number];
      const cell = line[index];
      const parsed = parse(cell);
      if (!parsed.ok) {
        issues.add({
          tab: raw.name,
          row: r + 1,
          column: header,
          value: rawText(cell, options.locale.timeZone),
          code: parsed.code,
          extra: parsed.extra,
        });
        v[column.id] = null;
        if (column.required && !column.keepRowWhenBad) keep = false;
      } else {
        v[column.id] = parsed.value;
        if (column.required && parsed.value === null) {
          issues.add({ tab: raw.name, row: r + 1, column: header, value: '', code: 'missing_required' });
          if (!column.keepRowWhenBad) keep = false;
        }
      }
    }
    if (!keep) continue;
    rows.push(new ReadRow(r + 1, v, line, cells));
  }
  return { key: spec.key, spec, name: raw.name, found: true, usable: true, headers, rows };
}

/** What a tab's rows share to answer `raw` and `time`: where each column is, the time zone. */
interface TabCells {
  indexOf: Map<string, number>;
  timeZone: string;
  timed: boolean;
}

/**
 * A row as the builders read it. Its raw text and time of day are worked out only when asked (an
 * issue quotes the cell), from the row's line kept as it came; methods, not a closure per row: at
 * 5,000 members, 455,000 rows made as many functions (issue 21).
 */
class ReadRow implements Row {
  constructor(
    readonly row: number,
    readonly v: Record<string, unknown>,
    private readonly line: unknown[],
    private readonly cells: TabCells,
  ) {}

  raw(columnId: string): string {
    const index = this.cells.indexOf.get(columnId);
    const cell = index === undefined ? '' : this.line[index];
    return isBlank(cell) ? '' : issueValue(rawText(cell, this.cells.timeZone));
  }

  time(columnId: string): number | null {
    const index = this.cells.timed ? this.cells.indexOf.get(columnId) : undefined;
    return index === undefined ? null : timeOfDay(this.line[index], this.cells.timeZone);
  }
}

function parserFor(column: ColumnSpec, options: ReadOptions): (cell: unknown) => Parsed<unknown> {
  const { locale, lang } = options;
  switch (column.kind) {
    case 'id':
    case 'text':
    case 'ref':
      return (cell) => parseText(cell, locale.timeZone);
    case 'date':
      return (cell) => parseDate(cell, locale);
    case 'term':
      return (cell) => parseTerm(cell, locale, options.fyStartMonth);
    case 'month':
      return (cell) => parseMonth(cell, locale);
    case 'count':
      return (cell) => parseCount(cell, locale);
    case 'yesno':
      return (cell) => parseYesNo(cell);
    case 'scale':
      return (cell) => parseScale(cell, locale, column.min ?? 0, column.max ?? 10);
    case 'number':
      return (cell) => {
        const n = parseNumber(cell, locale);
        if (n.ok && n.value !== null && column.min !== undefined && n.value < column.min) {
          return { ok: false, code: 'out_of_range', extra: { range: `≥ ${column.min}` } };
        }
        return n;
      };
    case 'enum': {
      const matcher = new ChoiceMatcher(column.choices ?? []);
      const cache = new Map<string, Parsed<string>>();
      return (cell) => {
        const key = typeof cell === 'string' ? cell : String(cell);
        let parsed = cache.get(key);
        if (!parsed) {
          parsed = matcher.parse(cell, lang);
          cache.set(key, parsed);
        }
        return parsed;
      };
    }
  }
}
