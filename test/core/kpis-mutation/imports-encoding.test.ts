/**
 * Telling an export's encoding from its bytes (src/core/imports/encoding.ts), hand-worked
 * (issue 23): the byte order marks, the share of zero bytes that tells UTF-16 without a mark (at
 * least 30 % of the pairs on one side, at most 5 % on the other), only the first 4,096 bytes
 * looked at, tiny files, and the UTF-8 / Windows-1252 fallback.
 */

import { describe, expect, it } from 'vitest';
import { decodeExport, detectEncoding } from '../../../src/core/imports/encoding';

const bytes = (...values: number[]) => new Uint8Array(values);
const le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());

describe('byte order marks', () => {
  it('reads FF FE as UTF-16LE and FE FF as UTF-16BE, the mark dropped', () => {
    expect(decodeExport(bytes(0xff, 0xfe, 0x4e, 0x00, 0xe9, 0x00))).toEqual({
      text: 'Né',
      encoding: 'utf-16le',
    });
    expect(decodeExport(bytes(0xfe, 0xff, 0x00, 0x4e, 0x00, 0xe9))).toEqual({
      text: 'Né',
      encoding: 'utf-16be',
    });
    // Half a mark is no mark: FF then `A` is Windows-1252 (FF is no UTF-8).
    expect(decodeExport(bytes(0xff, 0x41))).toEqual({ text: 'ÿA', encoding: 'windows-1252' });
    expect(detectEncoding(bytes(0xfe, 0x41))).toBe('windows-1252');
    // FE or FF second after another byte is no mark either: `Aþ`, `Aÿ` in Windows-1252.
    expect(detectEncoding(bytes(0x41, 0xfe))).toBe('windows-1252');
    expect(detectEncoding(bytes(0x41, 0xff))).toBe('windows-1252');
  });

  it('trusts the mark even when the text has no zero byte (Greek letters)', () => {
    // Ωπ is 03A9 03C0: no zero byte to count.
    expect(decodeExport(bytes(0xff, 0xfe, 0xa9, 0x03, 0xc0, 0x03))).toEqual({
      text: 'Ωπ',
      encoding: 'utf-16le',
    });
    expect(decodeExport(bytes(0xfe, 0xff, 0x03, 0xa9, 0x03, 0xc0))).toEqual({
      text: 'Ωπ',
      encoding: 'utf-16be',
    });
  });
});

describe('UTF-16 without a mark', () => {
  it('is told from two characters on (four bytes)', () => {
    // `AB`: zero high bytes at odd positions (LE) or even ones (BE).
    expect(detectEncoding(le('AB'))).toBe('utf-16le');
    expect(detectEncoding(be('AB'))).toBe('utf-16be');
    // One character is too little to tell: its zero byte is read as UTF-8.
    expect(detectEncoding(le('A'))).toBe('utf-8');
    // An odd last byte is not counted: `AB` plus one byte is still UTF-16LE.
    expect(detectEncoding(new Uint8Array([...le('AB'), 0x43]))).toBe('utf-16le');
    // … even when that odd byte is a zero (a file cut in the middle of a character).
    expect(detectEncoding(new Uint8Array([...le('AB'), 0x00]))).toBe('utf-16le');
  });

  it('needs zeros on at least 30 % of the pairs on one side', () => {
    // 10 pairs: 3 with a zero high byte (30 %) → UTF-16LE; 2 (20 %) → not.
    const pairs = (zeros: number) =>
      new Uint8Array(Array.from({ length: 10 }, (_, i) => [0x41 + i, i < zeros ? 0 : 0x42]).flat());
    expect(detectEncoding(pairs(3))).toBe('utf-16le');
    expect(detectEncoding(pairs(2))).toBe('utf-8');
  });

  it('and at most 5 % of zeros on the other side', () => {
    // 20 pairs of `AB` in UTF-16LE (all odd bytes zero); even zeros: 1 (5 %) → UTF-16LE, 2 → not.
    const text = le('ABCDEFGHIJKLMNOPQRST');
    const withEvenZeros = (n: number) => {
      const copy = new Uint8Array(text);
      for (let k = 0; k < n; k++) copy[2 * k] = 0;
      return copy;
    };
    expect(detectEncoding(withEvenZeros(1))).toBe('utf-16le');
    expect(detectEncoding(withEvenZeros(2))).toBe('utf-8');
  });

  it('looks at the first 4,096 bytes only', () => {
    // 4,096 bytes of ASCII, then UTF-16LE text: the sample has no zero, so UTF-8 (valid bytes).
    const ascii = new Uint8Array(4096).fill(0x41);
    const tail = le('Horodateur;Note;Commentaire\r\n'.repeat(200));
    expect(detectEncoding(new Uint8Array([...ascii, ...tail]))).toBe('utf-8');
    // The other way round, UTF-16LE first: UTF-16LE.
    expect(detectEncoding(new Uint8Array([...tail, ...ascii]))).toBe('utf-16le');
  });
});

describe('UTF-8 or Windows-1252', () => {
  it('reads valid UTF-8 (BOM dropped), else Windows-1252', () => {
    expect(decodeExport(new Uint8Array(Buffer.from('\uFEFFNom;Prénom\r\n', 'utf8')))).toEqual({
      text: 'Nom;Prénom\r\n',
      encoding: 'utf-8',
    });
    // `é` as the single byte E9 is no UTF-8.
    expect(decodeExport(bytes(0x4e, 0xe9, 0x3b, 0x41))).toEqual({ text: 'Né;A', encoding: 'windows-1252' });
  });

  it('reads Windows-1252 bytes 80–9F as the WHATWG index says, not as Latin-1 (Node reads them so)', () => {
    // « L’adhésion : 40 € — œuvre… » as older Excel saves it: ’ = 92, é = E9, € = 80, — = 97, œ = 9C,
    // … = 85. Byte 81 has no character in the index and stays U+0081.
    const text = decodeExport(
      bytes(0x4c, 0x92, 0x61, 0xe9, 0x20, 0x34, 0x30, 0x80, 0x97, 0x9c, 0x85, 0x81),
    ).text;
    expect(text).toBe('L\u2019a\u00e9 40\u20ac\u2014\u0153\u2026\u0081');
    // Every byte from 80 to 9F, against TextDecoder's own table where it is right (browsers): the
    // five bytes the index leaves unassigned are the only C1 controls left.
    const all = decodeExport(bytes(...Array.from({ length: 32 }, (_, i) => 0x80 + i), 0xe9)).text;
    expect([...all].filter((c) => c.charCodeAt(0) < 0xa0).map((c) => c.charCodeAt(0).toString(16))).toEqual([
      '81',
      '8d',
      '8f',
      '90',
      '9d',
    ]);
    expect(all.slice(0, 3)).toBe('\u20ac\u0081\u201a');
    expect(all.at(-2)).toBe('\u0178');
    expect(detectEncoding(bytes())).toBe('utf-8');
  });
});

describe('the Windows-1252 mapping of bytes 80–9F', () => {
  it('applies to Windows-1252 text only: a UTF-8 file keeps its C1 characters', () => {
    // « a », U+0085 (next line, C2 85 in UTF-8), « b »: valid UTF-8, read as such and kept.
    expect(decodeExport(bytes(0x61, 0xc2, 0x85, 0x62))).toEqual({ text: 'a\u0085b', encoding: 'utf-8' });
  });
});
