/**
 * The cells of a sheet part's `<sheetData>`, scanned straight from the XML text (issue 21).
 *
 * Why not an XML library: the cell grammar of SpreadsheetML is small and flat (ECMA-376 Part 1,
 * §18.3.1.73 `row`, §18.3.1.4 `c`, §18.3.1.40 `f`, §18.3.1.96 `v`, §18.3.1.53 `is`), and a general
 * parser spends its time on what it cannot see is absent. Measured on the demo club's 92,000 cells:
 * saxes (through ExcelJS's own row parser) ~500 ms, fast-xml-parser ~830 ms, these regular
 * expressions ~10 ms. The scanner is strict instead of clever: anything it does not know (a CDATA
 * section, a comment, an element other than `row`, `c`, `f`, `v`, `is`, a bad entity, text where
 * none may be) throws `UnreadableXml`, and the caller hands the whole workbook to ExcelJS's
 * in-memory reader, which either reads it or says the file is damaged. The tests compare this
 * scanner's model with ExcelJS's on every fixture, sample and demo workbook
 * (test/local/workbook/xlsx-stream.test.ts).
 *
 * Where ExcelJS 4.4 (pinned) is wrong, this follows the standard, and the tests say so:
 * - a row without `r` is the row after the previous one (CT_Row's `r` is optional, §18.3.1.73);
 *   ExcelJS drops its cells;
 * - `_xHHHH_` escapes are decoded in inline strings as in shared ones (ST_Xstring, §22.9.2.19);
 *   ExcelJS decodes them only in shared strings and rich runs;
 * - a `t="str"` value is decoded once (ExcelJS decodes entities a second time: `&amp;lt;` → `<`);
 * - phonetic runs (`rPh`, §18.4.6) are not part of the text; ExcelJS appends them to it.
 */

import type { PartRefs } from './model';
import { decodeXmlEntities, decodeXstring } from './xlsx-text';
import { columnLetters, MS_PER_DAY, UNIX_EPOCH_SERIAL } from './xlsx-units';

/** The XML is not what the scanner knows how to read: the in-memory reader takes the file over. */
export class UnreadableXml extends Error {}

/** One cell as ExcelJS's CellXform parses it (lib/xlsx/xform/sheet/cell-xform.js), before reconcile. */
export interface ScannedCell {
  /** The `r` of a cell that is not plain (see PLAIN_CELL), or the address it would have. */
  address?: string;
  /** 1-based row and column. */
  row: number;
  col: number;
  styleId?: number;
  type: number;
  value?: unknown;
  formula?: string;
  shareType?: string;
  si?: string;
  ref?: string;
  result?: unknown;
  /** The cell has cell or value metadata (`cm`, `vm`: dynamic arrays, pictures in cells). */
  metadata?: boolean;
}

/** ExcelJS's value types (lib/doc/enums.js). */
const VT_NULL = 0;
const VT_MERGE = 1;
const VT_NUMBER = 2;
const VT_STRING = 3;
const VT_DATE = 4;
const VT_FORMULA = 6;
const VT_BOOLEAN = 9;
const VT_ERROR = 10;

const BAD_AMPERSAND = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
/** `&#0;`: no character XML allows. */
const NUL_REFERENCE = /&#(?:x0*|0+);/i;

/**
 * Character data as an XML parser gives it: line ends normalised (https://www.w3.org/TR/xml/#sec-line-ends),
 * then the five predefined entities and character references decoded.
 */
function xmlText(raw: string): string {
  if (raw.includes('<')) {
    // CDATA sections are text as it stands (ExcelJS loses them: its parser's cdata events go nowhere).
    if (!raw.includes('<![CDATA[')) throw new UnreadableXml('markup inside text');
    return raw
      .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
      .map((part) =>
        part.startsWith('<![CDATA[') ? part.slice(9, -3).replace(/\r\n?/g, '\n') : xmlText(part),
      )
      .join('');
  }
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  if (BAD_AMPERSAND.test(text) || NUL_REFERENCE.test(text)) throw new UnreadableXml('an unknown entity');
  try {
    return decodeXmlEntities(text);
  } catch {
    throw new UnreadableXml('a bad character reference');
  }
}

