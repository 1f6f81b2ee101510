/**
 * What a sheet's part was made of when the workbook was loaded, kept to tell at save time whether
 * the session left the sheet untouched (xlsx-copy.ts copies such a sheet's part byte for byte).
 *
 * "Untouched" is decided by content, not by marks: no mutation path (the emulator's dozens of
 * writers, the CLI's own edits) can forget to set a mark, and a sheet written back to what it was is
 * still copied. The snapshot holds everything the writer puts in the part: the structure (frozen
 * panes, tab colour, protection, merges, hidden rows and columns, widths) as JSON; a shallow copy
 * of each row of values (a date cell copied as its serial, so that changing a date object in place
 * is seen); copies of the formula, note and validation maps (each validation object also as JSON);
 * and the format maps, which a streamed tab does not copy: lazy-styles.ts tells whether they are
 * still the file's. The name, the hidden state, the grid size, charts and the form URL live outside
 * the sheet part (workbook.xml, metadata tab) and are left out.
 *
 * Issue 21: a SHA-256 of all this cost the demo refresh about 60 ms (at load and again at save);
 * copying references costs a few, and comparing them fewer. The copies hold references, not
 * values: at 5,000 members the CLI's peak was 672 to 771 MB across the bench runs since (696 MB in
 * the last run before), under the 1 GB target.
 */
import { stylesAsLoaded } from './lazy-styles';
import { type CellValue, isDateCell, type SheetModel, STYLE_MAPS } from './model';

/** The maps compared entry by entry, their values strings, numbers or booleans. */
const PLAIN_MAPS = ['formulas', 'notes'] as const;

export interface SheetSnapshot {
  structure: string;
  /** Each row's values, a date as its serial (`{ serial }` copied); an empty row as undefined. */
  rows: Array<CellValue[] | undefined>;
  maps: Record<(typeof PLAIN_MAPS)[number], Map<string, unknown>>;
  /** The validation map's copy, and each validation object's JSON (a few objects serve many cells). */
  validations: Map<string, unknown>;
  validationJson: Map<unknown, string>;
  /** The format maps' copies; null when the tab's formats were deferred (lazy-styles.ts). */
  styles: Map<string, unknown>[] | null;
}

function structureOf(sheet: SheetModel): string {
  return JSON.stringify([
    sheet.frozenRows,
    sheet.frozenColumns,
    sheet.tabColor,
    sheet.sheetProtection,
    sheet.merges,
    [...sheet.hiddenRows],
    [...sheet.hiddenColumns],
    [...sheet.columnWidths],
  ]);
}

/** Each distinct object's JSON, made once. */
function jsonOf(value: unknown, made: Map<unknown, string>): string {
  let text = made.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    made.set(value, text);
  }
  return text;
}

export function snapshotOf(sheet: SheetModel): SheetSnapshot {
  const rows: SheetSnapshot['rows'] = [];
  for (const row of sheet.values) {
    if (!row || row.length === 0) {
      rows.push(undefined);
      continue;
    }
    const copy = row.slice();
    for (let c = 0; c < copy.length; c++) {
      const v = copy[c];
      if (typeof v === 'object' && v !== null) copy[c] = isDateCell(v) ? { serial: v.serial } : v;
    }
    rows.push(copy);
  }
  const validationJson = new Map<unknown, string>();
  for (const v of new Set(sheet.validations.values())) validationJson.set(v, JSON.stringify(v));
  return {
    structure: structureOf(sheet),
    rows,
    maps: { formulas: new Map(sheet.formulas), notes: new Map(sheet.notes) },
    validations: new Map(sheet.validations),
    validationJson,
    styles:
      stylesAsLoaded(sheet) === null
        ? STYLE_MAPS.map((m) => new Map(sheet[m] as Map<string, unknown>))
        : null,
  };
}

function sameValue(now: CellValue | undefined, then: CellValue | undefined): boolean {
  if (Object.is(now, then)) return true;
  return isDateCell(now) && isDateCell(then) && Object.is(now.serial, then.serial);
}

function sameRows(values: CellValue[][], rows: SheetSnapshot['rows']): boolean {
  const length = Math.max(values.length, rows.length);
  for (let r = 0; r < length; r++) {
    const now = values[r];
    const then = rows[r];
    const nowLength = now?.length ?? 0;
    if (nowLength !== (then?.length ?? 0)) return false;
    for (let c = 0; c < nowLength; c++) if (!sameValue(now?.[c], then?.[c])) return false;
  }
  return true;
}

function sameMap(now: Map<string, unknown>, then: Map<string, unknown>): boolean {
  if (now.size !== then.size) return false;
  for (const [key, value] of now) if (!Object.is(value, then.get(key)) || !then.has(key)) return false;
  return true;
}

/** True when `sheet` would be written as it was when `snapshot` was taken. */
export function unchangedSince(sheet: SheetModel, snapshot: SheetSnapshot): boolean {
  if (!sameRows(sheet.values, snapshot.rows)) return false;
  if (!PLAIN_MAPS.every((m) => sameMap(sheet[m], snapshot.maps[m]))) return false;
  if (sheet.validations.size !== snapshot.validations.size) return false;
  const made = new Map<unknown, string>();
  for (const [key, v] of sheet.validations) {
    const then = snapshot.validations.get(key);
    // The same object or another, it must say what the file's said (its JSON made once per object).
    if (then === undefined || jsonOf(v, made) !== snapshot.validationJson.get(then)) return false;
  }
  if (structureOf(sheet) !== snapshot.structure) return false;
  if (snapshot.styles === null) return stylesAsLoaded(sheet) === true;
  const styles = snapshot.styles;
  return STYLE_MAPS.every((m, i) =>
    sameMap(sheet[m] as Map<string, unknown>, styles[i] as Map<string, unknown>),
  );
}
