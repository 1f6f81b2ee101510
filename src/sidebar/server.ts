/**
 * The sidebar's one door to the server: a typed promise wrapper over `google.script.run`. Names,
 * arguments and results are typed from the contract in `src/core/api.ts` (JSON-only values; no Date
 * crosses the bridge). A failure rejects with an Error whose message is the server's sentence.
 */
import type { ServerApi } from '../core/api';

export type EndpointName = keyof ServerApi;
export type ArgsOf<K extends EndpointName> = Parameters<ServerApi[K]>;
export type ResultOf<K extends EndpointName> = ReturnType<ServerApi[K]>;

/** The client-side `google.script.run` surface we use: an immutable builder. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

function scriptRunner(): ScriptRunner | null {
  const g = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  return g?.script?.run ?? null;
}

/** Turns whatever a failure handler received into an Error carrying a readable message. */
export function toError(failure: unknown): Error {
  if (failure instanceof Error) return failure;
  if (typeof failure === 'string') return new Error(failure);
  if (
    failure &&
    typeof failure === 'object' &&
    typeof (failure as { message?: unknown }).message === 'string'
  ) {
    return new Error((failure as { message: string }).message);
  }
  return new Error(String(failure));
}

/** Calls one server endpoint; resolves with its result (null if the bridge dropped it), rejects on failure. */
export function call<K extends EndpointName>(name: K, ...args: ArgsOf<K>): Promise<ResultOf<K>> {
  return new Promise<ResultOf<K>>((resolve, reject) => {
    const run = scriptRunner();
    if (!run) {
      reject(new Error('google.script.run is not available: open this page from the spreadsheet.'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ResultOf<K>))
      .withFailureHandler((failure) => reject(toError(failure)));
    const endpoint = (runner as unknown as Record<string, unknown>)[name];
    if (typeof endpoint !== 'function') {
      reject(new Error(`Unknown server function: ${name}`));
      return;
    }
    (endpoint as (...a: unknown[]) => void).apply(runner, args);
  });
}

/** Every endpoint of the contract as a promise-returning method. */
export type ServerClient = { [K in EndpointName]: (...args: ArgsOf<K>) => Promise<ResultOf<K>> };

/** `server.refreshKpis(request)` → a promise of the server's answer; one wrapper for every endpoint. */
export const server = new Proxy({} as ServerClient, {
  get: (_target, name) =>
    typeof name === 'string'
      ? (...args: unknown[]) => (call as (n: string, ...a: unknown[]) => Promise<unknown>)(name, ...args)
      : undefined,
});