const NAME = /^[\w:.-]+$/;

/** A start tag's attributes (the text between the name and `>` or `/>`). */
function attributesOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  // By hand for the usual ` name="value"` pairs: a regular expression per pair costs more.
  let at = 0;
  for (;;) {
    const eq = text.indexOf('="', at);
    if (eq < 0) break;
    const end = text.indexOf('"', eq + 2);
    if (end < 0 || text.charCodeAt(at) !== 32) return attributesByGrammar(text);
    const name = text.slice(at + 1, eq);
    if (!NAME.test(name)) return attributesByGrammar(text);
    const raw = text.slice(eq + 2, end);
    out[name] = raw.includes('&') || raw.includes('<') ? xmlText(raw) : raw;
    at = end + 1;
  }
  return at === text.length || WHITESPACE.test(text.slice(at)) ? out : attributesByGrammar(text);
}

const ATTRIBUTE = /\s+([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** Attributes in any form XML allows (single quotes, white space around `=`). */
function attributesByGrammar(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  for (
    let m = nextAt(ATTRIBUTE, text, at, 'a malformed attribute');
    m;
    m = nextAt(ATTRIBUTE, text, at, 'a malformed attribute')
  ) {
    out[m[1]] = xmlText(m[2] ?? m[3]);
    at = ATTRIBUTE.lastIndex;
  }
  return out;
}

/**
 * The sticky `re` matched at `at` in `text`; null when only white space is left there, and
 * UnreadableXml (`what`) when anything else is.
 */
function nextAt(re: RegExp, text: string, at: number, what: string): RegExpExecArray | null {
  if (at >= text.length) return null;
  re.lastIndex = at;
  const m = re.exec(text);
  if (m) return m;
  if (WHITESPACE.test(text.slice(at))) return null;
  throw new UnreadableXml(what);
}

/** A column's letters (`AB`) as its 1-based number; 0 when `address` does not start with a column. */
function columnOf(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
  }
  return col;
}

const ELEMENT = /\s*<([\w:]+)((?:\s[^>]*?)?)(\/?)>/y;
/** The end tag of an element whose text may hold a CDATA section (in which `</x>` is text). */
const CDATA_END = /^(?:[^<]|<!\[CDATA\[[\s\S]*?\]\]>)*/;
const WHITESPACE = /^\s*$/;

interface Element {
  name: string;
  attributes: string;
  /** The text between the start and end tags; null for an empty-element tag. */
  inner: string | null;
}

/** Calls `each` with the child elements of `text`, which must hold nothing else but white space. */
function eachChild(text: string, each: (child: Element) => void): void {
  let at = 0;
  for (;;) {
    const m = nextAt(ELEMENT, text, at, 'unexpected content');
    if (!m) return;
    const name = m[1];
    at = ELEMENT.lastIndex;
    if (m[3]) {
      each({ name, attributes: m[2], inner: null });
      continue;
    }
    const close = `</${name}>`;
    let end = text.indexOf(close, at);
    if (end >= 0 && text.slice(at, end).includes('<![CDATA[')) {
      // A CDATA section may hold what looks like the end tag.
      end = at + (CDATA_END.exec(text.slice(at))?.[0].length ?? 0);
      if (!text.startsWith(close, end)) end = text.indexOf(close, end);
    }
    if (end < 0) throw new UnreadableXml(`<${name}> is not closed`);
    each({ name, attributes: m[2], inner: text.slice(at, end) });
    at = end + close.length;
  }
}

/** The text of a `<t>` (or of runs' `<t>`s) in an inline or shared string; phonetic runs left out. */
export function stringItemText(inner: string): string {
  let text = '';
  const run = (part: Element): void => {
    if (part.name === 't') text += part.inner === null ? '' : decodeXstring(xmlText(part.inner));
    else if (part.name !== 'rPr') throw new UnreadableXml(`<${part.name}> in a rich run`);
  };
  eachChild(inner, (child) => {
    if (child.name === 't') text += child.inner === null ? '' : decodeXstring(xmlText(child.inner));
    else if (child.name === 'r') eachChild(child.inner ?? '', run);
    else if (child.name !== 'rPh' && child.name !== 'phoneticPr' && child.name !== 'extLst')
      throw new UnreadableXml(`<${child.name}> in a string`);
  });
  return text;
}

/** A `<c>` element, its attributes and what is inside (nothing for an empty-element tag). */
const CELL = /<c((?:\s[^>]*?)?)(?:\/>|>([\s\S]*?)<\/c>)/y;

/**
 * The cell as Excel, Google Sheets, LibreOffice and ExcelJS write nearly all of them: `r`, `s`, `t`
 * in that order, then nothing or a value that needs no decoding. Any other cell takes `CELL`.
 */
const PLAIN_CELL =
  /<c(?: r="([A-Z]{1,3})[0-9]+")?(?: s="([0-9]+)")?(?: t="([a-zA-Z]+)")?(?:\/>|>(?:<v>([^<&\r]*)<\/v>)?<\/c>)/y;

/** The last cell `emptyStyledAt` read: where it ends, its column and its format. */
const EMPTY_STYLED = { end: 0, col: 0, style: 0 };

/** A character code's digit value, or -1. */
function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57 ? code - 48 : -1;
}

