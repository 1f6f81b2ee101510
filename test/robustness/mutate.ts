// Seeded mutators that turn a clean generated club into the kind of workbook volunteers keep by
// hand: shuffled columns, header variants inside the aliases and near misses outside them, blank
// and half-filled rows, text in number columns, dates in every format SPEC §1 lists and some it
// does not, duplicate member ids, unknown events, 50,000-character cells, merged header cells.
// Each mutator records what it injected and where (the row object itself, resolved to a 1-based
// sheet row at the end, since later mutators insert rows), and the data issue SPEC requires for
// it, or null when the value must be read as intended.
import type { IssueCode } from '../../src/core/issues';
import { normalizeLabel } from '../../src/core/normalize';
import { type ColumnSpec, type TabKey, tabSpec } from '../../src/core/schema';
import type { CellValue, SheetModel } from '../../src/local/workbook/model';

export interface MutableTab {
  key: TabKey;
  name: string;
  rows: CellValue[][];
  /** Merged areas to set on the sheet, 0-based [row, column, numRows, numColumns]. */
  merges?: SheetModel['merges'];
}

export interface Injected {
  kind: string;
  tab: string;
  /** The mutated row (null: a header or tab-level defect). */
  rowRef: CellValue[] | null;
  /** Column id (SPEC §1) the defect is in. */
  column: string;
  /** The issue SPEC requires for it; null: read as intended, no issue on that row and column. */
  code: IssueCode | null;
}

export interface ResolvedDefect extends Omit<Injected, 'rowRef'> {
  /** 1-based sheet row, null for a tab-level defect. */
  row: number | null;
}

/** A small seeded generator (mulberry32), so every corpus workbook is reproducible from its seed. */
export function rng(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)] };
}

/** Every spelling of a column, normalised. */
function spellings(column: ColumnSpec): string[] {
  return [column.id, column.label.fr, column.label.en, ...(column.aliases ?? [])].map(normalizeLabel);
}

export function columnIndex(tab: MutableTab, id: string): number {
  const column = tabSpec(tab.key).columns.find((c) => c.id === id);
  if (!column) return -1;
  const keys = new Set(spellings(column));
  return tab.rows[0].findIndex((h) => typeof h === 'string' && keys.has(normalizeLabel(h)));
}

const serialToYmd = (serial: number): [number, number, number] => {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};
const p2 = (n: number): string => String(n).padStart(2, '0');

/** The formats SPEC §1 lists for a date cell (plus the Date cell itself), for a given serial. */
export const SPEC_DATE_FORMATS: Array<[string, (serial: number) => CellValue]> = [
  ['date cell', (s) => ({ serial: s })],
  ['dd/MM/yyyy', (s) => serialToYmd(s).reverse().map(p2).join('/')],
  ['dd/MM/yyyy HH:mm', (s) => `${serialToYmd(s).reverse().map(p2).join('/')} 18:30`],
  ['dd/MM/yyyy HH:mm:ss', (s) => `${serialToYmd(s).reverse().map(p2).join('/')} 08:05:09`],
  ['yyyy-MM-dd', (s) => serialToYmd(s).map(p2).join('-')],
  ['Excel serial', (s) => Math.floor(s)],
  ['Excel serial as text', (s) => String(Math.floor(s))],
  ['padded dd/MM/yyyy', (s) => `  ${serialToYmd(s).reverse().map(p2).join('/')} `],
];

/** Formats SPEC does not list: each must be reported as an unreadable date, never guessed. */
export const OTHER_DATE_FORMATS: Array<[string, (serial: number) => CellValue]> = [
  ['15 mars 2026', (s) => `${serialToYmd(s)[2]} mars ${serialToYmd(s)[0]}`],
  ['March 15, 2026', (s) => `March ${serialToYmd(s)[2]}, ${serialToYmd(s)[0]}`],
  ['2026/03/15', (s) => serialToYmd(s).map(p2).join('/')],
  [
    '15/03/26',
    (s) => `${p2(serialToYmd(s)[2])}/${p2(serialToYmd(s)[1])}/${String(serialToYmd(s)[0]).slice(2)}`,
  ],
  ['31/02/2026', () => '31/02/2026'],
  ['2026-13-01', () => '2026-13-01'],
  ['hier', () => 'hier'],
];

export const LONG = (c: string): string => c.repeat(50_000);

