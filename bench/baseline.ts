/**
 * The formula baseline of the benchmark: what a club would build instead of Club Pulse — a KPI tab
 * of COUNTIFS / SUMIFS / SUMPRODUCT formulas (plus two helper columns) over the very tracking tabs
 * of a generated club, evaluated by a real spreadsheet formula engine, HyperFormula (GPL v3 key,
 * benchmarks only). The KPI subset and every formula are fixed here and documented in
 * bench/BASELINE.md; `test/bench/baseline.test.ts` checks they give Club Pulse's values.
 *
 * The club's French tabs are used as generated (`lang: 'fr'`, `messy: false`): dates become their
 * serial numbers (a spreadsheet stores dates as numbers), empty cells ('' in a getValues grid) are
 * empty cells, everything else is loaded as is.
 */

import { HyperFormula, type RawCellContent } from 'hyperformula';
import { dayFromIso } from '../src/core/dates';
import { parsePeriod } from '../src/core/periods';
import type { GeneratedTab } from '../src/local/demo/generator';
import { isDateCell } from '../src/local/workbook/model';

/** Serial of 1970-01-01: core Days count from the Unix epoch, spreadsheets from 1899-12-30. */
const UNIX_EPOCH_SERIAL = 25_569;

/** The KPI subset the baseline computes, in the order of its KPI tab. */
export const BASELINE_KPIS = [
  'active_members',
  'participation_rate',
  'show_up_rate',
  'avg_attendance',
  'referrals_given',
  'referral_conversion_rate',
  'business_generated',
  'partnerships_launched',
  'email_open_rate',
  'nps',
  'event_satisfaction',
  'connection_value',
  'belonging_index',
  'dues_collected',
] as const;

export type BaselineKpi = (typeof BASELINE_KPIS)[number];

/** Name of the baseline's own tabs: the period parameters and the KPI formulas. */
export const PERIOD_SHEET = 'Période';
export const KPI_SHEET = 'KPI formules';

/** Period start, effective end (min(end, today)), effective end + 1, end, today — all serials. */
export interface PeriodCells {
  start: number;
  end: number;
  today: number;
}

export function periodCells(label: string, today: string): PeriodCells {
  const period = parsePeriod(label);
  const day = dayFromIso(today);
  if (!period || day === null) throw new Error(`Bad period ${label} or today ${today}`);
  return {
    start: period.start + UNIX_EPOCH_SERIAL,
    end: period.end + UNIX_EPOCH_SERIAL,
    today: day + UNIX_EPOCH_SERIAL,
  };
}

/** A getValues-like cell as a spreadsheet holds it. */
function cellOf(v: unknown): RawCellContent {
  if (v === '' || v === null || v === undefined) return null;
  if (isDateCell(v)) return v.serial;
  if (typeof v === 'string' && v.startsWith('=')) return `'${v}`;
  return v as RawCellContent;
}

