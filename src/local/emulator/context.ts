/**
 * The state shared by every emulated service of one emulator (realm, counter, auth mode, workbook,
 * UI record, active sheet/range), and the Proxy that turns a plain implementation object into an
 * Apps Script service object: each method call is counted as `Class.method`, checked against the
 * authorization mode, and any method the implementation lacks throws `Not emulated: Class.method`.
 * Implementation members whose names start with `_` are internal and invisible to the add-on.
 */
import type { WorkbookModel } from '../workbook/model';
import { isUnconfirmed, MSG } from './errors';
import { otherWording, type PlatformChoices } from './platform';
import type { AuthMode, Realm, ServiceCounter, UiRecord } from './types';
import { type TriggerStore, triggerStore } from './user-store';

export function createCounter(): ServiceCounter {
  const counter: ServiceCounter = {
    calls: 0,
    byMethod: new Map(),
    cellsRead: 0,
    cellsWritten: 0,
    reset() {
      counter.calls = 0;
      counter.byMethod.clear();
      counter.cellsRead = 0;
      counter.cellsWritten = 0;
    },
  };
  return counter;
}

/** Families of classes, for the authorization table (reference §5.2). */
type Family =
  | 'sheets'
  | 'ui'
  | 'menu'
  | 'html'
  | 'properties'
  | 'cache'
  | 'lock'
  | 'session'
  | 'utilities'
  | 'logger'
  | 'script'
  | 'charts'
  | 'forms'
  | 'mail';

const FAMILY: Record<string, Family> = {
  SpreadsheetApp: 'sheets',
  Spreadsheet: 'sheets',
  Sheet: 'sheets',
  Range: 'sheets',
  NamedRange: 'sheets',
  Protection: 'sheets',
  DataValidationBuilder: 'sheets',
  DataValidation: 'sheets',
  EmbeddedChartBuilder: 'sheets',
  EmbeddedChart: 'sheets',
  ContainerInfo: 'sheets',
  ChartOptions: 'sheets',
  Ui: 'ui',
  PromptResponse: 'ui',
  Menu: 'menu',
  HtmlService: 'html',
  HtmlOutput: 'html',
  PropertiesService: 'properties',
  Properties: 'properties',
  CacheService: 'cache',
  Cache: 'cache',
  LockService: 'lock',
  Lock: 'lock',
  Session: 'session',
  User: 'session',
  Utilities: 'utilities',
  Blob: 'utilities',
  Logger: 'logger',
  ScriptApp: 'script',
  Trigger: 'script',
  TriggerBuilder: 'script',
  SpreadsheetTriggerBuilder: 'script',
  FormTriggerBuilder: 'script',
  ClockTriggerBuilder: 'script',
  Charts: 'charts',
  DataTableBuilder: 'charts',
  DataTable: 'charts',
  ColumnChartBuilder: 'charts',
  BarChartBuilder: 'charts',
  LineChartBuilder: 'charts',
  AreaChartBuilder: 'charts',
  Chart: 'charts',
  FormApp: 'forms',
  Form: 'forms',
  Item: 'forms',
  ScaleItem: 'forms',
  TextItem: 'forms',
  ParagraphTextItem: 'forms',
  MultipleChoiceItem: 'forms',
  CheckboxItem: 'forms',
  Choice: 'forms',
  FormResponse: 'forms',
  ItemResponse: 'forms',
  MailApp: 'mail',
};

/** Methods that change the document; denied in CUSTOM_FUNCTION mode ("Spreadsheet read-only", §3). */
const WRITE_METHOD =
  /^(set|insert|delete|clear|protect|merge|break|hide|show|remove|update|activate|toast|sort|copy|move|append|auto|rename|add|check|uncheck|trim|duplicate)/;
const DOCUMENT_CLASSES = new Set(['Spreadsheet', 'Sheet', 'Range', 'NamedRange', 'Protection']);

/** Property names looked up by promise/JSON/test machinery that must stay undefined on service objects. */
const UNDEFINED_PROBES = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  '@@__IMMUTABLE_ITERABLE__@@',
]);
const OBJECT_METHODS = new Set([
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'constructor',
]);

