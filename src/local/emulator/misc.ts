/**
 * The smaller emulated services: Session (locale, time zone, users), Utilities (formatDate with
 * SimpleDateFormat letters, getUuid, a blocking sleep, minimal blobs), Logger and console (lines
 * recorded in the emulator), ScriptApp (AuthMode and trigger enums, installable triggers persisted
 * in WorkbookModel.meta.triggers with the 20-per-user limit) and Charts (the ChartType enum).
 */
import { randomUUID } from 'node:crypto';
import { wallClockAt } from '../../core/timezone';
import type { TriggerModel } from '../workbook/model';
import { CHART_TYPES, enumOf } from './builders';
import { isDateObject } from './cells';
import type { ServiceContext } from './context';
import { MSG } from './errors';
import { sleepSync } from './lockfile';

// -----------------------------------------------------------------------------------------------
// Session

export class SessionImpl {
  constructor(readonly _ctx: ServiceContext) {}
  /** A language like `fr`: the only user data available in every mode. */
  getActiveUserLocale(): string {
    return this._ctx.options.userLocale;
  }
  /** Locally the script time zone is the spreadsheet's. */
  getScriptTimeZone(): string {
    return this._ctx.workbook.meta.timeZone;
  }
  /** The email is '' outside FULL mode (custom functions, simple triggers: reference §10). */
  getActiveUser(): unknown {
    return this._user();
  }
  getEffectiveUser(): unknown {
    return this._user();
  }
  getTemporaryActiveUserKey(): string {
    return `local-${Buffer.from(this._ctx.options.userEmail).toString('base64url')}`;
  }
  _user(): unknown {
    const email = this._ctx.authMode === 'FULL' ? this._ctx.options.userEmail : '';
    return this._ctx.wrap('User', { getEmail: () => email, toString: () => email });
  }
  toString(): string {
    return 'Session';
  }
}

