/**
 * The pixels of an emulated Charts service chart (charts-service.ts): a PNG of the chart's size
 * with a white background, a grey zero line and one bar per row and number column, in the chart's
 * colours. Google renders its charts with Google Charts Tools (titles, axes, labels); the emulator
 * draws no text, only the bars, so a test can check an image is a real PNG of the size asked
 * holding the data's shape. Encoded with node:zlib (deflate, crc32), the PNG format of
 * https://www.w3.org/TR/png/ (signature, IHDR, IDAT, IEND; colour type 2, 8 bits, filter 0).
 */

import { crc32, deflateSync } from 'node:zlib';

export interface BarPicture {
  width: number;
  height: number;
  /** Rows of values, one per category; one bar per number column. */
  rows: Array<Array<number | null>>;
  /** `#rrggbb` colours of the series (default Google blue). */
  colors: string[];
}

function rgbOf(css: string | undefined): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css ?? '');
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [0x33, 0x66, 0xcc];
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** PNG bytes of an RGB picture (`pixels`: width × height × 3). */
export function encodePng(width: number, height: number, pixels: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    Buffer.from(pixels.buffer, pixels.byteOffset + y * width * 3, width * 3).copy(
      raw,
      y * (width * 3 + 1) + 1,
    );
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The bars of a column chart as a PNG. */
export function barChartPng(p: BarPicture): Buffer {
  const { width, height } = p;
  const pixels = new Uint8Array(width * height * 3).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number, rgb: [number, number, number]) => {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, Math.ceil(y1)); y++)
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, Math.ceil(x1)); x++)
        pixels.set(rgb, (y * width + x) * 3);
  };
  const values = p.rows.flat().filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const top = height * 0.1;
  const plot = height * 0.8;
  const zeroY = top + (max / span) * plot;
  const series = Math.max(1, ...p.rows.map((r) => r.length));
  const slot = width / Math.max(1, p.rows.length);
  const bar = (slot * 0.6) / series;
  p.rows.forEach((row, i) => {
    row.forEach((v, s) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) return;
      const h = (Math.abs(v) / span) * plot;
      const x = slot * i + slot * 0.2 + s * bar;
      fill(x, v >= 0 ? zeroY - h : zeroY, x + bar, v >= 0 ? zeroY : zeroY + h, rgbOf(p.colors[s]));
    });
  });
  fill(0, zeroY, width, zeroY + 1, [0xda, 0xdc, 0xe0]);
  return encodePng(width, height, pixels);
}
