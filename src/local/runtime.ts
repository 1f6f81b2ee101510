/**
 * The local Apps Script runtime: loads the built add-on bundle (dist/Code.js) into a node:vm
 * context that holds the emulated Apps Script globals and nothing of Node's (no Buffer, process,
 * require, setTimeout, URL, TextEncoder…; the JS built-ins incl. Intl are there), and calls its
 * top-level functions as Apps Script would. The emulator makes every value with the context's own
 * built-ins, so `instanceof Date` and `Array.isArray` hold inside the bundle; arguments are deep
 * copied into the context; locks are released when a call returns or throws.
 */

import vm from 'node:vm';
import type { BundleApi } from '../core/api';
import { CustomFunctionMeter } from './emulator/cost';
import { createEmulator, type Emulator, type EmulatorOptions, type Realm } from './emulator/index';
import { platformFromEnv } from './emulator/platform';

export interface LoadedBundle {
  /** Calls a top-level function of the bundle; args are deep-copied into the vm realm (JSON-like values and Dates), the result is returned as is. */
  call(name: string, ...args: unknown[]): unknown;
  /** The same calls, typed by the server contract (src/core/api.ts): `bundle.api.refreshKpis({…})`. */
  api: BundleApi;
  context: vm.Context;
  emulator: Emulator;
  /** What each call made in CUSTOM_FUNCTION mode costs in the latency model (bench/LATENCY.md). */
  customFunctions: CustomFunctionMeter;
  /** Names of the functions the bundle declared at top level. */
  topLevelFunctions(): string[];
  /** Whether V8 took the code cache given (null: none given; code-cache.ts). */
  codeCacheAccepted: boolean | null;
  /** V8's code cache of the bundle, with every function compiled so far (code-cache.ts). */
  makeCodeCache(): Buffer;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Copies arrays, plain objects and Dates into `realm`; other objects (service objects) pass through. */
function toRealm(v: unknown, realm: Realm, seen = new Map<object, unknown>()): unknown {
  if (typeof v !== 'object' || v === null) return v;
  // Values of the realm already (service objects included: their prototype is the realm's).
  if (v instanceof (realm.Object as unknown as new () => object)) return v;
  const done = seen.get(v);
  if (done !== undefined) return done;
  if (Object.prototype.toString.call(v) === '[object Date]') return new realm.Date((v as Date).getTime());
  if (Array.isArray(v)) {
    const out = new realm.Array<unknown>();
    seen.set(v, out);
    for (const x of v) out.push(toRealm(x, realm, seen));
    return out;
  }
  if (!isPlainObject(v)) return v;
  const out = new realm.Object() as Record<string, unknown>;
  seen.set(v, out);
  for (const [k, x] of Object.entries(v)) out[k] = toRealm(x, realm, seen);
  return out;
}

/**
 * One execution's time limit: 6 minutes a script execution
 * (https://developers.google.com/apps-script/guides/services/quotas#current_limitations), past which
 * Apps Script stops it with "Exceeded maximum execution time".
 */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const EXCEEDED_TIME = 'Exceeded maximum execution time';

/** Replaces Intl.DateTimeFormat by one that throws, as an ICU without zone data does, for any zone but UTC. */
const UTC_ONLY_INTL = `(function () {
  var Original = Intl.DateTimeFormat;
  var utc = /^(utc|etc\\/utc|gmt|etc\\/gmt)$/i;
  function DateTimeFormat(locales, options) {
    if (options && options.timeZone !== undefined && !utc.test(String(options.timeZone)))
      throw new RangeError('Invalid time zone specified: ' + options.timeZone);
    return new Original(locales, options);
  }
  DateTimeFormat.prototype = Original.prototype;
  DateTimeFormat.supportedLocalesOf = Original.supportedLocalesOf;
  Intl.DateTimeFormat = DateTimeFormat;
})();`;

export interface BundleOptions extends Omit<EmulatorOptions, 'realm'> {
  /** Default EXECUTION_LIMIT_MS; the dev server and tests may set less. */
  executionLimitMs?: number;
  /**
   * V8's code cache of this very code (code-cache.ts): the bundle's functions come compiled instead
   * of being parsed and compiled on first call. V8 checks the cache against its version and flags
   * (not against the text: the caller must give the cache of the same code) and ignores one it
   * cannot take.
   */
  codeCache?: Uint8Array;
}

export function loadBundle(code: string, options: BundleOptions): LoadedBundle {
  // A fresh context: only the ECMAScript built-ins (plus Intl, WebAssembly), no Node globals.
  const context = vm.createContext(
    {},
    { name: 'Apps Script', codeGeneration: { strings: true, wasm: false } },
  );
  const realm = vm.runInContext(
    '({ Date: Date, Array: Array, Object: Object, Error: Error })',
    context,
  ) as Realm;
  const emulator = createEmulator({ ...options, realm });
  // platform.ts `intlTimeZones: false`: the realm's Intl knows only UTC.
  if (!{ ...platformFromEnv(), ...options.platform }.intlTimeZones) vm.runInContext(UTC_ONLY_INTL, context);
  for (const [name, value] of Object.entries(emulator.globals)) {
    const v = name === 'console' ? toRealm(value, realm) : value;
    vm.runInContext(`(function (v) { globalThis[${JSON.stringify(name)}] = v; })`, context)(v);
  }
  // The emulator's clock is the bundle's too: Date.now is replaced, Date itself stays the realm's.
  // A realm function calling the host clock, so `Date.now.constructor` is the realm's Function.
  if (options.now)
    vm.runInContext('(function (f) { Date.now = function now() { return f(); }; })', context)(options.now);
  // Each execution is entered through a script run, so that vm's timeout covers all of it (the
  // bundle's code and the emulator's host functions it calls): an endless loop ends, as in Apps
  // Script, with "Exceeded maximum execution time" instead of hanging the process.
  const enter = vm.runInContext(
    '(function (slot) { return function () { return slot.fn.apply(undefined, slot.args); }; })',
    context,
  );
  const slot = vm.runInContext('({ fn: null, args: null })', context) as { fn: unknown; args: unknown[] };
  vm.runInContext('(function (f) { globalThis.__clubPulseEnter = f; })', context)(enter(slot));
  const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
  const names = (): string[] =>
    vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[];
  const before = new Set(names());
  const loadStarted = performance.now();
  const script = new vm.Script(code, { filename: 'Code.js', cachedData: options.codeCache });
  script.runInContext(context);
  // With a code cache the evaluation is shorter than Apps Script's cold load: the meter's figures
  // (bench/LATENCY.md) come from bundles loaded without one.
  const meter = new CustomFunctionMeter(emulator.counter, realm, performance.now() - loadStarted);
  const limit = options.executionLimitMs ?? EXECUTION_LIMIT_MS;
  const bundle: LoadedBundle = {
    context,
    emulator,
    customFunctions: meter,
    call(name: string, ...args: unknown[]): unknown {
      const fn = global[name];
      if (typeof fn !== 'function') throw new Error(`The bundle has no top-level function ${name}`);
      slot.fn = fn;
      slot.args = toRealm(args, realm) as unknown[];
      try {
        const run = () => vm.runInContext('__clubPulseEnter()', context, { timeout: limit });
        return emulator.authMode() === 'CUSTOM_FUNCTION' ? meter.run(name, run) : run();
      } catch (error) {
        if ((error as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
          throw new Error(EXCEEDED_TIME);
        throw error;
      } finally {
        slot.fn = null;
        slot.args = [];
        emulator.endExecution();
      }
    },
    api: new Proxy({} as BundleApi, {
      get:
        (_, name) =>
        (...args: unknown[]) =>
          bundle.call(String(name), ...args),
    }),
    topLevelFunctions(): string[] {
      return names().filter((n) => !before.has(n) && typeof global[n] === 'function');
    },
    codeCacheAccepted: options.codeCache ? !script.cachedDataRejected : null,
    makeCodeCache: () => script.createCachedData(),
  };
  // Installed triggers run the project's top-level functions, each as its own execution.
  emulator.setTriggerRunner((name, event) => bundle.call(name, event));
  return bundle;
}
