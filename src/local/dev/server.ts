/**
 * `club-pulse dev`: the add-on on localhost. Serves, at http://127.0.0.1:PORT/, the sidebar
 * (dist/Sidebar.html, 300 px wide) next to a view of the workbook's tabs, with google.script.run
 * bridged to the built bundle running in the local runtime over the workbook. Every call that can
 * change the workbook is followed by a save to the file, under the workbook's lock file.
 *
 * The server is single-threaded: while a refresh runs, progress polls wait for it, so the sidebar
 * shows the outcome but not the intermediate steps (in Sheets it shows them).
 *
 * It is a security boundary (SECURITY.md): guard.ts decides which requests it answers (own Host and
 * Origin, the session token, JSON under a size limit, sidebar endpoints only); every call is
 * bounded by the runtime's execution limit; the workbook is re-read when another command changed
 * the file, and never saved over a file newer than the one the call started from.
 */

import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml, sheetToHtml } from '../html-export';
import { EXCEEDED_TIME } from '../runtime';
import { builtAddon, distDir, openWorkbook, type WorkbookSession, withWorkbookLock } from '../session';
import { META_SHEET_NAME } from '../workbook/model';
import {
  checkHost,
  checkJson,
  checkOrigin,
  checkToken,
  newToken,
  parseCall,
  type Refusal,
  readLimitedBody,
  TOKEN_HEADER,
  tooLarge,
} from './guard';

/** Calls that only read: no save after them. */
const READ_ONLY = new Set([
  'getSidebarState',
  'getRefreshProgress',
  'selectIssueCell',
  'surveyLinks',
  'listSurveyTargets',
]);

export interface DevServer {
  server: Server;
  url: string;
  /** The session of the workbook as last loaded (it is replaced when the file changes on disk). */
  readonly session: WorkbookSession;
  /** The token the server's own pages carry. */
  token: string;
  close(): Promise<void>;
}

export interface DevServerOptions {
  /** `--today`: the day the add-on sees. */
  today?: string;
  /** Each call's time limit (default: the runtime's, Apps Script's 6 minutes). */
  executionLimitMs?: number;
}

/** The names the sidebar may call, as the build listed them (dist/local/endpoints.json). */
function sidebarEndpoints(): Set<string> {
  return new Set(JSON.parse(readFileSync(join(distDir(), 'local/endpoints.json'), 'utf8')) as string[]);
}

/** What identifies the file on disk as the one loaded: a change by another program changes it. */
function stampOf(path: string): string {
  const s = statSync(path);
  return `${s.mtimeMs}:${s.size}:${s.ino}`;
}

const CHANGED_MEANWHILE = {
  fr: 'Le classeur a été modifié par un autre programme pendant cette action : rien n’a été enregistré. Le classeur a été rechargé ; recommencez.',
  en: 'The workbook was changed by another program during this action: nothing was saved. The workbook has been reloaded; please try again.',
};

function scriptRunShim(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // From sources (src/local/dev) or from the built CLI (dist/local).
  for (const candidate of [join(here, 'script-run.js'), join(here, '../../src/local/dev/script-run.js')]) {
    try {
      return readFileSync(candidate, 'utf8');
    } catch {
      // try the next place: from sources or from dist/local
    }
  }
  throw new Error('script-run.js not found');
}

/** JSON for the browser; a result holding a Date becomes null, as google.script.run does live. */
function bridgeValue(value: unknown): unknown {
  const holdsDate = (v: unknown, seen = new Set<unknown>()): boolean => {
    if (Object.prototype.toString.call(v) === '[object Date]') return true;
    if (v === null || typeof v !== 'object' || seen.has(v)) return false;
    seen.add(v);
    return Object.values(v as Record<string, unknown>).some((x) => holdsDate(x, seen));
  };
  return holdsDate(value) ? null : value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function page(title: string, sheets: string[], token: string): string {
  const tabs = sheets
    .map(
      (name, i) =>
        `<button class="tab${i === 0 ? ' on' : ''}" data-name="${escapeHtml(name)}">${escapeHtml(name)}</button>`,
    )
    .join('');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)} — Club Pulse (local)</title>
