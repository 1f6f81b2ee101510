/**
 * Browser harness for the sidebar page: launches Debian's Chromium through playwright-core and opens
 * the built page with a faithful fake of `google.script.run` whose server side is a pluggable Node
 * function `(name, args) => result`. Tests pass canned data today; the same tests can be pointed at
 * the real bundle running in the local runtime by passing a server that calls it.
 *
 * Fidelity to HtmlService (reference/apps-script-semantics.md §7): runners are immutable builders
 * (each with… returns a new runner); only the listed server functions exist on a runner; calls are
 * asynchronous and return undefined; at most 10 run at once (the 11th waits); arguments are checked
 * (Date, function, non-plain objects or cycles fail the call) and JSON-cloned; results are
 * JSON-cloned and a result holding a Date anywhere reaches the success handler as null; a server
 * throw reaches the failure handler as an Error carrying its message; handlers receive the user
 * object as second argument; without a failure handler the failure is logged to the console.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { ServerApi } from '../../src/core/api';
import { buildSidebarHtml } from '../../src/sidebar/build.mjs';

/** The Node side of google.script.run: answers one call, may be async, throws to fail it. */
export type FakeServer = (name: string, args: unknown[]) => unknown;

export const SERVER_FUNCTIONS: Array<keyof ServerApi> = [
  'getSidebarState',
  'refreshKpis',
  'getRefreshProgress',
  'selectIssueCell',
  'setupTrackingTabs',
  'previewImport',
  'applyImport',
  'listSurveyTargets',
  'createHotSurvey',
  'createColdSurvey',
  'surveyLinks',
  'sendSurveyInvitations',
  'showMembersEdition',
  'showFundersEdition',
  'mailMembersEdition',
  'networkSnapshot',
  'createMembershipForm',
  'automationStatus',
  'takeOverAutomation',
  'setAutomation',
  'getKpiReview',
  'saveKpiReview',
  'exportMemberDataOf',
  'showMemberExport',
  'eraseMember',
  'showMemberStatement',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * One Chromium for a test file: launched before its tests, closed after them. Use
 * `chromium.browser` inside the tests.
 */
export function chromiumPerFile(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('Chromium is not launched yet: use chromium.browser inside a test');
      return browser;
    },
  };
}

/**
 * The sidebar page built from source, against fake servers, with one Chromium for the test file:
 * `open(server)` opens a page; after each test every page opened has loaded nothing from the
 * network (with `strict`, also no page error and no dialog), and is closed.
 */
export function fakeSidebarSuite(options: { strict?: boolean } = {}): {
  readonly html: string;
  open(server: FakeServer): Promise<SidebarPage>;
} {
  let browser: Browser | undefined;
  let html = '';
  const opened: SidebarPage[] = [];
  beforeAll(async () => {
    [html, browser] = await Promise.all([buildSidebarHtml(), launchChromium()]);
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) {
      expect(page.requests, 'the page loads nothing from the network').toEqual([]);
      if (options.strict) {
        expect(page.errors).toEqual([]);
        expect(page.dialogs).toEqual([]);
      }
      await page.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get html() {
      return html;
    },
    async open(server) {
      if (!browser) throw new Error('Chromium is not launched yet: open a sidebar inside a test');
      const page = await openSidebar(browser, html, server);
      opened.push(page);
      return page;
    },
  };
}

export interface ServerCall {
  name: string;
  args: unknown[];
}

export interface SidebarPage {
  page: Page;
  /** Every call that reached the server, in order. */
  calls: ServerCall[];
  /** Messages of alert/confirm/prompt dialogs (dismissed at once). */
  dialogs: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** Requests the page tried to make (it should make none). */
  requests: string[];
  callsOf(name: string): ServerCall[];
  close(): Promise<void>;
}

export interface OpenSidebarOptions {
  /** Server functions the runner exposes; defaults to the contract's endpoints. */
  functions?: string[];
  width?: number;
  height?: number;
}

const BRIDGE = '__clubPulseFakeServer';

/** True if a Date sits anywhere in a value (Apps Script then hands the client null). */
function holdsDate(value: unknown, seen = new Set<unknown>()): boolean {
  // toString, not instanceof: results of the real bundle come from the vm realm's Date.
  if (Object.prototype.toString.call(value) === '[object Date]') return true;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value as Record<string, unknown>).some((v) => holdsDate(v, seen));
}

