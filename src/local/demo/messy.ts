/**
 * The defects of hand-kept sheets that `generateClub({ messy: true })` injects (the demo workbook
 * uses it), listed once in `MESSY_DEFECTS` so that tests elsewhere can count the data issues they
 * expect: each entry says where the defect goes, how many, and which issue code (SPEC §11) it must
 * raise, or null when SPEC says the value is read as intended (French text dates and decimals,
 * accents/case/trailing spaces, blank rows).
 */

import type { CellValue } from '../workbook/model';
import { frenchTextFromSerial } from './dates';
import { columnIndex, type Lang, type TabKey } from './labels';
import type { Rng } from './random';

export interface MessyDefect {
  /** Stable id of the kind of defect. */
  id:
    | 'date_as_text'
    | 'decimal_as_text'
    | 'blank_row'
    | 'duplicate_member_id'
    | 'unknown_event'
    | 'nps_out_of_range'
    | 'status_spelling'
    | 'trailing_spaces'
    | 'header_variant';
  tab: TabKey;
  /** Column id (SPEC §1); '' for a whole row. */
  column: string;
  count: number;
  /** Data issue code the add-on must report for each one, or null when the value is read as intended. */
  issue: 'duplicate_id' | 'unknown_event' | 'out_of_range' | null;
  description: string;
}

/** Every defect `messy: true` injects, with its exact count. */
export const MESSY_DEFECTS: readonly MessyDefect[] = [
  // French dates typed as text: SPEC §1 parses dd/MM/yyyy (and dd/MM/yyyy HH:mm), so no issue.
  {
    id: 'date_as_text',
    tab: 'events',
    column: 'date',
    count: 1,
    issue: null,
    description: "Event date typed as '15/03/2026 18:30'.",
  },
  {
    id: 'date_as_text',
    tab: 'members',
    column: 'joined_on',
    count: 1,
    issue: null,
    description: "Join date typed as '15/03/2024'.",
  },
  {
    id: 'date_as_text',
    tab: 'referrals',
    column: 'date',
    count: 1,
    issue: null,
    description: 'Referral date typed as text.',
  },
  {
    id: 'date_as_text',
    tab: 'dues',
    column: 'paid_on',
    count: 1,
    issue: null,
    description: 'Payment date typed as text.',
  },
  // French decimals typed as text with spaces and €: SPEC §12 parses them, so no issue.
  {
    id: 'decimal_as_text',
    tab: 'referrals',
    column: 'value',
    count: 1,
    issue: null,
    description: "Won value typed as '12 500,00 €'.",
  },
  {
    id: 'decimal_as_text',
    tab: 'dues',
    column: 'amount',
    count: 1,
    issue: null,
    description: "Dues amount typed as '450,00 €'.",
  },
  {
    id: 'decimal_as_text',
    tab: 'investment',
    column: 'amount',
    count: 1,
    issue: null,
    description: "Amount typed as '1 250,50 €' (= 1250.5).",
  },
  // Entirely empty rows in the middle of a tab are skipped silently.
  {
    id: 'blank_row',
    tab: 'members',
    column: '',
    count: 1,
    issue: null,
    description: 'Blank row in the middle of Members.',
  },
  {
    id: 'blank_row',
    tab: 'attendance',
    column: '',
    count: 1,
    issue: null,
    description: 'Blank row in the middle of Attendance.',
  },
  {
    id: 'blank_row',
    tab: 'referrals',
    column: '',
    count: 1,
    issue: null,
    description: 'Blank row in the middle of Referrals.',
  },
  // A second person typed with an existing member ID: the first row keeps it, this one is an issue.
  {
    id: 'duplicate_member_id',
    tab: 'members',
    column: 'member_id',
    count: 1,
    issue: 'duplicate_id',
    description: 'A later Members row reuses an existing member ID (another person).',
  },
  // An attendance row naming an event that does not exist.
  {
    id: 'unknown_event',
    tab: 'attendance',
    column: 'event_id',
    count: 1,
    issue: 'unknown_event',
    description: 'Attendance row for an event ID absent from Events.',
  },
  // An NPS of 11: out of 0–10, the answer still counts for its other columns.
  {
    id: 'nps_out_of_range',
    tab: 'responses',
    column: 'nps',
    count: 1,
    issue: 'out_of_range',
    description: 'A hot answer with NPS 11.',
  },
  // Status spelt differently: normalised matching reads them as paid, so no issue.
  {
    id: 'status_spelling',
    tab: 'dues',
    column: 'status',
    count: 3,
    issue: null,
    description: "Paid status spelt 'Payé', 'PAYE' and 'paid' (English: 'Paid', 'PAID', 'payé').",
  },
  // Trailing spaces in enumerated values and text: trimmed by matching, so no issue.
  {
    id: 'trailing_spaces',
    tab: 'referrals',
    column: 'status',
    count: 1,
    issue: null,
    description: "Won status typed 'gagné ' (English 'won ').",
  },
  {
    id: 'trailing_spaces',
    tab: 'members',
    column: 'company',
    count: 1,
    issue: null,
    description: 'Company name with trailing spaces.',
  },
  {
    id: 'trailing_spaces',
    tab: 'events',
    column: 'format',
    count: 1,
    issue: null,
    description: 'Format with a trailing space.',
  },
  {
    id: 'trailing_spaces',
    tab: 'attendance',
    column: 'attended',
    count: 1,
    issue: null,
    description: "Attended typed 'oui ' (English 'yes ').",
  },
  // A header without accents or apostrophe: normalised header matching reads it, so no issue.
  {
    id: 'header_variant',
    tab: 'members',
    column: 'joined_on',
    count: 1,
    issue: null,
    description: "Header 'Date d adhesion' (English 'joined on').",
  },
];