function letters(col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column ranges of a tab by French header label, absolute, rows 2…last. */
class TabRanges {
  constructor(
    readonly tab: GeneratedTab,
    readonly extra: string[] = [],
  ) {}

  get last(): number {
    return this.tab.rows.length;
  }

  letter(label: string): string {
    const header = [...(this.tab.rows[0] as string[]), ...this.extra];
    const i = header.indexOf(label);
    if (i < 0) throw new Error(`No column "${label}" in ${this.tab.name}`);
    return letters(i);
  }

  /** `'Tab'!$X$2:$X$n` */
  col(label: string): string {
    const l = this.letter(label);
    return `'${this.tab.name}'!$${l}$2:$${l}$${this.last}`;
  }
}

const P = `'${PERIOD_SHEET}'`;
const START = `${P}!$B$1`;
const END = `${P}!$B$2`;
const AFTER = `${P}!$B$3`;

/** `range, ">="&start, range, "<"&end+1`: dated in P (and not after today). */
const inP = (range: string): string => `${range}, ">="&${START}, ${range}, "<"&${AFTER}`;

export interface BaselineWorkbook {
  sheets: Record<string, RawCellContent[][]>;
  /** KPI id → row (0-based) of its formula in column B of the KPI sheet. */
  rows: Map<BaselineKpi, number>;
}

export interface BaselineOptions {
  /**
   * Default true. False leaves out participation_rate and its per-member helper column, the one
   * formula whose cost is members × attendance rows: the "linear" variant, a secondary figure.
   */
  participation?: boolean;
}

/** The KPIs a variant computes. */
export function baselineKpis(options: BaselineOptions = {}): BaselineKpi[] {
  return BASELINE_KPIS.filter((id) => options.participation !== false || id !== 'participation_rate');
}

/** The club's tabs with the two helper columns, the period tab and the KPI tab. */
export function baselineWorkbook(
  tabs: GeneratedTab[],
  period: PeriodCells,
  options: BaselineOptions = {},
): BaselineWorkbook {
  const participation = options.participation !== false;
  const byKey = new Map(tabs.map((t) => [t.key, t]));
  const tab = (key: GeneratedTab['key']): GeneratedTab => {
    const t = byKey.get(key);
    if (!t) throw new Error(`The club has no ${key} tab`);
    return t;
  };
  const PRESENCES = 'Présences période';
  const EVENT_DATE = 'Date événement';
  const members = new TabRanges(tab('members'), [PRESENCES]);
  const events = new TabRanges(tab('events'));
  const attendance = new TabRanges(tab('attendance'), [EVENT_DATE]);
  const dues = new TabRanges(tab('dues'));
  const campaigns = new TabRanges(tab('communications'));
  const referrals = new TabRanges(tab('referrals'));
  const answers = new TabRanges(tab('responses'));

  const sheets: Record<string, RawCellContent[][]> = {};
  for (const t of tabs) sheets[t.name] = t.rows.map((r) => r.map(cellOf));

  // Helper column 1, Participations: the date of the row's event.
  const eventIds = `'${events.tab.name}'!$A$2:$B$${events.last}`;
  const att = sheets[attendance.tab.name];
  att[0].push(EVENT_DATE);
  for (let r = 1; r < att.length; r++) att[r].push(`=VLOOKUP(A${r + 1}, ${eventIds}, 2, 0)`);

  // Helper column 2, Membres: events of P the member attended (rows naming their ID or e-mail).
  const attendedInP = (ref: string): string =>
    `COUNTIFS(${attendance.col('Membre')}, ${ref}, ${attendance.col('Présent')}, "oui", ${inP(attendance.col(EVENT_DATE))})`;
  const mem = sheets[members.tab.name];
  const idL = members.letter('ID membre');
  const emailL = members.letter('E-mail');
  if (participation) {
    // Rows as wide as the header (the generator leaves trailing empty columns out), so the helper
    // column lands under its header.
    for (let r = 1; r < mem.length; r++) while (mem[r].length < mem[0].length) mem[r].push('');
    mem[0].push(PRESENCES);
    for (let r = 1; r < mem.length; r++) {
      mem[r].push(`=${attendedInP(`${idL}${r + 1}`)}+${attendedInP(`${emailL}${r + 1}`)}`);
    }
  }

  sheets[PERIOD_SHEET] = [
    ['Début', period.start],
    ['Fin effective', '=MIN(B4, B5)'],
    ['Lendemain', '=B2+1'],
    ['Fin', period.end],
    ["Aujourd'hui", period.today],
  ];

  // Active at P's (effective) end: joined ≤ end, not a prospect, and no left_on or left_on ≥ end.
  const activeWith = (more = ''): string => {
    const base = `${members.col("Date d'adhésion")}, "<="&${END}, ${members.col('Statut')}, "<>prospect"`;
    const left = members.col('Date de départ');
    return `COUNTIFS(${base}, ${left}, ""${more}) + COUNTIFS(${base}, ${left}, ">="&${END}${more})`;
  };
  const attP = inP(attendance.col(EVENT_DATE));
  const registered = `${attendance.col('Inscrit')}, "<>non"`;
  const showed = `COUNTIFS(${registered}, ${attendance.col('Présent')}, "oui", ${attP})`;
  const noShow = `COUNTIFS(${registered}, ${attendance.col('Présent')}, "non", ${attP})`;
  const refP = inP(referrals.col('Date'));
  const refStatus = (s: string): string => `COUNTIFS(${referrals.col('Statut')}, "${s}", ${refP})`;
  const refType = (s: string): string => `COUNTIFS(${referrals.col('Type')}, "${s}", ${refP})`;
  const won = `${referrals.col('Valeur')}, ${referrals.col('Statut')}, "gagné"`;
  const closed = referrals.col('Date de clôture');
  const campP = `${inP(campaigns.col('Date'))}, ${campaigns.col('Ouvertures uniques')}, "<>"`;
  const ansP = inP(answers.col('Horodatage'));
  const nps = answers.col('NPS');
  const meanOf = (range: string, more = ''): string =>
    `SUMIFS(${range}, ${ansP}${more}) / COUNTIFS(${range}, ">=1", ${ansP}${more})`;
  const hot = `, ${answers.col("Type d'enquête")}, "chaud"`;
  const paidOn = dues.col('Payé le');
  const duesStatus = dues.col('Statut');

  const formulas: Record<BaselineKpi, string> = {
    active_members: `=${activeWith()}`,
    participation_rate: `=(${activeWith(`, ${members.col(PRESENCES)}, ">=1"`)}) / B1`,
    show_up_rate: `=${showed} / (${showed} + ${noShow})`,
    avg_attendance: `=COUNTIFS(${attendance.col('Présent')}, "oui", ${attP}) / COUNTIFS(${inP(events.col('Date'))})`,
    referrals_given: `=COUNTIFS(${refP})`,
    referral_conversion_rate: `=${refStatus('gagné')} / (${refStatus('gagné')} + ${refStatus('perdu')} + ${refStatus('sans suite')})`,
    business_generated: `=SUMIFS(${won}, ${inP(closed)}) + SUMIFS(${won}, ${closed}, "", ${refP})`,
    partnerships_launched: `=${refType('partenariat')} + ${refType('projet collectif')}`,
    email_open_rate: `=SUMIFS(${campaigns.col('Ouvertures uniques')}, ${campP}) / (SUMIFS(${campaigns.col('Destinataires')}, ${campP}) - SUMIFS(${campaigns.col('Rebonds')}, ${campP}))`,
    nps: `=(COUNTIFS(${nps}, ">=9", ${ansP}) - COUNTIFS(${nps}, "<=6", ${ansP})) / COUNTIFS(${nps}, ">=0", ${ansP}) * 100`,
    event_satisfaction: `=${meanOf(answers.col('Satisfaction'), hot)}`,
    connection_value: `=${meanOf(answers.col('Valeur de la rencontre'))}`,
    belonging_index: `=${meanOf(answers.col('Appartenance'))}`,
    dues_collected: `=SUMPRODUCT((${paidOn}>=${START}) * (${paidOn}<${AFTER}) * ((${duesStatus}="payé") + (${duesStatus}="")) * ${dues.col('Montant')})`,
  };
  const rows = new Map<BaselineKpi, number>();
  sheets[KPI_SHEET] = baselineKpis(options).map((id, i) => {
    rows.set(id, i);
    return [id, formulas[id]];
  });
  return { sheets, rows };
}

export interface BaselineRun {
  values: Partial<Record<BaselineKpi, number | string>>;
  /** Load every tab and evaluate every formula (HyperFormula.buildFromSheets). */
  buildMs: number;
  /** Recalculation after the period cells change (data loaded, helper columns recomputed as needed). */
  recalcMs: number;
}

function readValues(
  hf: HyperFormula,
  rows: Map<BaselineKpi, number>,
): Partial<Record<BaselineKpi, number | string>> {
  const sheet = hf.getSheetId(KPI_SHEET)!;
  const out: Partial<Record<BaselineKpi, number | string>> = {};
  for (const [id, row] of rows) {
    const v = hf.getCellValue({ sheet, row, col: 1 });
    out[id] = typeof v === 'number' ? v : typeof v === 'object' && v !== null ? String(v.value) : String(v);
  }
  return out;
}

/**
 * Evaluates the baseline for `period`: timed load-and-evaluate, then a timed recalculation after
 * switching the period cells to `other` and back (the KPI values returned are those of `period`).
 */
export function runBaseline(
  tabs: GeneratedTab[],
  period: PeriodCells,
  other: PeriodCells,
  options: BaselineOptions = {},
  clock: () => number = () => performance.now(),
): BaselineRun {
  const { sheets, rows } = baselineWorkbook(tabs, period, options);
  const t0 = clock();
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: 'gpl-v3',
    useArrayArithmetic: true,
    // HyperFormula's default sheet is at most 40,000 rows; Google Sheets' only limit is 10 million cells.
    maxRows: 10_000_000,
  });
  const buildMs = clock() - t0;
  const params = hf.getSheetId(PERIOD_SHEET)!;
  const setPeriod = (p: PeriodCells): void => {
    hf.batch(() => {
      hf.setCellContents({ sheet: params, row: 0, col: 1 }, p.start);
      hf.setCellContents({ sheet: params, row: 3, col: 1 }, p.end);
    });
  };
  setPeriod(other);
  const t1 = clock();
  setPeriod(period);
  const recalcMs = clock() - t1;
  const values = readValues(hf, rows);
  hf.destroy();
  return { values, buildMs, recalcMs };
}