/** Runs in the page before its scripts: installs the fake `google.script.run`. */
function installFakeScriptRun(config: { functions: string[]; bridge: string }): void {
  type Handler = (value: unknown, userObject: unknown) => void;
  const MAX_CONCURRENT = 10;
  let active = 0;
  const waiting: Array<() => void> = [];
  const w = window as unknown as Record<string, (name: string, argsJson: string) => Promise<string>>;

  function illegalPath(value: unknown, path: string, seen: unknown[]): string | null {
    if (value === null || value === undefined) return null;
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return null;
    if (type !== 'object' || value instanceof Date || seen.includes(value)) return path;
    const proto = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return path;
    const next = seen.concat([value]);
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const found = illegalPath(inner, path ? `${path}.${key}` : key, next);
      if (found !== null) return found;
    }
    return null;
  }

  function release(): void {
    active--;
    const next = waiting.shift();
    if (next) next();
  }

  function send(
    name: string,
    args: unknown[],
    success?: Handler,
    failure?: Handler,
    userObject?: unknown,
  ): void {
    const fail = (message: string) => {
      const error = new Error(message);
      if (failure) failure(error, userObject);
      else console.error(error);
    };
    const start = () => {
      active++;
      w[config.bridge](name, JSON.stringify(args))
        .then((envelope) => {
          const answer = JSON.parse(envelope) as { ok: boolean; value?: unknown; message?: string };
          release();
          // Handlers run on their own task: an exception in one is an uncaught page error, as live.
          setTimeout(() => {
            if (answer.ok) success?.(answer.value, userObject);
            else fail(answer.message ?? '');
          }, 0);
        })
        .catch((bridgeError: unknown) => {
          release();
          setTimeout(() => fail(String(bridgeError)), 0);
        });
    };
    const illegal = args.map((arg, i) => illegalPath(arg, String(i), [])).find((p) => p !== null);
    if (illegal !== undefined && illegal !== null) {
      setTimeout(() => fail(`Failed due to illegal value in property: ${illegal}`), 0);
      return;
    }
    if (active < MAX_CONCURRENT) start();
    else waiting.push(start);
  }

  function runner(success?: Handler, failure?: Handler, userObject?: unknown): Record<string, unknown> {
    const built: Record<string, unknown> = {
      withSuccessHandler: (handler: Handler) => runner(handler, failure, userObject),
      withFailureHandler: (handler: Handler) => runner(success, handler, userObject),
      withUserObject: (object: unknown) => runner(success, failure, object),
    };
    for (const name of config.functions) {
      built[name] = (...args: unknown[]) => {
        send(name, args, success, failure, userObject);
      };
    }
    return Object.freeze(built);
  }

  const host = { close: () => undefined, setHeight: () => undefined, setWidth: () => undefined, editor: {} };
  (window as unknown as { google: unknown }).google = Object.freeze({
    script: Object.freeze({ run: runner(), host: Object.freeze(host) }),
  });
}

/** Opens `html` (the built sidebar) in a 300 px wide page whose google.script.run calls `server`. */
export async function openSidebar(
  browser: Browser,
  html: string,
  server: FakeServer,
  options: OpenSidebarOptions = {},
): Promise<SidebarPage> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 300, height: options.height ?? 900 },
  });
  const calls: ServerCall[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));

  await page.exposeFunction(BRIDGE, async (name: string, argsJson: string): Promise<string> => {
    const args = JSON.parse(argsJson) as unknown[];
    calls.push({ name, args });
    try {
      const result = await server(name, args);
      const value = holdsDate(result)
        ? null
        : result === undefined
          ? null
          : JSON.parse(JSON.stringify(result));
      return JSON.stringify({ ok: true, value });
    } catch (error) {
      return JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
  const config = { functions: options.functions ?? SERVER_FUNCTIONS, bridge: BRIDGE };
  // As source text: `__name` is the helper a TypeScript transform may insert into serialised functions.
  await page.addInitScript({
    content: `(() => { const __name = (f) => f; (${installFakeScriptRun.toString()})(${JSON.stringify(config)}); })();`,
  });
  // Init scripts run on new documents: navigate once so that the fake exists before the page's code.
  await page.goto('about:blank');
  await page.setContent(html, { waitUntil: 'load' });
  return {
    page,
    calls,
    dialogs,
    errors,
    requests,
    callsOf: (name) => calls.filter((c) => c.name === name),
    close: () => page.close(),
  };
}
