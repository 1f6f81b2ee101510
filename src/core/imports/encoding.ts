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

/** The file's text (byte order mark dropped) and the encoding it was read in. */
export function decodeExport(bytes: Uint8Array): { text: string; encoding: ExportEncoding } {
  const encoding = detectEncoding(bytes);
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
