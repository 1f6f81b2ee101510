// `club-pulse dev` as an attacker sees it: any page in the user's browser (or a DNS-rebinding one)
// can send requests to 127.0.0.1. The server answers only its own pages' calls to the sidebar's
// endpoints, bounds every call in time, and never loses what another command wrote to the file.

import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/local/dev/guard';
import { type DevServer, startDevServer } from '../../src/local/dev/server';
import { withWorkbookLock } from '../../src/local/session';
import { loadWorkbook, saveWorkbook } from '../../src/local/workbook/xlsx';
import { fixtureWorkbook } from './club-fixture';

interface Answer {
  status: number;
  body: string;
}

/** A raw HTTP request, every header under the test's control (Host included). */
function send(
  dev: DevServer,
  {
    method = 'POST',
    path = '/api/call',
    headers = {},
    body = '',
  }: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<Answer> {
  const url = new URL(dev.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: Number(url.port), method, path, headers: { ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', (e) =>
      String(e).includes('EPIPE') || String(e).includes('ECONNRESET')
        ? resolve({ status: 413, body: '' })
        : reject(e),
    );
    req.end(body);
  });
}

/** What the sidebar's own calls carry. */
function own(dev: DevServer, extra: Record<string, string> = {}): Record<string, string> {
  const url = new URL(dev.url);
  return {
    host: `127.0.0.1:${url.port}`,
    origin: `http://127.0.0.1:${url.port}`,
    'content-type': 'application/json',
    'x-club-pulse-token': dev.token,
    ...extra,
  };
}

const call = (name: string, args: unknown[] = []) => JSON.stringify({ name, args });

let dev: DevServer;
let file = '';

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'club-pulse-attack-')), 'club.xlsx');
  await saveWorkbook(fixtureWorkbook(), file);
  dev = await startDevServer(file, 0, { executionLimitMs: 2_000, today: '2026-11-27' });
});
afterAll(async () => {
  await dev?.close();
});

describe('the door of club-pulse dev', () => {
  it('answers the sidebar’s own call', async () => {
    const answer = await send(dev, { headers: own(dev), body: call('getSidebarState') });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { lang: 'fr' } });
  });

  it.each([
    ['without the session token', { 'x-club-pulse-token': '' }, 403],
    ['with a guessed token', { 'x-club-pulse-token': 'guess' }, 403],
    ['from another origin', { origin: 'http://evil.example' }, 403],
    ['from a page of another local port', { origin: 'http://127.0.0.1:1' }, 403],
    ['with no origin at all', { origin: '' }, 403],
    ['under a rebinding host name', { host: 'evil.example' }, 421],
    ['as text/plain (a request no preflight stops)', { 'content-type': 'text/plain' }, 415],
    ['as a form post', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
  ])('refuses a call %s', async (_what, change, status) => {
    const headers = own(dev, change as Record<string, string>);
    for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
    const answer = await send(dev, { headers, body: call('refreshKpis', [{ period: '2026-S1' }]) });
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false });
  });

  it.each([
    'eval',
    'constructor',
    '__proto__',
    'toString',
    'App',
    'onOpen',
    'menuRefresh',
    'CLUB_KPI',
    'Function',
  ])('runs nothing but the sidebar’s endpoints: %s is refused', async (name) => {
    const answer = await send(dev, { headers: own(dev), body: call(name, ['return process']) });
    expect(answer.status).toBe(404);
  });

  it('refuses bodies that are not a call', async () => {
    for (const body of ['not json', '[]', 'null', '{"name":"getSidebarState","args":"x"}']) {
      const answer = await send(dev, { headers: own(dev), body });
      expect(answer.status, body).toBe(400);
    }
  });

  it('refuses a body past the limit with a sentence the sidebar shows', async () => {
    const big = Buffer.alloc(BODY_LIMIT_BYTES + 1024, 'a');
    const answer = await send(dev, { headers: own(dev), body: big });
    expect(answer.status).toBe(413);
    if (answer.body) expect(JSON.parse(answer.body).message).toMatch(/trop volumineux/);
    // And it still answers afterwards.
    expect((await send(dev, { headers: own(dev), body: call('getSidebarState') })).status).toBe(200);
  });

  it('the tabs’ data need the token and the own host too', async () => {
    const url = new URL(dev.url);
    const host = `127.0.0.1:${url.port}`;
    expect((await send(dev, { method: 'GET', path: '/api/sheets', headers: { host } })).status).toBe(403);
    expect((await send(dev, { method: 'GET', path: '/sheet?name=Membres', headers: { host } })).status).toBe(
      403,
    );
    expect(
      (
        await send(dev, {
          method: 'GET',
          path: '/api/sheets',
          headers: { host: 'evil.example', 'x-club-pulse-token': dev.token },
        })
      ).status,
    ).toBe(421);
    const ok = await send(dev, {
      method: 'GET',
      path: `/sheet?name=Membres&token=${encodeURIComponent(dev.token)}`,
      headers: { host },
    });
    expect(ok.status).toBe(200);
  });

  it('bounds every call in time and goes on with the file as it was', async () => {
    // A call that never ends (as a bug or a hostile workbook could make one).
    vm.runInContext('getSidebarState = function () { for (;;) {} }', dev.session.bundle.context);
    const stuck = await send(dev, { headers: own(dev), body: call('getSidebarState') });
    expect(JSON.parse(stuck.body)).toEqual({ ok: false, message: 'Exceeded maximum execution time' });
    const next = await send(dev, { headers: own(dev), body: call('getSidebarState') });
    expect(JSON.parse(next.body)).toMatchObject({ ok: true, value: { lang: 'fr' } });
  });
});

describe('the file on disk is the truth', () => {
  it('re-reads the workbook another command changed, and keeps that change when it saves', async () => {
    // Another club-pulse command (holding the lock) adds a member to the file.
    await withWorkbookLock(file, async () => {
      const model = await loadWorkbook(file);
      const members = model.sheets.find((s) => s.name === 'Membres')!;
      members.values.push(['M99', 'Zoé', 'Externe', 'zoe@example.org']);
      await saveWorkbook(model, file);
    });
    const answer = await send(dev, { headers: own(dev), body: call('refreshKpis', [{ period: '2026-S1' }]) });
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, changed: true });
    const saved = await loadWorkbook(file);
    const members = saved.sheets.find((s) => s.name === 'Membres')!;
    expect(members.values.some((r) => r[0] === 'M99')).toBe(true);
    expect(saved.sheets.some((s) => s.name === 'Tableau de bord')).toBe(true);
  });

  it('never saves over a file that another program changed during the call', async () => {
    const session = dev.session;
    const original = session.bundle.call;
    const theirs = Buffer.from(readFileSync(file));
    session.bundle.call = (name: string, ...args: unknown[]) => {
      const value = original(name, ...args);
      // A spreadsheet application (which takes no lock) saves the file meanwhile.
      writeFileSync(file, theirs);
      const later = new Date(statSync(file).mtimeMs + 5_000);
      utimesSync(file, later, later);
      return value;
    };
    const answer = await send(dev, { headers: own(dev), body: call('setupTrackingTabs') });
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false });
    expect(JSON.parse(answer.body).message).toMatch(/modifié par un autre programme/);
    expect(readFileSync(file).equals(theirs)).toBe(true);
  });
});
