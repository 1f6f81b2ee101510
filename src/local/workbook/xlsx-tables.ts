/**
 * The two shared tables of a written package (ECMA-376 Part 1): the shared strings (§18.4.9, `sst`)
 * and the style sheet (§18.8.39, `styleSheet`). Cells refer to them by index: `<c t="s"><v>3</v>`
 * is the fourth string, `<c s="2">` the third cell format (`xf`) of `cellXfs`.
 *
 * The style sheet has the shape xlsx-merge.ts expects of the writer's: the default font first, the
 * two fills every style sheet starts with (`none`, `gray125`), one empty border, one cell format
 * per distinct look, number formats as custom ones from id 164 (the first id not reserved for
 * built-in formats, §18.8.30).
 */
import { encodeXstring } from './xlsx-text';

/** A cell's look as the model holds it: format code, font, fill colour, alignment. */
export interface CellLook {
  numFmt?: string;
  bold?: boolean;
  /** Font colour, 'AARRGGBB'. */
  color?: string;
  size?: number;
  /** Solid fill colour, 'AARRGGBB'. */
  background?: string;
  horizontal?: string;
  wrap?: boolean;
}

/** Characters XML 1.0 cannot carry at all (https://www.w3.org/TR/xml/#charsets). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what it finds.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ALL_NOT_XML = new RegExp(NOT_XML.source, 'g');

/**
 * `&`, `<`, `>` and `"` as XML entities, for text nodes and double-quoted attribute values; a
 * character XML cannot carry is left out (a formula or a validation's list holding one would
 * otherwise make the whole file unreadable; cell texts keep theirs through encodeXstring first).
 */
export function xmlEscape(text: string): string {
  const safe = NOT_XML.test(text) ? text.replace(ALL_NOT_XML, '') : text;
  return /[&<>"]/.test(safe)
    ? safe.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    : safe;
}

/** A `<t>` element: the text encoded as ST_Xstring, its spaces kept (§22.9.2.19, xml:space). */
export function textElement(text: string): string {
  const body = xmlEscape(encodeXstring(text));
  return /^\s|\s$/.test(text) ? `<t xml:space="preserve">${body}</t>` : `<t>${body}</t>`;
}

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private readonly items: string[] = [];

  /** `offset`: the index the first string is written with (after the strings of copied tabs). */
  constructor(private readonly offset = 0) {}

  indexOf(text: string): number {
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.offset + this.items.length;
      this.items.push(`<si>${textElement(text)}</si>`);
      this.indexes.set(text, index);
    }
    return index;
  }

  xml(): string {
    const n = this.items.length;
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${n}" uniqueCount="${n}">${this.items.join('')}</sst>`;
  }
}

/** The first number format id free for custom formats. */
const FIRST_CUSTOM_FORMAT = 164;

export class StyleSheet {
  private readonly formats = new Map<string, number>();
  private readonly fonts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly formatItems: string[] = [];
  private readonly fontItems: string[];
  private readonly fillItems = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly xfItems = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  /** By format code alone: most formatted cells have a number format and nothing else. */
  private readonly formatOnly = new Map<string, number>();

  /**
   * `defaultFontSize`: the size of the default font (font 0), which fonts without a size take.
   * `xfBase`: the index the first cell format after the default one is written with (after the
   * formats of copied tabs: xlsx-merge.ts puts this sheet's `cellXfs` there).
   */
  constructor(
    defaultFontSize: number,
    private readonly xfBase = 1,
  ) {
    this.fontItems = [
      `<font><sz val="${defaultFontSize}"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`,
    ];
  }

  /** The index the cell format with this look is written with (0, the default one, for no look at all). */
  indexOf(look: CellLook): number {
    const plain = !(look.bold || look.color || look.size || look.background || look.horizontal || look.wrap);
    if (plain) {
      if (!look.numFmt) return 0;
      const known = this.formatOnly.get(look.numFmt);
      if (known !== undefined) return known;
    }
    const key = `${look.numFmt ?? ''}|${look.bold ? 1 : 0}|${look.color ?? ''}|${look.size ?? ''}|${look.background ?? ''}|${look.horizontal ?? ''}|${look.wrap ? 1 : 0}`;
    let index = this.xfs.get(key);
    if (index !== undefined) {
      if (plain) this.formatOnly.set(look.numFmt as string, index);
      return index;
    }
    let attrs = '';
    const format = look.numFmt && look.numFmt !== 'General' ? this.formatId(look.numFmt) : 0;
    attrs += ` numFmtId="${format}"`;
    const font = look.bold || look.color || look.size ? this.fontId(look) : 0;
    attrs += ` fontId="${font}"`;
    const fill = look.background ? this.fillId(look.background) : 0;
    attrs += ` fillId="${fill}" borderId="0" xfId="0"`;
    if (format) attrs += ' applyNumberFormat="1"';
    if (font) attrs += ' applyFont="1"';
    if (fill) attrs += ' applyFill="1"';
    let alignment = '';
    if (look.horizontal || look.wrap) {
      attrs += ' applyAlignment="1"';
      alignment = `<alignment${look.horizontal ? ` horizontal="${xmlEscape(look.horizontal)}"` : ''}${look.wrap ? ' wrapText="1"' : ''}/>`;
    }
    index = this.xfBase + this.xfItems.length - 1;
    this.xfItems.push(alignment ? `<xf${attrs}>${alignment}</xf>` : `<xf${attrs}/>`);
    this.xfs.set(key, index);
    if (plain) this.formatOnly.set(look.numFmt as string, index);
    return index;
  }

  private formatId(code: string): number {
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formatItems.length;
      this.formatItems.push(`<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
      this.formats.set(code, id);
    }
    return id;
  }

  private fontId(look: CellLook): number {
    const xml = `<font>${look.bold ? '<b/>' : ''}${look.color ? `<color rgb="${look.color}"/>` : ''}${look.size ? `<sz val="${look.size}"/>` : ''}</font>`;
    let id = this.fonts.get(xml);
    if (id === undefined) {
      id = this.fontItems.length;
      this.fontItems.push(xml);
      this.fonts.set(xml, id);
    }
    return id;
  }

  private fillId(argb: string): number {
    let id = this.fills.get(argb);
    if (id === undefined) {
      id = this.fillItems.length;
      this.fillItems.push(
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/></patternFill></fill>`,
      );
      this.fills.set(argb, id);
    }
    return id;
  }

  xml(): string {
    const list = (tag: string, items: string[]): string =>
      `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (this.formatItems.length > 0 ? list('numFmts', this.formatItems) : '') +
      list('fonts', this.fontItems) +
      list('fills', this.fillItems) +
      list('borders', ['<border><left/><right/><top/><bottom/><diagonal/></border>']) +
      list('cellStyleXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      list('cellXfs', this.xfItems) +
      list('cellStyles', ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}