export interface ActiveRange {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ContextOptions {
  workbook: WorkbookModel;
  realm: Realm;
  authMode: AuthMode;
  userLocale: string;
  userEmail: string;
  htmlFiles: Record<string, string>;
  lockFile: string | undefined;
  userStore: string | undefined;
  platform: PlatformChoices;
  now: () => number;
  log: ((line: string) => void) | undefined;
}

export class ServiceContext {
  readonly workbook: WorkbookModel;
  readonly realm: Realm;
  authMode: AuthMode;
  readonly counter: ServiceCounter = createCounter();
  readonly ui: UiRecord = { menus: [], sidebars: [], dialogs: [], toasts: [], alerts: [] };
  readonly logs: string[] = [];
  readonly options: ContextOptions;
  activeSheetId: number | null = null;
  /** The current execution is a time-driven trigger run (platform.ts `timeDrivenSeesActiveSpreadsheet`). */
  timeDriven = false;
  /** The e-mail of the creator of the installable trigger this execution runs under, if any. */
  runAs: string | undefined = undefined;
  activeRange: ActiveRange | null = null;
  /** Run at the end of each execution (bundle call): releases locks. */
  readonly endOfExecution: Array<() => void> = [];
  /** Changes Apps Script may apply only at SpreadsheetApp.flush() or the end of the execution (platform.ts). */
  readonly pending: Array<() => void> = [];
  private readonly targets = new WeakMap<object, object>();
  private makeRealmFunction:
    | ((f: (self: unknown, args: unknown[]) => unknown) => (...args: unknown[]) => unknown)
    | undefined;

  constructor(options: ContextOptions) {
    this.options = options;
    this.workbook = options.workbook;
    this.realm = options.realm;
    this.authMode = options.authMode;
  }

  /** The current user's installable triggers (user-store.ts). */
  triggers(): TriggerStore {
    return triggerStore(this.workbook, this.options.userStore, this.options.userEmail);
  }

  /** Applies the pending changes (SpreadsheetApp.flush(), end of an execution). */
  applyPending(): void {
    for (const f of this.pending.splice(0)) f();
  }

  /** An Apps Script exception made with the realm's Error: `name === 'Exception'`. */
  error(message: string): Error {
    const text =
      !this.options.platform.unconfirmedErrorTextsAsGuessed && isUnconfirmed(message)
        ? otherWording(message)
        : message;
    const e = new this.realm.Error(text);
    e.name = 'Exception';
    return e;
  }

  log(line: string): void {
    this.logs.push(line);
    this.options.log?.(line);
  }

  /** A realm array holding `items`. */
  array<T>(items: readonly T[]): T[] {
    const out = new this.realm.Array<T>();
    for (const item of items) out.push(item);
    return out;
  }

  /** A realm object with the own enumerable properties of `plain`. */
  object<T extends object>(plain: T): T {
    return this.realm.Object.assign(new this.realm.Object(), plain) as T;
  }

  /** Denies `Class.method` when the authorization mode forbids it (reference §5.2 table, §3). */
  checkAuth(className: string, method: string): void {
    const mode = this.authMode;
    if (mode === 'FULL') return;
    const family = FAMILY[className];
    let allowed = true;
    switch (family) {
      case 'sheets':
        if (mode === 'NONE')
          allowed = className === 'SpreadsheetApp' && (method === 'getUi' || method === 'flush');
        else if (mode === 'CUSTOM_FUNCTION') {
          if (className === 'SpreadsheetApp') allowed = method !== 'getUi';
          else if (DOCUMENT_CLASSES.has(className)) allowed = !WRITE_METHOD.test(method);
        }
        break;
      case 'ui':
        // NONE / LIMITED: "add menu items" only; add-ons can't open sidebars or dialogs in LIMITED.
        allowed = method === 'createMenu' || method === 'createAddonMenu';
        break;
      case 'properties':
      case 'cache':
      case 'lock':
        allowed = mode !== 'NONE';
        break;
      case 'script':
      case 'forms':
      case 'mail':
        // Triggers, forms and mail need authorization: FULL only.
        allowed = false;
        break;
      default:
        allowed = true;
    }
    if (!allowed) throw this.error(MSG.noPermission(`${className}.${method}`));
  }

  /**
   * A function of the realm (the add-on's own `Function`) that runs the host function `impl`: what
   * the add-on holds never leads to the host's `Function` (`fn.constructor("return process")()`
   * would otherwise reach Node from the sandbox). Host errors are rethrown as realm errors.
   */
  realmFunction(impl: (self: unknown, args: unknown[]) => unknown): (...args: unknown[]) => unknown {
    this.makeRealmFunction ??= new (this.realm.Object.constructor as FunctionConstructor)(
      'impl',
      '"use strict"; return function () { return impl(this, Array.prototype.slice.call(arguments)); };',
    ) as (f: (self: unknown, args: unknown[]) => unknown) => (...args: unknown[]) => unknown;
    const make = this.makeRealmFunction;
    const ctx = this;
    return make(function hostSide(self: unknown, args: unknown[]): unknown {
      try {
        return ctx.toSandbox(impl(self, args));
      } catch (error) {
        throw ctx.toSandboxError(error);
      }
    });
  }

