/**
 * A sheet's protection (`<sheetProtection>`, ECMA-376 Part 1, §18.3.1.85) in the model's shape,
 * which is the one ExcelJS's reader gives: `sheet: true`, `false` for the locked-by-default
 * selections and objects the file unlocks… and `true` for each action the file allows (its
 * attribute `0`: every action defaults to locked), plus the password's hash. Read by
 * xlsx-skeleton.ts, written by xlsx-sheet-xml.ts.
 */
import { xmlEscape } from './xlsx-tables';
import { xmlBoolean } from './xlsx-xml';

/** Attributes set to 1 to lift a default: the model says `false` for them. */
const LIFTED = ['objects', 'scenarios', 'selectLockedCells', 'selectUnlockedCells'];
/** Actions a protected sheet allows when their attribute is 0: the model says `true` for them. */
const ALLOWED = [
  'formatCells',
  'formatColumns',
  'formatRows',
  'insertColumns',
  'insertRows',
  'insertHyperlinks',
  'deleteColumns',
  'deleteRows',
  'sort',
  'autoFilter',
  'pivotTables',
];
const HASH = ['algorithmName', 'hashValue', 'saltValue', 'spinCount'];

/** The model of a `<sheetProtection>`'s attributes; null when the sheet is not protected. */
export function readProtection(attrs: Record<string, string>): Record<string, unknown> | null {
  if (!xmlBoolean(attrs.sheet)) return null;
  const p: Record<string, unknown> = { sheet: true };
  for (const key of LIFTED) if (xmlBoolean(attrs[key])) p[key] = false;
  for (const key of ALLOWED) if (attrs[key] === '0' || attrs[key] === 'false') p[key] = true;
  if (attrs.algorithmName) {
    for (const key of HASH) p[key] = attrs[key];
    p.spinCount = Number.parseInt(attrs.spinCount, 10);
  }
  return p;
}

/** The `<sheetProtection>` element of the model, '' for an unprotected sheet. */
export function protectionXml(p: Record<string, unknown> | null): string {
  if (!p?.sheet) return '';
  let attrs = ' sheet="1"';
  for (const key of HASH)
    if (p[key] !== undefined && p[key] !== null) attrs += ` ${key}="${xmlEscape(String(p[key]))}"`;
  for (const key of LIFTED) if (p[key] === false) attrs += ` ${key}="1"`;
  for (const key of ALLOWED) if (p[key]) attrs += ` ${key}="0"`;
  return `<sheetProtection${attrs}/>`;
}