<style>
body{margin:0;font-family:Roboto,Arial,sans-serif;display:flex;height:100vh;color:#202124}
#book{flex:1;display:flex;flex-direction:column;min-width:0}
#tabs{display:flex;gap:2px;flex-wrap:wrap;padding:6px;background:#f1f3f4;border-bottom:1px solid #dadce0}
.tab{border:1px solid #dadce0;background:#fff;padding:4px 10px;font:inherit;font-size:12px;cursor:pointer}
.tab.on{background:#e8f0fe;border-color:#1a73e8;color:#1a73e8}
#sheet{flex:1;border:0;width:100%}
#side{width:300px;border-left:1px solid #dadce0;display:flex;flex-direction:column}
#side h1{font-size:14px;margin:0;padding:10px 12px;border-bottom:1px solid #dadce0}
#side iframe{flex:1;border:0;width:300px}
</style></head><body>
<div id="book"><nav id="tabs" aria-label="Onglets / Tabs">${tabs}</nav><iframe id="sheet" title="Onglet / Tab"></iframe></div>
<aside id="side"><h1>Club Pulse</h1><iframe id="sidebar" title="Club Pulse" src="/sidebar"></iframe></aside>
<script>
const frame = document.getElementById('sheet');
let current = ${JSON.stringify(sheets[0] ?? '')};
const token = ${JSON.stringify(token)};
function show(name){ current = name; frame.src = '/sheet?name=' + encodeURIComponent(name) + '&token=' + encodeURIComponent(token) + '&t=' + Date.now();
  document.querySelectorAll('.tab').forEach(b => b.classList.toggle('on', b.dataset.name === name)); }
document.getElementById('tabs').addEventListener('click', e => { const b = e.target.closest('.tab'); if (b) show(b.dataset.name); });
async function reloadTabs(){ const names = await (await fetch('/api/sheets', { headers: { '${TOKEN_HEADER}': token } })).json(); const nav = document.getElementById('tabs');
  nav.textContent = ''; for (const n of names) { const b = document.createElement('button'); b.className = 'tab'; b.dataset.name = n; b.textContent = n; nav.appendChild(b); }
  show(names.includes(current) ? current : names[0]); }
window.addEventListener('message', e => { if (e.data === 'club-pulse:changed') reloadTabs(); });
if (current) show(current);
</script></body></html>`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Only the server's own page may frame the sidebar and the tabs (no clickjacking).
    'x-frame-options': 'SAMEORIGIN',
  });
  res.end(body);
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  send(res, refusal.status, 'application/json', JSON.stringify({ ok: false, message: refusal.message }));
}

/** Starts the dev server on 127.0.0.1:port (0 = any free port). */
export async function startDevServer(
  path: string,
  port: number,
  options: DevServerOptions = {},
): Promise<DevServer> {
  // The stamp is taken before reading: a change during the read only causes one more reload.
  const load = async () => ({ stamp: stampOf(path), session: await openWorkbook(path, undefined, options) });
  const open = () => withWorkbookLock(path, load);
  let loaded = await open();
  const endpoints = sidebarEndpoints();
  const token = newToken();
  const { htmlFiles } = builtAddon();
  const shim = scriptRunShim();
  const sidebar = (htmlFiles.Sidebar ?? '<p>Sidebar not built</p>').replace(
    '<head>',
    `<head><script>window.__CLUB_PULSE_TOKEN__=${JSON.stringify(token)};</script><script>${shim}</script>`,
  );
  const lang = (): 'fr' | 'en' => (loaded.session.model.meta.locale.startsWith('fr') ? 'fr' : 'en');
  const visibleSheets = () =>
    loaded.session.model.sheets.filter((s) => !s.hidden && s.name !== META_SHEET_NAME).map((s) => s.name);

  // One request at a time touches the workbook (calls are synchronous, but loading and saving wait).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  /** Re-reads the workbook when another command changed the file since it was loaded or saved. */
  const current = async () => {
    if (stampOf(path) !== loaded.stamp) loaded = await open();
    return loaded.session;
  };

  const call = (name: string, args: unknown[]) =>
    serial(() =>
      withWorkbookLock(path, async () => {
        if (stampOf(path) !== loaded.stamp) loaded = await load();
        const { session } = loaded;
        let value: unknown;
        try {
          value = session.bundle.call(name, ...args);
        } catch (error) {
          const message = (error as Error)?.message ?? String(error);
          // An execution stopped midway may have left the in-memory workbook half changed: start
          // again from the file, which it never reached.
          if (message === EXCEEDED_TIME) loaded = await load();
          return { ok: false, message };
        }
        const changed = !READ_ONLY.has(name);
        if (changed) {
          if (stampOf(path) !== loaded.stamp) {
            // Changed by a program that does not take the lock (a spreadsheet application): keep theirs.
            loaded = await load();
            return { ok: false, message: CHANGED_MEANWHILE[lang()], changed: true };
          }
          await session.save();
          loaded.stamp = stampOf(path);
        }
        return { ok: true, value: bridgeValue(value), changed };
      }),
    );

  const server = createServer(async (req, res) => {
    try {
      const address = server.address();
      const own = typeof address === 'object' && address ? address.port : port;
      const host = checkHost(req.headers, own);
      if (host) return refuse(res, host);
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${own}`);
      if (req.method === 'GET' && url.pathname === '/')
        return send(res, 200, 'text/html', page(loaded.session.model.meta.name, visibleSheets(), token));
      if (req.method === 'GET' && url.pathname === '/sidebar') return send(res, 200, 'text/html', sidebar);
      if (req.method === 'GET' && url.pathname === '/api/sheets') {
        const denied = checkToken(req.headers[TOKEN_HEADER] as string | undefined, token);
        if (denied) return refuse(res, denied);
        await serial(current);
        return send(res, 200, 'application/json', JSON.stringify(visibleSheets()));
      }
      if (req.method === 'GET' && url.pathname === '/sheet') {
        const denied = checkToken(url.searchParams.get('token'), token);
        if (denied) return refuse(res, denied);
        const session = await serial(current);
        const name = url.searchParams.get('name') ?? '';
        const model = session.model.sheets.find((s) => s.name === name);
        if (!model || model.name === META_SHEET_NAME) return send(res, 404, 'text/plain', 'No such tab');
        const ss = session.bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
        const display = ss.getSheetByName(name)!.getDataRange().getDisplayValues();
        return send(res, 200, 'text/html', sheetToHtml(model, display, name));
      }
      if (req.method === 'POST' && url.pathname === '/api/call') {
        const denied =
          checkOrigin(req.headers, own) ??
          checkToken(req.headers[TOKEN_HEADER] as string | undefined, token) ??
          checkJson(req.headers);
        if (denied) return refuse(res, denied);
        const body = await readLimitedBody(req);
        if (body === false) return refuse(res, tooLarge(lang()));
        const parsed = parseCall(body, endpoints);
        if ('status' in parsed) return refuse(res, parsed);
        return send(res, 200, 'application/json', JSON.stringify(await call(parsed.name, parsed.args)));
      }
      send(res, 404, 'text/plain', 'Not found');
    } catch (error) {
      send(res, 500, 'text/plain', (error as Error)?.message ?? 'Internal error');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${actual}/`,
    get session() {
      return loaded.session;
    },
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