/** Applies every mutator to `tabs` in place, from `seed`; returns what was injected, rows resolved. */
export function mutateClub(tabs: MutableTab[], seed: number): ResolvedDefect[] {
  const r = rng(seed);
  const injected: Injected[] = [];
  const used = new Set<CellValue[]>();
  const byKey = (key: TabKey) => tabs.find((t) => t.key === key);
  /** A data row not yet mutated, with a value in `column` (or any row when column is ''). */
  const freshRow = (tab: MutableTab, column = ''): CellValue[] | null => {
    const c = column ? columnIndex(tab, column) : -1;
    for (let attempt = 0; attempt < 50; attempt++) {
      const row = tab.rows[1 + r.int(tab.rows.length - 1)];
      if (!row || used.has(row)) continue;
      if (c >= 0 && (row[c] === '' || row[c] === undefined)) continue;
      used.add(row);
      return row;
    }
    return null;
  };
  const record = (
    kind: string,
    tab: MutableTab,
    rowRef: CellValue[] | null,
    column: string,
    code: IssueCode | null,
  ) => injected.push({ kind, tab: tab.name, rowRef, column, code });
  /** Column ids whose header is left alone (value mutators rely on them). */
  const reserved = new Map<TabKey, Set<string>>();
  const reserve = (key: TabKey, id: string) => {
    if (!reserved.has(key)) reserved.set(key, new Set());
    reserved.get(key)!.add(id);
  };

  // 1. Shuffled columns in every tab (header and rows moved together).
  for (const tab of tabs) {
    const width = tab.rows[0].length;
    const order = [...Array(width).keys()];
    for (let i = width - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const row of tab.rows) {
      const copy = [...row];
      for (let i = 0; i < width; i++) row[i] = copy[order[i]] ?? '';
    }
  }

  // 2. Dates: every SPEC format in each dated tab (read as intended), formats SPEC does not list (reported).
  for (const key of ['events', 'referrals', 'interactions', 'contents', 'visibility'] as TabKey[]) {
    const tab = byKey(key);
    if (!tab) continue;
    const c = columnIndex(tab, 'date');
    reserve(key, 'date');
    for (const [name, make] of SPEC_DATE_FORMATS) {
      const row = freshRow(tab, 'date');
      if (!row) continue;
      const cell = row[c];
      if (typeof cell !== 'object' || cell === null) continue;
      row[c] = make(cell.serial);
      record(`date ${name}`, tab, row, 'date', null);
    }
    for (const [name, make] of OTHER_DATE_FORMATS) {
      const row = freshRow(tab, 'date');
      if (!row) continue;
      const cell = row[c];
      row[c] = make(typeof cell === 'object' && cell !== null ? cell.serial : 46_096);
      record(`date ${name}`, tab, row, 'date', 'bad_date');
    }
  }

  // 3. Text in number columns: the row still counts, the value is reported.
  for (const [key, column] of [
    ['events', 'cost'],
    ['referrals', 'value'],
    ['communications', 'opens'],
    ['investment', 'amount'],
  ] as Array<[TabKey, string]>) {
    const tab = byKey(key);
    if (!tab) continue;
    reserve(key, column);
    for (const text of ['environ 200', 'N/A', '12,5,3', '1 2 3 4', '∞']) {
      const row = freshRow(tab, column);
      if (!row) continue;
      row[columnIndex(tab, column)] = text;
      record(`text in number: ${text}`, tab, row, column, 'bad_number');
    }
  }

  // 4. Duplicate member ids (a later row reusing an id) and unknown events.
  const members = byKey('members');
  if (members) {
    reserve('members', 'member_id');
    for (let i = 0; i < 3; i++) {
      const original = freshRow(members, 'member_id');
      if (!original) continue;
      const copy = [...original];
      const first = columnIndex(members, 'first_name');
      if (first >= 0) copy[first] = `Homonyme ${i}`;
      const email = columnIndex(members, 'email');
      if (email >= 0) copy[email] = `homonyme${i}@exemple.fr`;
      members.rows.push(copy);
      used.add(copy);
      record('duplicate member id', members, copy, 'member_id', 'duplicate_id');
    }
  }
  const attendance = byKey('attendance');
  if (attendance) {
    reserve('attendance', 'event_id');
    for (let i = 0; i < 3; i++) {
      const row = freshRow(attendance, 'event_id');
      if (!row) continue;
      row[columnIndex(attendance, 'event_id')] = `EV-INCONNU-${i}`;
      record('unknown event', attendance, row, 'event_id', 'unknown_event');
    }
  }

  // 5. 50,000-character cells: free text read as is; in a number column reported; a story title shown.
  if (members) {
    const bio = columnIndex(members, 'bio');
    const row = freshRow(members);
    if (bio >= 0 && row) {
      reserve('members', 'bio');
      row[bio] = LONG('b');
      record('50,000-char bio', members, row, 'bio', null);
    }
  }
  const events = byKey('events');
  if (events) {
    const row = freshRow(events, 'cost');
    if (row) {
      row[columnIndex(events, 'cost')] = `${LONG('9').slice(0, 49_990)} euros`;
      record('50,000-char cost', events, row, 'cost', 'bad_number');
    }
  }
  const stories = byKey('stories');
  if (stories) {
    reserve('stories', 'title');
    const row = freshRow(stories, 'title');
    if (row) {
      row[columnIndex(stories, 'title')] = LONG('t');
      row[columnIndex(stories, 'date')] = '15/03/2026';
      record('50,000-char story title in the period', stories, row, 'title', null);
    }
  }

  // 6. Headers: variants inside the aliases (read), near misses outside them (reported), unknown columns.
  for (const tab of tabs) {
    if (tab.key === 'settings') continue;
    const spec = tabSpec(tab.key);
    const taken = reserved.get(tab.key) ?? new Set<string>();
    const candidates = spec.columns.filter((c) => columnIndex(tab, c.id) >= 0 && !taken.has(c.id));
    const allKeys = new Set(spec.columns.flatMap(spellings));
    // Inside: the label in capitals without accents, with spaces around, or the other language's label.
    const inside = candidates.filter((c) => c.required);
    for (const column of inside.length ? inside : candidates.slice(0, 1)) {
      const i = columnIndex(tab, column.id);
      const other = column.label.en === tab.rows[0][i] ? column.label.fr : column.label.en;
      const clash = spec.columns.some((c) => c !== column && spellings(c).includes(normalizeLabel(other)));
      tab.rows[0][i] =
        r.next() < 0.5 && !clash ? `  ${other} ` : column.label.fr.toUpperCase().normalize('NFD');
      record('header variant', tab, null, column.id, null);
    }
    // Outside: an optional column's label with one letter dropped (within two edits): reported.
    const optional = candidates.filter((c) => !c.required && normalizeLabel(c.label.fr).length >= 6);
    if (optional.length > 0) {
      const column = r.pick(optional);
      const i = columnIndex(tab, column.id);
      const label = String(tab.rows[0][i]);
      let miss = '';
      for (let k = 2; k < label.length - 1 && !miss; k++) {
        const candidate = label.slice(0, k) + label.slice(k + 1);
        if (!allKeys.has(normalizeLabel(candidate))) miss = candidate;
      }
      if (miss) {
        tab.rows[0][i] = miss;
        reserve(tab.key, column.id);
        injected.push({
          kind: 'near-miss header',
          tab: tab.name,
          rowRef: tab.rows[0],
          column: column.id,
          code: 'unknown_header',
        });
      }
    }
    // Far outside: an unknown column, kept and ignored.
    tab.rows[0].push('Remarques du bureau');
    for (const row of tab.rows.slice(1)) if (row.length > 0) row.push(r.next() < 0.5 ? 'à revoir' : '');
  }

  // 7. Merged header cells: an optional column's header merged into its left neighbour (Sheets keeps
  // the top-left value only, so the covered header reads as empty and the column is ignored).
  for (const tab of tabs) {
    if (tab.key === 'settings') continue;
    const spec = tabSpec(tab.key);
    const header = tab.rows[0];
    const taken = reserved.get(tab.key) ?? new Set<string>();
    for (let i = 1; i < header.length; i++) {
      const column = spec.columns.find((c) => columnIndex(tab, c.id) === i);
      if (!column || column.required || taken.has(column.id)) continue;
      header[i] = '';
      tab.merges = [...(tab.merges ?? []), [0, i - 1, 1, 2]];
      record('merged header', tab, null, column.id, null);
      break;
    }
  }

  // 8. Blank rows (skipped silently) and half-filled rows (reported: a required value is missing).
  for (const tab of tabs) {
    if (tab.key === 'settings') continue;
    const width = tab.rows[0].length;
    for (const blank of [[], Array(width).fill(''), Array(width).fill('   ')]) {
      tab.rows.splice(1 + r.int(tab.rows.length), 0, blank);
    }
    const spec = tabSpec(tab.key);
    const optional = spec.columns.find(
      (c) => !c.required && c.kind === 'text' && columnIndex(tab, c.id) >= 0,
    );
    const required = spec.columns.find((c) => c.required && columnIndex(tab, c.id) >= 0);
    if (optional && required) {
      const row: CellValue[] = Array(width).fill('');
      row[columnIndex(tab, optional.id)] = 'ligne à moitié remplie';
      tab.rows.splice(1 + r.int(tab.rows.length), 0, row);
      used.add(row);
      record('half-filled row', tab, row, required.id, 'missing_required');
    }
  }

  return injected.map(({ rowRef, ...rest }) => {
    const tab = tabs.find((t) => t.name === rest.tab)!;
    const index = rowRef ? tab.rows.indexOf(rowRef) : -1;
    return { ...rest, row: index >= 0 ? index + 1 : null };
  });
}
