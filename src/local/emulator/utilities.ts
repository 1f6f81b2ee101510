/**
 * The emulated Utilities: formatDate with SimpleDateFormat letters, getUuid, a blocking sleep,
 * minimal blobs.
 * https://developers.google.com/apps-script/reference/utilities/utilities
 */

import { randomUUID } from 'node:crypto';
import { isDateObject } from './cells';
import type { ServiceContext } from './context';
import { MSG } from './errors';
import { sleepSync } from './lockfile';
import { zoneWallClock } from './zone-offset';

/** English month names, as Utilities.formatDate writes `MMMM` (`MMM` is their first three letters). */
const MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m, 1))),
);
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function offsetText(offsetMin: number, colon: boolean, short: boolean): string {
  const sign = offsetMin < 0 ? '-' : '+';
  const a = Math.abs(offsetMin);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  const mm = String(a % 60).padStart(2, '0');
  if (short) return `${sign}${hh}`;
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

/** java.text.SimpleDateFormat, the letters scripts use: y M d H h k K m s S E u a Z X z D, quotes. */
export function formatDate(epochMs: number, timeZone: string, pattern: string): string {
  const wall = zoneWallClock(epochMs, timeZone);
  const w = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  const [hour, minute, second] = [wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()];
  const offsetMin = Math.round((wall.getTime() - epochMs) / 60_000);
  const dow = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop).replace(/''/g, "'");
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1]!.slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'D': {
        const doy = (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000 + 1;
        out += pad(doy, n);
        break;
      }
      case 'H':
        out += pad(hour, n);
        break;
      case 'k':
        out += pad(hour === 0 ? 24 : hour, n);
        break;
      case 'h':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
        break;
      case 'K':
        out += pad(hour % 12, n);
        break;
      case 'm':
        out += pad(minute, n);
        break;
      case 's':
        out += pad(second, n);
        break;
      case 'S':
        out += pad(wall.getUTCMilliseconds(), Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'E':
        out += n >= 4 ? DAYS[dow] : DAYS[dow]!.slice(0, 3);
        break;
      case 'u':
        out += String(dow === 0 ? 7 : dow);
        break;
      case 'a':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetText(offsetMin, false, false);
        break;
      case 'X':
        out += offsetMin === 0 ? 'Z' : offsetText(offsetMin, n >= 3, n === 1);
        break;
      case 'z': {
        const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
          .formatToParts(new Date(epochMs))
          .find((p) => p.type === 'timeZoneName')?.value;
        out += name ?? offsetText(offsetMin, true, false);
        break;
      }
      default:
        out += ch.repeat(n);
    }
  }
  return out;
}

export class BlobImpl {
  constructor(
    readonly _ctx: ServiceContext,
    public _bytes: Uint8Array,
    public _contentType: string | null,
    public _name: string | null,
  ) {}
  getDataAsString(): string {
    return Buffer.from(this._bytes).toString('utf8');
  }
  /** Java bytes: −128…127. */
  getBytes(): number[] {
    return this._ctx.array(Array.from(this._bytes, (b) => (b > 127 ? b - 256 : b)));
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(contentType: string): this {
    this._contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): this {
    this._name = name;
    return this;
  }
  copyBlob(): unknown {
    return this._ctx.wrap(
      'Blob',
      new BlobImpl(this._ctx, this._bytes.slice(), this._contentType, this._name),
    );
  }
  toString(): string {
    return 'Blob';
  }
}

export class UtilitiesImpl {
  constructor(readonly _ctx: ServiceContext) {}
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDateObject(date)) throw this._ctx.error(MSG.invalidArgument('date'));
    return formatDate(date.getTime(), String(timeZone), String(format));
  }
  getUuid(): string {
    return randomUUID();
  }
  /** Blocks, as Apps Script does (at most 300,000 ms). */
  sleep(milliseconds: number): void {
    sleepSync(Math.min(Number(milliseconds), 300_000));
  }
  newBlob(data: unknown, contentType?: string, name?: string): unknown {
    const bytes =
      typeof data === 'string'
        ? new Uint8Array(Buffer.from(data, 'utf8'))
        : Uint8Array.from(data as number[], (b) => b & 0xff);
    return this._ctx.wrap('Blob', new BlobImpl(this._ctx, bytes, contentType ?? null, name ?? null));
  }
  base64Encode(data: string | number[]): string {
    const bytes =
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff));
    return bytes.toString('base64');
  }
  toString(): string {
    return 'Utilities';
  }
}
