/**
 * Text as the xlsx file format holds it (ECMA-376 Part 1, §22.9.2.19 ST_Xstring): a character
 * XML 1.0 cannot carry, or that XML parsers normalize (a carriage return becomes a line feed,
 * https://www.w3.org/TR/xml/#sec-line-ends), is written as `_xHHHH_`, and an underscore that would
 * start such an escape is itself written `_x005F_`. Excel writes "a\r\nb" as `a_x000D_\nb`.
 *
 * Every text the writer puts in a file is encoded here (xlsx-tables.ts); the readers decode it
 * (xlsx-cells.ts, notes in xlsx-parts.ts), as ExcelJS 4.4 (pinned) does when it reads shared and
 * inline strings (lib/xlsx/xform/strings/text-xform.js).
 */

/** An underscore that a reader would take as the start of an escape. */
const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/** True for a character XML parsers drop or normalize; tab and line feed are kept as they are. */
function unsafe(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f;
}

export function encodeXstring(text: string): string {
  const escaped = text.includes('_') ? text.replace(ESCAPE_LIKE, '_x005F_$1') : text;
  let out = '';
  let from = 0;
  for (let i = 0; i < escaped.length; i++) {
    const code = escaped.charCodeAt(i);
    if (!unsafe(code)) continue;
    out += `${escaped.slice(from, i)}_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
    from = i + 1;
  }
  return from === 0 ? escaped : out + escaped.slice(from);
}

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** The reverse of encodeXstring: notes, and the cells the scanner reads (xlsx-cells.ts). */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The five predefined entities and character references of XML text decoded
 * (https://www.w3.org/TR/xml/#sec-predefined-ent); an unknown `&name;` is left as it is. A reference
 * beyond U+10FFFF throws a RangeError (`String.fromCodePoint`).
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named = NAMED_ENTITIES[e.toLowerCase()];
    if (named !== undefined) return named;
    return String.fromCodePoint(
      e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
    );
  });
}
