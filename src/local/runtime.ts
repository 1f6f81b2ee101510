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
import { createEmulator, type Emulator, type EmulatorOptions, type Realm } from './emulator/index';

export interface LoadedBundle {
  /** Calls a top-level function of the bundle; args are deep-copied into the vm realm (JSON-like values and Dates), the result is returned as is. */
  call(name: string, ...args: unknown[]): unknown;
  /** The same calls, typed by the server contract (src/core/api.ts): `bundle.api.refreshKpis({…})`. */
  api: BundleApi;
  context: vm.Context;
  emulator: Emulator;
  /** Names of the functions the bundle declared at top level. */
  topLevelFunctions(): string[];
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Copies arrays, plain objects and Dates into `realm`; other objects (service objects) pass through. */
function toRealm(v: unknown, realm: Realm, seen = new Map<object, unknown>()): unknown {
  if (typeof v !== 'object' || v === null) return v;
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

export function loadBundle(code: string, options: Omit<EmulatorOptions, 'realm'>): LoadedBundle {
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
  for (const [name, value] of Object.entries(emulator.globals)) {
    const v = name === 'console' ? toRealm(value, realm) : value;
    vm.runInContext(`(function (v) { globalThis[${JSON.stringify(name)}] = v; })`, context)(v);
  }
  // The emulator's clock is the bundle's too: Date.now is replaced, Date itself stays the realm's.
  if (options.now) vm.runInContext('(function (f) { Date.now = f; })', context)(options.now);
  const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
  const names = (): string[] =>
    vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[];
  const before = new Set(names());
  vm.runInContext(code, context, { filename: 'Code.js' });
  const bundle: LoadedBundle = {
    context,
    emulator,
    call(name: string, ...args: unknown[]): unknown {
      const fn = global[name];
      if (typeof fn !== 'function') throw new Error(`The bundle has no top-level function ${name}`);
      const copied = args.map((a) => toRealm(a, realm));
      try {
        return (fn as (...a: unknown[]) => unknown).apply(undefined, copied);
      } finally {
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
  };
  // Installed triggers run the project's top-level functions, each as its own execution.
  emulator.setTriggerRunner((name, event) => bundle.call(name, event));
  return bundle;
}