// -----------------------------------------------------------------------------------------------
// Utilities

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
  const w = wallClockAt(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  const offsetMin = Math.round((asUtc - epochMs) / 60_000);
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
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'E':
        out += n >= 4 ? DAYS[dow] : DAYS[dow]!.slice(0, 3);
        break;
      case 'u':
        out += String(dow === 0 ? 7 : dow);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
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

class BlobImpl {
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

// -----------------------------------------------------------------------------------------------
// Logger and console

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

// -----------------------------------------------------------------------------------------------
// ScriptApp

/** "Triggers 20 / user / script" (reference §6). */
export const MAX_TRIGGERS = 20;

class TriggerImpl {
  constructor(readonly _model: TriggerModel) {}
  getUniqueId(): string {
    return this._model.uniqueId;
  }
  getHandlerFunction(): string {
    return this._model.handlerFunction;
  }
  getEventType(): string {
    return this._model.eventType;
  }
  getTriggerSource(): string {
    return this._model.triggerSource;
  }
  getTriggerSourceId(): string | null {
    return this._model.triggerSourceId || null;
  }
  toString(): string {
    return 'Trigger';
  }
}

function sourceIdOf(ctx: ServiceContext, source: unknown): string {
  if (typeof source === 'string') return source;
  const impl = ctx.unwrap<{ getId?: () => string }>(source);
  if (impl && typeof impl.getId === 'function') return impl.getId();
  throw ctx.error(MSG.invalidArgument('source'));
}

class TriggerCreator {
  eventType = '';
  constructor(
    readonly _ctx: ServiceContext,
    readonly _handler: string,
    readonly _source: string,
    readonly _sourceId: string,
  ) {}
  _create(): unknown {
    const store = this._ctx.triggers();
    const triggers = store.list();
    if (triggers.length >= MAX_TRIGGERS) throw this._ctx.error(MSG.tooManyTriggers);
    const ids = triggers.map((t) => Number(t.uniqueId)).filter((n) => Number.isFinite(n));
    const model: TriggerModel = {
      uniqueId: String(ids.length ? Math.max(...ids) + 1 : 1_000_000_001),
      handlerFunction: this._handler,
      eventType: this.eventType,
      triggerSource: this._source,
      triggerSourceId: this._sourceId,
      documentId: this._ctx.workbook.meta.spreadsheetId,
    };
    store.save([...triggers, model]);
    return this._ctx.wrap('Trigger', new TriggerImpl(model));
  }
}

class DocumentTriggerBuilderImpl {
  constructor(readonly _creator: TriggerCreator) {}
  onOpen(): this {
    this._creator.eventType = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this._creator.eventType = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this._creator.eventType = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this._creator.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): unknown {
    if (!this._creator.eventType) throw this._creator._ctx.error(MSG.invalidArgument('eventType'));
    return this._creator._create();
  }
}

class ClockTriggerBuilderImpl {
  constructor(readonly _creator: TriggerCreator) {
    _creator.eventType = 'CLOCK';
  }
  /** n ∈ {1, 5, 10, 15, 30} (reference §5.3). */
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw this._creator._ctx.error(MSG.invalidArgument('minutes'));
    return this;
  }
  everyHours(_n: number): this {
    return this;
  }
  everyDays(_n: number): this {
    return this;
  }
  everyWeeks(_n: number): this {
    return this;
  }
  atHour(_hour: number): this {
    return this;
  }
  nearMinute(_minute: number): this {
    return this;
  }
  onWeekDay(_day: unknown): this {
    return this;
  }
  onMonthDay(_day: number): this {
    return this;
  }
  at(_date: unknown): this {
    return this;
  }
  after(_ms: number): this {
    return this;
  }
  atDate(_y: number, _m: number, _d: number): this {
    return this;
  }
  inTimezone(_tz: string): this {
    return this;
  }
  create(): unknown {
    return this._creator._create();
  }
}

class TriggerBuilderImpl {
  constructor(
    readonly _ctx: ServiceContext,
    readonly _handler: string,
  ) {}
  forSpreadsheet(sheet: unknown): unknown {
    const creator = new TriggerCreator(
      this._ctx,
      this._handler,
      'SPREADSHEETS',
      sourceIdOf(this._ctx, sheet),
    );
    return this._ctx.wrap('SpreadsheetTriggerBuilder', new DocumentTriggerBuilderImpl(creator));
  }
  forForm(form: unknown): unknown {
    const creator = new TriggerCreator(this._ctx, this._handler, 'FORMS', sourceIdOf(this._ctx, form));
    return this._ctx.wrap('FormTriggerBuilder', new DocumentTriggerBuilderImpl(creator));
  }
  timeBased(): unknown {
    const creator = new TriggerCreator(this._ctx, this._handler, 'CLOCK', '');
    return this._ctx.wrap('ClockTriggerBuilder', new ClockTriggerBuilderImpl(creator));
  }
  toString(): string {
    return 'TriggerBuilder';
  }
}

export class ScriptAppImpl {
  readonly AuthMode = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
  readonly EventType = enumOf([
    'CLOCK',
    'ON_OPEN',
    'ON_EDIT',
    'ON_FORM_SUBMIT',
    'ON_CHANGE',
    'ON_EVENT_UPDATED',
  ]);
  readonly TriggerSource = enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
  readonly WeekDay = enumOf(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
  constructor(readonly _ctx: ServiceContext) {}
  /**
   * The current user's triggers of this project, in every document (user store, see user-store.ts):
   * https://developers.google.com/apps-script/reference/script/script-app#getprojecttriggers
   */
  getProjectTriggers(): unknown[] {
    return this._ctx.array(
      this._ctx
        .triggers()
        .list()
        .map((t) => this._ctx.wrap('Trigger', new TriggerImpl(t))),
    );
  }
  /** https://developers.google.com/apps-script/reference/script/script-app#getusertriggersspreadsheet */
  getUserTriggers(source: unknown): unknown[] {
    const id = sourceIdOf(this._ctx, source);
    return this._ctx.array(
      this._ctx
        .triggers()
        .list()
        .filter((t) => t.triggerSourceId === id)
        .map((t) => this._ctx.wrap('Trigger', new TriggerImpl(t))),
    );
  }
  newTrigger(functionName: string): unknown {
    return this._ctx.wrap('TriggerBuilder', new TriggerBuilderImpl(this._ctx, String(functionName)));
  }
  deleteTrigger(trigger: unknown): void {
    const impl = this._ctx.unwrap<TriggerImpl>(trigger);
    if (!(impl instanceof TriggerImpl)) throw this._ctx.error(MSG.invalidArgument('trigger'));
    const store = this._ctx.triggers();
    store.save(store.list().filter((t) => t.uniqueId !== impl._model.uniqueId));
  }
  getScriptId(): string {
    return 'local-script';
  }
  toString(): string {
    return 'ScriptApp';
  }
}

export class ChartsImpl {
  readonly ChartType = enumOf(CHART_TYPES);
  toString(): string {
    return 'Charts';
  }
}
