/**
 * The text of an export file from its bytes, whatever the tool saved it as: UTF-16 little or big
 * endian (Excel's « Texte Unicode », some survey and CRM exports) told by its byte order mark or, without
 * one, by the zero bytes that mostly-ASCII text has on every other byte; else UTF-8 (BOM or not);
 * else Windows-1252, as older Excel saves CSV. Decoding is the WHATWG Encoding API's `TextDecoder`
 * (browsers and Node; https://encoding.spec.whatwg.org/#interface-textdecoder), which also drops a
 * leading byte order mark — never hand decoding. Used where bytes arrive: the sidebar's file
 * picker and `club-pulse import` (Apps Script itself receives text).
 */

export type ExportEncoding = 'utf-16le' | 'utf-16be' | 'utf-8' | 'windows-1252';

/** Bytes looked at to tell UTF-16 without a byte order mark. */
const SAMPLE = 4096;

export function detectEncoding(bytes: Uint8Array): ExportEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Without a BOM: text in a Latin script has a zero high byte for most characters in UTF-16, and
  // no zero byte at all in UTF-8 or Windows-1252. zeros[0] counts even positions, zeros[1] odd ones.
  const length = Math.min(bytes.length, SAMPLE) & ~1;
  const zeros = [0, 0];
  for (let i = 0; i < length; i++) if (bytes[i] === 0) zeros[i & 1]++;
  const pairs = length / 2;
  for (const [wide, narrow, encoding] of [
    [1, 0, 'utf-16le'],
    [0, 1, 'utf-16be'],
  ] as const)
    if (length >= 4 && zeros[wide] >= pairs * 0.3 && zeros[narrow] <= pairs * 0.05) return encoding;
  try {
    // A UTF-8 BOM passes here; the decoder drops it.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * What Windows-1252 bytes 80–9F are, by the WHATWG index
 * (https://encoding.spec.whatwg.org/index-windows-1252.txt): `€`, `’`, `œ`, `…`… Node's
 * `TextDecoder('windows-1252')` gives U+0080–U+009F for them instead, as Latin-1 does
 * (https://github.com/nodejs/node/issues/60888), so `club-pulse import` of an older Excel CSV would
 * turn every euro sign and apostrophe into a control character; browsers decode them right, and the
 * mapping below then finds nothing to change. 81, 8D, 8F, 90 and 9D stay as they are in the index.
 */
const WINDOWS_1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The file's text (byte order mark dropped) and the encoding it was read in. */
export function decodeExport(bytes: Uint8Array): { text: string; encoding: ExportEncoding } {
  const encoding = detectEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return { text, encoding };
  return {
    text: text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]),
    encoding,
  };
}