/** How many data issues the messy defects must raise in total. */
export const MESSY_EXPECTED_ISSUES = MESSY_DEFECTS.reduce((n, d) => n + (d.issue ? d.count : 0), 0);

/** One injected defect and where it landed: 1-based sheet row (1 = header). */
export interface InjectedDefect {
  id: MessyDefect['id'];
  tab: TabKey;
  column: string;
  row: number;
  value: CellValue;
}

interface MessyTab {
  key: TabKey;
  rows: CellValue[][];
}

/** "1 250,50 €": French grouping with spaces and a decimal comma. */
export function frenchMoney(value: number): string {
  const [int, dec] = value.toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${dec} €`;
}

/** A defect placed on a row, before the rows it was given are counted. */
interface Placed {
  id: MessyDefect['id'];
  tab: TabKey;
  column: string;
  row: CellValue[];
}

/** The tabs being made messy: picks rows at random, each data row receiving at most one defect. */
class Injector {
  private readonly used = new Set<CellValue[]>();
  readonly placed: Placed[] = [];

  constructor(
    private readonly tabs: MessyTab[],
    readonly rng: Rng,
  ) {}

  rows(key: TabKey): CellValue[][] {
    return this.tabs.find((t) => t.key === key)!.rows;
  }

  /** A random unused data row of `key` whose cell in `column` satisfies `test`. */
  pickRow(key: TabKey, column: string, test: (v: CellValue) => boolean): CellValue[] {
    const rows = this.rows(key);
    const col = columnIndex(key, column);
    const from = 1 + this.rng.int(0, rows.length - 2);
    for (let k = 0; k < rows.length - 1; k++) {
      const row = rows[1 + ((from - 1 + k) % (rows.length - 1))];
      if (!this.used.has(row) && test(row[col])) {
        this.used.add(row);
        return row;
      }
    }
    throw new Error(`No row of ${key} fits a messy defect on ${column}`);
  }

  /** Picks a row whose cell fits `test` and replaces that cell by `value(cell)`. */
  replace(
    id: MessyDefect['id'],
    key: TabKey,
    column: string,
    test: (v: CellValue) => boolean,
    value: (cell: CellValue) => CellValue,
  ): void {
    const row = this.pickRow(key, column, test);
    const col = columnIndex(key, column);
    row[col] = value(row[col]);
    this.placed.push({ id, tab: key, column, row });
  }

  /** Inserts a new row at `index` of the tab. */
  insert(id: MessyDefect['id'], key: TabKey, column: string, index: number, row: CellValue[]): void {
    this.rows(key).splice(index, 0, row);
    this.placed.push({ id, tab: key, column, row });
  }
}

/**
 * Injects every defect of `MESSY_DEFECTS` into the tabs (header at row 0), in place, and says where.
 * Rows are chosen among data rows, each row receiving at most one defect.
 */
export function applyMessyDefects(
  tabs: MessyTab[],
  options: { lang: Lang; rng: Rng; events: number },
): InjectedDefect[] {
  const { lang } = options;
  const inj = new Injector(tabs, options.rng);
  misreadCells(inj, lang);
  addDuplicateMember(inj, lang);
  addStrayAttendance(inj, lang, options.events);
  const headers = inj.rows('members')[0];
  headers[columnIndex('members', 'joined_on')] = lang === 'fr' ? 'Date d adhesion' : 'joined on';
  for (const key of ['members', 'attendance', 'referrals'] as const) {
    const rows = inj.rows(key);
    inj.insert(
      'blank_row',
      key,
      '',
      Math.floor(rows.length / 2),
      rows[0].map(() => ''),
    );
  }

  const found: InjectedDefect[] = inj.placed.map((p) => ({
    id: p.id,
    tab: p.tab,
    column: p.column,
    row: inj.rows(p.tab).indexOf(p.row) + 1,
    value: p.column ? p.row[columnIndex(p.tab, p.column)] : '',
  }));
  found.push({
    id: 'header_variant',
    tab: 'members',
    column: 'joined_on',
    row: 1,
    value: headers[columnIndex('members', 'joined_on')],
  });
  return found;
}

/** The defects in existing cells: text dates and decimals, spellings, trailing spaces, an NPS of 11. */
function misreadCells(inj: Injector, lang: Lang): void {
  const isDate = (v: CellValue): v is { serial: number } => typeof v === 'object';
  const textDate = (cell: CellValue) => frenchTextFromSerial((cell as { serial: number }).serial);
  inj.replace('date_as_text', 'events', 'date', isDate, textDate);
  inj.replace('date_as_text', 'members', 'joined_on', isDate, textDate);
  inj.replace('date_as_text', 'referrals', 'date', isDate, textDate);
  inj.replace('date_as_text', 'dues', 'paid_on', isDate, textDate);

  const isNumber = (v: CellValue) => typeof v === 'number';
  inj.replace('decimal_as_text', 'referrals', 'value', isNumber, (cell) => frenchMoney(cell as number));
  inj.replace(
    'decimal_as_text',
    'dues',
    'amount',
    (v) => v === 450,
    () => frenchMoney(450),
  );
  inj.replace('decimal_as_text', 'investment', 'amount', isNumber, () => frenchMoney(1250.5));

  const paid = lang === 'fr' ? 'payé' : 'paid';
  for (const spelling of lang === 'fr' ? ['Payé', 'PAYE', 'paid'] : ['Paid', 'PAID', 'payé'])
    inj.replace(
      'status_spelling',
      'dues',
      'status',
      (v) => v === paid,
      () => spelling,
    );

  const won = lang === 'fr' ? 'gagné' : 'won';
  const yes = lang === 'fr' ? 'oui' : 'yes';
  const filled = (v: CellValue) => typeof v === 'string' && v !== '';
  const equals = (x: CellValue) => (v: CellValue) => v === x;
  inj.replace('trailing_spaces', 'referrals', 'status', equals(won), () => `${won} `);
  inj.replace('trailing_spaces', 'members', 'company', filled, (cell) => `${cell}  `);
  inj.replace('trailing_spaces', 'events', 'format', filled, (cell) => `${cell} `);
  inj.replace('trailing_spaces', 'attendance', 'attended', equals(yes), () => `${yes} `);

  const hotKind = lang === 'fr' ? 'chaud' : 'hot';
  const npsRow = inj.pickRow('responses', 'kind', (v) => v === hotKind);
  npsRow[columnIndex('responses', 'nps')] = 11;
  inj.placed.push({ id: 'nps_out_of_range', tab: 'responses', column: 'nps', row: npsRow });
}

/** A later Members row reusing an existing member ID (another person). */
function addDuplicateMember(inj: Injector, lang: Lang): void {
  const members = inj.rows('members');
  const original = members[1 + inj.rng.int(0, Math.floor((members.length - 1) / 2))];
  const duplicate: CellValue[] = original.map(() => '');
  const at = (column: string) => columnIndex('members', column);
  duplicate[at('member_id')] = original[at('member_id')];
  duplicate[at('first_name')] = 'Jean-Baptiste';
  duplicate[at('last_name')] = 'Doublon';
  duplicate[at('email')] = 'jb.doublon@exemple-doublon.fr';
  duplicate[at('joined_on')] = members[members.length - 1][at('joined_on')];
  duplicate[at('status')] = lang === 'fr' ? 'actif' : 'active';
  const index = members.length - inj.rng.int(1, Math.max(1, Math.floor(members.length / 4)));
  inj.insert('duplicate_member_id', 'members', 'member_id', index, duplicate);
}

/** An Attendance row for an event ID absent from Events. */
function addStrayAttendance(inj: Injector, lang: Lang, events: number): void {
  const attendance = inj.rows('attendance');
  const template = attendance[1 + inj.rng.int(0, attendance.length - 2)];
  const yes = lang === 'fr' ? 'oui' : 'yes';
  const width = Math.max(4, String(events).length);
  const stray: CellValue[] = [`EV-${'9'.repeat(width)}`, template[1], yes, yes, template[4], ''];
  inj.insert('unknown_event', 'attendance', 'event_id', 1 + inj.rng.int(0, attendance.length - 1), stray);
}