/**
 * The commonest cell of a club's tabs, an empty cell with a format (Sheets exports every column's
 * format down to row 1,000: three cells in four of the demo club), `<c r="B7" s="3"/>` exactly,
 * read character by character into EMPTY_STYLED: the cell `PLAIN_CELL` would give, without a
 * regular expression's match and substrings (issue 21). False for any other text, which the
 * expressions then read.
 */
function emptyStyledAt(text: string, at: number): boolean {
  if (!text.startsWith('<c r="', at)) return false;
  let i = at + 6;
  let col = 0;
  for (let code = text.charCodeAt(i); code >= 65 && code <= 90 && i < at + 9; code = text.charCodeAt(++i))
    col = col * 26 + code - 64;
  if (col === 0 || digitAt(text, i) < 0) return false;
  while (digitAt(text, i) >= 0) i++;
  if (!text.startsWith('" s="', i)) return false;
  i += 5;
  let style = 0;
  const digits = i;
  for (let d = digitAt(text, i); d >= 0; d = digitAt(text, ++i)) style = style * 10 + d;
  if (i === digits || i - digits > 9 || !text.startsWith('"/>', i)) return false;
  EMPTY_STYLED.end = i + 3;
  EMPTY_STYLED.col = col;
  EMPTY_STYLED.style = style;
  return true;
}

/** The plain cell `PLAIN_CELL` matched. */
function plainCell(m: RegExpExecArray, row: number, previousCol: number): ScannedCell {
  const col = m[1] === undefined ? previousCol + 1 : columnOf(m[1]);
  const cell: ScannedCell = { row, col, type: VT_MERGE };
  if (m[2]) cell.styleId = Number.parseInt(m[2], 10);
  return typeCell(cell, m[3], m[4] || undefined, false);
}

