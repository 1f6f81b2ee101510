/**
 * The emulated Logger and console: lines recorded in the emulator's log.
 * https://developers.google.com/apps-script/reference/base/logger
 */

import { isDateObject } from './cells';
import type { ServiceContext } from './context';

function formatLog(args: unknown[]): string {
  const [first, ...rest] = args;
  const text = typeof first === 'string' ? first : stringify(first);
  if (rest.length === 0 || typeof first !== 'string') return [text, ...rest.map(stringify)].join(' ');
  let k = 0;
  return text.replace(/%[sdf]/g, (m) => (k < rest.length ? stringify(rest[k++]) : m));
}

function stringify(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isDateObject(v)) return v.toString();
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

export class LoggerImpl {
  readonly _lines: string[] = [];
  constructor(readonly _ctx: ServiceContext) {}
  log(...args: unknown[]): this {
    const line = formatLog(args);
    this._lines.push(line);
    this._ctx.log(line);
    return this;
  }
  getLog(): string {
    return this._lines.join('\n');
  }
  clear(): void {
    this._lines.length = 0;
  }
  toString(): string {
    return 'Logger';
  }
}

/** The console of Apps Script's V8 runtime: lines go to the emulator's log (not counted as service calls). */
export function makeConsole(ctx: ServiceContext): Record<string, (...args: unknown[]) => void> {
  // Realm functions: the add-on's console leads nowhere outside its sandbox.
  const at = (level: string) =>
    ctx.realmFunction((_self, args) => {
      ctx.log(level ? `${level}: ${formatLog(args)}` : formatLog(args));
    }) as (...args: unknown[]) => void;
  return { log: at(''), info: at(''), debug: at(''), warn: at('WARN'), error: at('ERROR') };
}