  /** An error the add-on may catch: a realm Error (host errors are copied, message and name kept). */
  toSandboxError(error: unknown): unknown {
    if (error instanceof this.realm.Error) return error;
    const e = new this.realm.Error(error instanceof Error ? error.message : String(error));
    if (error instanceof Error) e.name = error.name;
    return e;
  }

  /**
   * What the add-on may hold: primitives, realm values and service objects pass; host arrays,
   * plain objects and dates are copied into the realm; any other host object is wrapped as a
   * service object. With Node's own realm (unit tests of the emulator) everything passes.
   */
  toSandbox(value: unknown): unknown {
    if (typeof value === 'function') return this.targets.has(value) ? value : undefined;
    if (typeof value !== 'object' || value === null) return value;
    const RealmObject = this.realm.Object as unknown as new () => object;
    if (this.targets.has(value) || value instanceof RealmObject) return value;
    if (value instanceof Date) return new this.realm.Date(value.getTime());
    if (Array.isArray(value)) return this.array(value.map((v: unknown) => this.toSandbox(v)));
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const out = new this.realm.Object() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) out[k] = this.toSandbox(v);
      return this.realm.Object.isFrozen(value) ? this.realm.Object.freeze(out) : out;
    }
    return this.wrap('Object', value);
  }

  /**
   * The service object the add-on sees for `target`: a Proxy counting each method call, checking
   * authorization, and throwing `Not emulated: Class.method` for anything the target lacks. Its
   * methods, prototype and `constructor` are the realm's, never the host's.
   */
  wrap<T>(className: string, target: object): T {
    const wrappers = new Map<string, unknown>();
    const ctx = this;
    const proxy: object = new Proxy(target, {
      get(t, prop) {
        if (typeof prop === 'symbol') return ctx.toSandbox(Reflect.get(t, prop));
        if (UNDEFINED_PROBES.has(prop)) return undefined;
        const cached = wrappers.get(prop);
        if (cached !== undefined) return cached;
        if (prop === 'constructor') return ctx.realm.Object;
        if (prop === '__proto__') return ctx.realm.Object.prototype;
        const value = prop.startsWith('_') ? undefined : (t as Record<string, unknown>)[prop];
        let result: unknown;
        if (typeof value === 'function' && OBJECT_METHODS.has(prop)) {
          const fn = value as (...args: unknown[]) => unknown;
          result = ctx.realmFunction((_self, args) => fn.apply(t, args));
        } else if (typeof value === 'function') {
          const fn = value as (...args: unknown[]) => unknown;
          const key = `${className}.${prop}`;
          result = ctx.realmFunction((_self, args) => {
            ctx.counter.calls++;
            ctx.counter.byMethod.set(key, (ctx.counter.byMethod.get(key) ?? 0) + 1);
            ctx.checkAuth(className, prop);
            const r = fn.apply(t, args);
            return r === t ? proxy : r;
          });
        } else if (value !== undefined) {
          result = ctx.toSandbox(value);
          if (typeof result !== 'object' || result === null) return result;
        } else {
          result = ctx.realmFunction(() => {
            throw ctx.error(MSG.notEmulated(`${className}.${prop}`));
          });
        }
        wrappers.set(prop, result);
        return result;
      },
      getPrototypeOf() {
        return ctx.realm.Object.prototype;
      },
      getOwnPropertyDescriptor(t, prop) {
        if (typeof prop === 'string' && prop.startsWith('_')) return undefined;
        const d = Reflect.getOwnPropertyDescriptor(t, prop);
        // Reported as configurable so that the proxy may hand out realm copies of the value.
        return d && { configurable: true, enumerable: d.enumerable, writable: false, value: proxyGet(prop) };
      },
      has(t, prop) {
        return typeof prop === 'string' && !prop.startsWith('_') && prop in t;
      },
      ownKeys(t) {
        return Reflect.ownKeys(t).filter((k) => typeof k !== 'string' || !k.startsWith('_'));
      },
    });
    const proxyGet = (prop: string | symbol): unknown => (proxy as Record<string | symbol, unknown>)[prop];
    this.targets.set(proxy, target);
    return proxy as T;
  }

  /** The implementation behind a service object this context made, or undefined. */
  unwrap<T>(value: unknown): T | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    return this.targets.get(value) as T | undefined;
  }
}