/** Any `<c>`. */
function scanCell(attributes: string, inner: string | null, row: number, previousCol: number): ScannedCell {
  const attrs = attributesOf(attributes);
  const address = attrs.r ?? '';
  const col = columnOf(address) || previousCol + 1;
  const cell: ScannedCell = { address: address || `${columnLetters(col)}${row}`, row, col, type: VT_MERGE };
  if (attrs.s) cell.styleId = Number.parseInt(attrs.s, 10);
  if (attrs.cm !== undefined || attrs.vm !== undefined) cell.metadata = true;
  let value: string | undefined;
  let hasFormula = false;
  eachChild(inner ?? '', (child) => {
    switch (child.name) {
      case 'f': {
        const f = attributesOf(child.attributes);
        cell.si = f.si;
        cell.shareType = f.t;
        cell.ref = f.ref;
        const text = child.inner === null ? '' : xmlText(child.inner);
        if (text) cell.formula = text;
        hasFormula = true;
        break;
      }
      case 'v':
        if (child.inner) value = (value ?? '') + xmlText(child.inner);
        break;
      case 'is': {
        const text = stringItemText(child.inner ?? '');
        if (text) value = (value ?? '') + text;
        break;
      }
      case 'extLst':
        break;
      default:
        throw new UnreadableXml(`<${child.name}> in a cell`);
    }
  });
  return typeCell(cell, attrs.t, value, hasFormula);
}

/** The cell's type and value from its `t`, its value's text and whether it has a formula. */
function typeCell(
  cell: ScannedCell,
  t: string | undefined,
  value: string | undefined,
  hasFormula: boolean,
): ScannedCell {
  if (hasFormula && (cell.formula || cell.shareType)) {
    cell.type = VT_FORMULA;
    if (value) cell.result = typed(t, value);
  } else if (value !== undefined && t === 'd') {
    // An ISO 8601 date cell (§18.18.11 ST_CellType `d`); ExcelJS reads its year as a number.
    const serial = isoSerial(value);
    cell.type = serial === null ? VT_STRING : VT_DATE;
    cell.value = serial === null ? value : { serial };
  } else if (value !== undefined) {
    cell.value = typed(t, value);
    cell.type =
      t === 's' || t === 'str' || t === 'inlineStr'
        ? VT_STRING
        : t === 'b'
          ? VT_BOOLEAN
          : t === 'e'
            ? VT_ERROR
            : VT_NUMBER;
  } else if (cell.styleId) {
    cell.type = VT_NULL;
  }
  return cell;
}

/** A value's text as its cell type says (ExcelJS's parseClose; a shared string stays its index). */
function typed(t: string | undefined, value: string): unknown {
  switch (t) {
    case 's':
      return Number.parseInt(value, 10);
    case 'str':
      return decodeXstring(value);
    case 'inlineStr':
      return value;
    case 'b':
      return Number.parseInt(value, 10) !== 0;
    case 'e':
      return { error: value };
    default:
      return Number.parseFloat(value);
  }
}

