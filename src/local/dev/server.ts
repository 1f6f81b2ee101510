/**
 * `club-pulse dev`: the add-on on localhost. Serves, at http://127.0.0.1:PORT/, the sidebar
 * (dist/Sidebar.html, 300 px wide) next to a view of the workbook's tabs, with google.script.run
 * bridged to the built bundle running in the local runtime over the workbook. Every call that can
 * change the workbook is followed by a save to the file, under the workbook's lock file.
 *
 * The server is single-threaded: while a refresh runs, progress polls wait for it, so the sidebar
 * shows the outcome but not the intermediate steps (in Sheets it shows them).
 */

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml, sheetToHtml } from '../html-export';
import { builtAddon, openWorkbook, type WorkbookSession, withWorkbookLock } from '../session';
import { META_SHEET_NAME } from '../workbook/model';

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
  session: WorkbookSession;
  close(): Promise<void>;
}

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

function page(title: string, sheets: string[]): string {
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
function show(name){ current = name; frame.src = '/sheet?name=' + encodeURIComponent(name) + '&t=' + Date.now();
  document.querySelectorAll('.tab').forEach(b => b.classList.toggle('on', b.dataset.name === name)); }
document.getElementById('tabs').addEventListener('click', e => { const b = e.target.closest('.tab'); if (b) show(b.dataset.name); });
async function reloadTabs(){ const names = await (await fetch('/api/sheets')).json(); const nav = document.getElementById('tabs');
  nav.textContent = ''; for (const n of names) { const b = document.createElement('button'); b.className = 'tab'; b.dataset.name = n; b.textContent = n; nav.appendChild(b); }
  show(names.includes(current) ? current : names[0]); }
window.addEventListener('message', e => { if (e.data === 'club-pulse:changed') reloadTabs(); });
if (current) show(current);
</script></body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

/** Starts the dev server on 127.0.0.1:port (0 = any free port). */
export async function startDevServer(path: string, port: number): Promise<DevServer> {
  const session = await withWorkbookLock(path, () => openWorkbook(path));
  const { htmlFiles } = builtAddon();
  const shim = scriptRunShim();
  const sidebar = (htmlFiles.Sidebar ?? '<p>Sidebar not built</p>').replace(
    '<head>',
    `<head><script>${shim}</script>`,
  );
  const visibleSheets = () =>
    session.model.sheets.filter((s) => !s.hidden && s.name !== META_SHEET_NAME).map((s) => s.name);
  const ss = session.bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET' && url.pathname === '/')
        return send(res, 200, 'text/html', page(session.model.meta.name, visibleSheets()));
      if (req.method === 'GET' && url.pathname === '/sidebar') return send(res, 200, 'text/html', sidebar);
      if (req.method === 'GET' && url.pathname === '/api/sheets')
        return send(res, 200, 'application/json', JSON.stringify(visibleSheets()));
      if (req.method === 'GET' && url.pathname === '/sheet') {
        const name = url.searchParams.get('name') ?? '';
        const model = session.model.sheets.find((s) => s.name === name);
        if (!model) return send(res, 404, 'text/plain', `No tab named ${name}`);
        const display = ss.getSheetByName(name)!.getDataRange().getDisplayValues();
        return send(res, 200, 'text/html', sheetToHtml(model, display, name));
      }
      if (req.method === 'POST' && url.pathname === '/api/call') {
        const { name, args } = JSON.parse(await readBody(req)) as { name: string; args: unknown[] };
        let answer: { ok: boolean; value?: unknown; message?: string; changed?: boolean };
        try {
          const value = session.bundle.call(name, ...(Array.isArray(args) ? args : []));
          const changed = !READ_ONLY.has(name);
          if (changed) await withWorkbookLock(path, () => session.save());
          answer = { ok: true, value: bridgeValue(value), changed };
        } catch (error) {
          answer = { ok: false, message: (error as Error)?.message ?? String(error) };
        }
        return send(res, 200, 'application/json', JSON.stringify(answer));
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
    session,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