const ISO_DATE =
  /^\s*(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/;

/** An ISO 8601 date and time as a wall-clock serial (its zone, if any, is ignored), or null. */
function isoSerial(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', sec = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), 0) + Number(sec) * 1000;
  return Number.isFinite(ms) ? ms / MS_PER_DAY + UNIX_EPOCH_SERIAL : null;
}

/**
 * The items of a container element (`<sheetData>`'s rows, `<sst>`'s strings) fed in pieces cut
 * anywhere: every complete item is handed to `onItem` as soon as it has arrived, in file order.
 */
class ItemScanner {
  /** Before the container's start tag: what has come so far (a few bytes). */
  private head = '';
  /**
   * Since the last complete item: the pieces as they came, joined only once an item ends, so that
   * a row of many megabytes is neither copied nor searched again at each piece.
   */
  private pieces: string[] = [];
  private started = false;
  /** The container was an empty-element tag (`<sst count="0"/>`). */
  private empty = false;
  private readonly closeTag: string;

  constructor(
    /** The container's start tag, with what may come before it in the piece (an XML declaration). */
    private readonly open: RegExp,
    private readonly container: string,
    private readonly item: string,
    private readonly onItem: (item: Element) => void,
  ) {
    this.closeTag = `</${item}>`;
  }

  push(text: string): void {
    if (!this.started) {
      this.head += text;
      const open = this.open.exec(this.head);
      if (!open) {
        if (this.head.length > 65_536) throw new UnreadableXml(`no <${this.container}>`);
        return;
      }
      this.started = true;
      this.empty = open[0].endsWith('/>');
      text = this.head.slice(open[0].length);
      this.head = '';
    }
    if (this.empty) {
      if (!WHITESPACE.test(text)) throw new UnreadableXml(`text after <${this.container}/>`);
      return;
    }
    // An item's end tag lies in the new text, or began at the end of the previous piece.
    const previous = this.pieces.at(-1) ?? '';
    const carried = previous.slice(Math.max(0, previous.length - this.closeTag.length + 1));
    const at = (carried + text).lastIndexOf(this.closeTag);
    if (at < 0) {
      if (text) this.pieces.push(text);
      return;
    }
    const cut = at - carried.length + this.closeTag.length;
    const complete = this.pieces.join('') + text.slice(0, cut);
    this.pieces = [text.slice(cut)];
    this.scan(complete);
  }

  /** Checks that the container ended where it should and scans what is left. */
  end(): void {
    if (!this.started) throw new UnreadableXml(`no <${this.container}>`);
    if (this.empty) return;
    const rest = this.pieces.join('');
    this.pieces = [];
    const closeTag = `</${this.container}>`;
    const close = rest.lastIndexOf(closeTag);
    if (close < 0 || !WHITESPACE.test(rest.slice(close + closeTag.length)))
      throw new UnreadableXml(`<${this.container}> is not closed`);
    this.scan(rest.slice(0, close));
  }

  private scan(text: string): void {
    eachChild(text, (child) => {
      if (child.name === this.item) this.onItem(child);
      else if (child.name !== 'extLst') throw new UnreadableXml(`<${child.name}> in <${this.container}>`);
    });
  }
}

/**
 * The cells of `<sheetData>…</sheetData>` fed in pieces: each cell goes to `onCell` in file order,
 * and the hidden rows are listed.
 */
export class SheetDataScanner {
  private readonly items: ItemScanner;
  private row = 0;
  /** 1-based numbers of the hidden rows. */
  readonly hiddenRows: number[] = [];
  /** What the cells refer to in the shared tables (see xlsx-merge.ts), and whether any has metadata. */
  private readonly found = { maxStyle: 0, metadata: false };
  /** The shared strings used, one flag per index (a Set's add costs more on millions of cells). */
  private usedStrings = new Uint8Array(1024);

  private useString(index: number): void {
    if (!(index >= 0 && index < 2 ** 31)) return;
    if (index >= this.usedStrings.length) {
      const grown = new Uint8Array(Math.max(index + 1, this.usedStrings.length * 2));
      grown.set(this.usedStrings);
      this.usedStrings = grown;
    }
    this.usedStrings[index] = 1;
  }

  /** The shared strings used, the highest cell format and whether a cell has metadata. */
  get refs(): PartRefs {
    const strings = new Set<number>();
    for (let i = 0; i < this.usedStrings.length; i++) if (this.usedStrings[i]) strings.add(i);
    return { strings, ...this.found };
  }

  /**
   * `onCell` gets every cell in file order; `onEmptyStyled`, when given, is asked first about each
   * empty formatted cell of the common shape (1-based row and column, its format index) and
   * returns true when it took the cell, which then goes no further (issue 21: three cells in four
   * of a Sheets export).
   */
  constructor(
    private readonly onCell: (cell: ScannedCell) => void,
    private readonly onEmptyStyled?: (row: number, col: number, styleId: number) => boolean,
  ) {
    this.items = new ItemScanner(/^\s*<sheetData\b[^>]*?>/, 'sheetData', 'row', (row) => this.scanRow(row));
  }

  push(text: string): void {
    this.items.push(text);
  }

  end(): void {
    this.items.end();
  }

  private scanRow(row: Element): void {
    const attrs = rowAttributes(row.attributes);
    const number = attrs.r === undefined ? this.row + 1 : Number.parseInt(attrs.r, 10);
    if (!(number >= 1)) throw new UnreadableXml('a bad row number');
    this.row = number;
    if (attrs.hidden === '1' || attrs.hidden === 'true') this.hiddenRows.push(number);
    if (attrs.s) this.found.maxStyle = Math.max(this.found.maxStyle, Number.parseInt(attrs.s, 10));
    const inner = row.inner ?? '';
    let previousCol = 0;
    let at = 0;
    while (at < inner.length) {
      if (emptyStyledAt(inner, at)) {
        const { col, style } = EMPTY_STYLED;
        at = EMPTY_STYLED.end;
        if (col <= previousCol) throw new UnreadableXml('cells out of order');
        if (style > this.found.maxStyle) this.found.maxStyle = style;
        previousCol = col;
        if (this.onEmptyStyled?.(number, col, style)) continue;
        // As typeCell: a format other than the default makes the cell a formatted empty one
        // (VT_NULL), `s="0"` leaves it to be dropped (VT_MERGE), as ExcelJS's reader drops it.
        this.onCell({ row: number, col, type: style ? VT_NULL : VT_MERGE, styleId: style });
        continue;
      }
      let cell: ScannedCell;
      PLAIN_CELL.lastIndex = at;
      const plain = PLAIN_CELL.exec(inner);
      if (plain) {
        cell = plainCell(plain, number, previousCol);
        at = PLAIN_CELL.lastIndex;
      } else {
        CELL.lastIndex = at;
        const m = CELL.exec(inner);
        if (!m) break;
        cell = scanCell(m[1], m[2] ?? null, number, previousCol);
        at = CELL.lastIndex;
      }
      this.cell(cell, previousCol);
      previousCol = cell.col;
    }
    // White space, extensions, or what cannot be read.
    if (at === inner.length) return;
    eachChild(inner.slice(at), (child) => {
      if (child.name === 'extLst') return;
      if (child.name !== 'c') throw new UnreadableXml(`<${child.name}> in a row`);
      const cell = scanCell(child.attributes, child.inner, number, previousCol);
      this.cell(cell, previousCol);
      previousCol = cell.col;
    });
  }

  private cell(cell: ScannedCell, previousCol: number): void {
    if (cell.col <= previousCol) throw new UnreadableXml('cells out of order');
    const refs = this.found;
    if (cell.styleId && cell.styleId > refs.maxStyle) refs.maxStyle = cell.styleId;
    if (cell.type === VT_STRING && typeof cell.value === 'number') this.useString(cell.value);
    if (cell.metadata) refs.metadata = true;
    this.onCell(cell);
  }
}

const SIMPLE_ROW_ATTRIBUTES = /^(?: [\w:]+="[^"&<]*")*$/;

/** A row's `r`, `s` and `hidden`: looked up directly in the usual ` name="value"` form. */
function rowAttributes(text: string): { r?: string; s?: string; hidden?: string } {
  if (!SIMPLE_ROW_ATTRIBUTES.test(text)) return attributesOf(text);
  const value = (name: string): string | undefined => {
    const at = text.indexOf(` ${name}="`);
    return at < 0 ? undefined : text.slice(at + name.length + 3, text.indexOf('"', at + name.length + 3));
  };
  return { r: value('r'), s: value('s'), hidden: value('hidden') };
}

/** The shared strings table (`xl/sharedStrings.xml`, §18.4.9) fed in pieces: its texts, in order. */
export class SharedStringsScanner {
  private readonly items: ItemScanner;
  readonly strings: string[] = [];

  constructor() {
    this.items = new ItemScanner(/^\s*(?:<\?xml\b[^>]*\?>)?\s*<sst\b[^>]*?>/, 'sst', 'si', (si) =>
      this.strings.push(stringItemText(si.inner ?? '')),
    );
  }

  push(text: string): void {
    this.items.push(text);
  }

  end(): void {
    this.items.end();
  }
}
