// Issue 19: the members' edition by e-mail, through the built bundle (dist/Code.js) in the local
// runtime, on the hostile club: a preview first (counts, subject, token), nothing sent without the
// preview's token, once per member (a second send sends nothing), the daily quota (a quota of N
// sends N, the next day the rest), erased members and members without an address or who asked for
// no e-mail left out and counted, no name of a member who did not agree and no e-mail address in any
// body (checked against the Members tab), every text escaped, charts as inline PNG images.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EditionMailResult } from '../../src/core/api';
import { escapeHtml } from '../../src/core/editions/escape';
import type { SentMail } from '../../src/local/emulator/index';
import { loadBundle } from '../../src/local/runtime';
import type { WorkbookModel } from '../../src/local/workbook/model';
import { loadWorkbook, saveWorkbook } from '../../src/local/workbook/xlsx';
import { runCli } from './cli-io';
import { FIXTURE_TODAY } from './club-fixture';
import { mailClub as club, DAY1, expectNoneOf, membersOf } from './edition-fixture';

const code = readFileSync('dist/Code.js', 'utf8');
const NEXT_DAY = '2026-11-28';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

type Ok = Extract<EditionMailResult, { ok: true }>;

function run(model: WorkbookModel, options: { at?: number; quota?: number } = {}) {
  return loadBundle(code, {
    workbook: model,
    userLocale: 'fr',
    now: () => options.at ?? DAY1,
    mailDailyQuota: options.quota ?? 100,
  });
}

function mail(bundle: ReturnType<typeof run>, request: object, today = FIXTURE_TODAY): EditionMailResult {
  return bundle.call('mailMembersEdition', { today, ...request }) as EditionMailResult;
}

function previewAndSend(bundle: ReturnType<typeof run>, today = FIXTURE_TODAY): { preview: Ok; sent: Ok } {
  const preview = mail(bundle, { preview: true }, today) as Ok;
  expect(preview.ok).toBe(true);
  const sent = mail(bundle, { confirm: preview.token }, today) as Ok;
  expect(sent.ok, JSON.stringify(sent)).toBe(true);
  return { preview, sent };
}

/** The Mail log's rows: `kind subject member outcome`. */
function logRows(model: WorkbookModel): string[] {
  const tab = model.sheets.find((s) => s.name === 'Journal des envois');
  if (!tab) return [];
  const [header, ...rows] = tab.values;
  const col = (label: string) => header!.findIndex((h) => String(h).toLowerCase().startsWith(label));
  const [kind, subject, member, outcome] = [col('type'), col('enquête'), col('id membre'), col('résultat')];
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => `${r[kind]} ${r[subject]} ${r[member]} ${r[outcome]}`);
}

function isPng(bytes: Uint8Array, width: number, height: number): boolean {
  const view = Buffer.from(bytes);
  return (
    PNG_SIGNATURE.every((b, i) => view[i] === b) &&
    view.toString('ascii', 12, 16) === 'IHDR' &&
    view.readUInt32BE(16) === width &&
    view.readUInt32BE(20) === height
  );
}

describe("the members' edition by e-mail", () => {
  it('previews, refuses without the token, then sends once to each reachable member, safely', () => {
    const model = club();
    const bundle = run(model);
    const preview = mail(bundle, { preview: true }) as Ok;
    expect(preview).toMatchObject({
      ok: true,
      sent: false,
      period: '2026-S1',
      toSend: 4,
      already: 0,
      noAddress: 1,
      noEmail: 1,
      erased: 1,
      charts: 2,
    });
    expect(preview.subject).toMatch(/les résultats du club — 1er semestre 2026$/);
    expect(preview.message).toContain('À envoyer : 4 membre(s)');
    expect(bundle.emulator.sentMail).toEqual([]);

    // No token, a wrong one: nothing sent, nothing logged.
    expect(mail(bundle, {})).toMatchObject({ ok: false, code: 'not_confirmed' });
    expect(mail(bundle, { confirm: `${preview.token}x` })).toMatchObject({ ok: false, code: 'stale' });
    expect(bundle.emulator.sentMail).toEqual([]);
    expect(model.sheets.some((s) => s.name === 'Journal des envois')).toBe(false);

    const sent = mail(bundle, { confirm: preview.token }) as Ok;
    expect(sent).toMatchObject({ ok: true, sent: true, sentNow: 4, pending: 0, stopped: null });
    expect(sent.message).toBe('Édition 2026-S1 envoyée à 4 membre(s).');
    const mails = bundle.emulator.sentMail;
    // Active on 2026-11-27: M1, M2, M3, M5 (M4 left); M6 has no address, M7 asked for none, M8 is erased.
    expect(mails.map((m) => m.to.join())).toEqual([
      'alice@exemple.fr',
      'bruno@exemple.fr',
      'chloe@exemple.fr',
      'emma@exemple.fr',
    ]);
    expectSafe(model, mails);

    // The same click again, or a new preview and send: nobody gets it twice.
    expect(mail(bundle, { confirm: preview.token })).toMatchObject({ ok: false, code: 'stale' });
    const again = run(model, { at: DAY1 + 86_400_000 });
    const second = previewAndSend(again, NEXT_DAY);
    expect(second.preview).toMatchObject({ toSend: 0, already: 4 });
    expect(second.preview.message).toContain('Rien à envoyer');
    expect(second.sent.sentNow).toBe(0);
    expect(again.emulator.sentMail).toEqual([]);

    // The Mail log: one « envoyé » row per member, and each person left out once, with why.
    const rows = logRows(model);
    expect(rows.filter((r) => r.endsWith(' envoyé'))).toEqual(
      ['M1', 'M2', 'M3', 'M5'].map((id) => `édition EDITION-2026-S1 ${id} envoyé`),
    );
    expect(rows.filter((r) => r.startsWith('édition') && !r.endsWith(' envoyé'))).toEqual([
      'édition EDITION-2026-S1 M6 non envoyé : pas d’adresse e-mail',
      'édition EDITION-2026-S1 M7 non envoyé : « pas d’e-mail » demandé',
    ]);
    expect(rows.join('\n')).not.toContain('M8');
  });

  it('sends N within a quota of N, and the rest the next day', () => {
    const model = club();
    const first = run(model, { quota: 3 });
    const day1 = previewAndSend(first);
    expect(day1.sent).toMatchObject({ sentNow: 3, pending: 1, stopped: 'quota', quotaLeft: 0 });
    expect(day1.sent.message).toContain('Quota d’e-mails du jour épuisé : 1 membre(s) en attente');
    // Same day: the quota is spent, nothing goes.
    const sameDay = run(model, { at: DAY1 + 3_600_000, quota: 3 });
    const retry = previewAndSend(sameDay);
    expect(retry.preview.toSend).toBe(1);
    expect(retry.sent).toMatchObject({ sentNow: 0, pending: 1, stopped: 'quota' });
    // The next day: the one left, and nothing more after that.
    const next = run(model, { at: DAY1 + 86_400_000, quota: 3 });
    expect(previewAndSend(next, NEXT_DAY).sent).toMatchObject({ sentNow: 1, pending: 0, stopped: null });
    const all = [...first.emulator.sentMail, ...next.emulator.sentMail].map((m) => m.to.join());
    expect(all.sort()).toEqual([
      'alice@exemple.fr',
      'bruno@exemple.fr',
      'chloe@exemple.fr',
      'emma@exemple.fr',
    ]);
    expect(sameDay.emulator.sentMail).toEqual([]);
    expect(logRows(model).filter((r) => r.includes('quota du jour épuisé'))).toHaveLength(2);
  });

  it('shows the e-mail with its charts in a dialog when the sidebar asks for the preview', () => {
    const model = club();
    const bundle = run(model);
    const preview = mail(bundle, { preview: true, dialog: true }) as Ok;
    const dialog = bundle.emulator.ui.dialogs.at(-1)!;
    expect(dialog).toMatchObject({ title: 'Aperçu de l’e-mail aux membres', modal: true });
    expect(dialog.html).toContain(escapeHtml(preview.message));
    expect(dialog.html.match(/src="data:image\/png;base64,/g)).toHaveLength(2);
    expect(dialog.html).not.toContain('cid:');
    expectNoneOf(dialog.html, membersOf(model).hidden);
    expect(bundle.emulator.sentMail).toEqual([]);
  });
});

/** Every body: no hidden name, no address at all, every hostile text escaped, images inline. */
function expectSafe(model: WorkbookModel, mails: SentMail[]): void {
  const { hidden, named } = membersOf(model);
  const members = model.sheets.find((s) => s.name === 'Membres')!;
  const emails = members.values
    .slice(1)
    .map((r) => String(r[3] ?? ''))
    .filter((x) => x.includes('@'));
  expect(named).toEqual(['Alice Martin', 'Chloé <b>Durand</b>']);
  const first = mails[0]!;
  for (const m of mails) {
    expect(m.subject).toBe(first.subject);
    expect(m.htmlBody).toBe(first.htmlBody);
    expect(m.body).toBe(first.body);
    for (const body of [m.htmlBody!, m.body]) {
      expectNoneOf(body, hidden);
      for (const email of emails) expect(body).not.toContain(email);
    }
  }
  const html = first.htmlBody!;
  expect(html).not.toMatch(/<script|<img src=x|<b>Durand|=HYPERLINK\("http/i);
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Un premier gros contrat');
  expect(html).toContain('&lt;script&gt;alert(&quot;msg&quot;)&lt;/script&gt; Bravo &amp; merci');
  expect(html).toContain('Chloé &lt;b&gt;Durand&lt;/b&gt;');
  expect(html).not.toContain('Histoire privée');
  // The plain-text body: the same words, as text.
  expect(first.body).toContain('<script>alert("msg")</script> Bravo & merci');
  expect(first.body).toContain('Grâce à notre rencontre speed business');
  // Charts: one inline PNG per cid the HTML shows, 600 × 260.
  const cids = [...html.matchAll(/src="cid:([^"]+)"/g)].map((x) => x[1]!);
  expect(cids).toEqual(['chart1', 'chart2']);
  expect(Object.keys(first.inlineImages ?? {}).sort()).toEqual(cids);
  for (const cid of cids) {
    const image = first.inlineImages![cid]!;
    expect(image.contentType).toBe('image/png');
    expect(isPng(image.bytes, 600, 260)).toBe(true);
  }
}

describe('club-pulse report --send-members', () => {
  const cli = runCli;

  it('prints the preview, refuses without a terminal or --yes, asks on a terminal, then sends once', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'club-pulse-mail-')), 'club.xlsx');
    await saveWorkbook(club(), file);
    const args = ['report', file, '--send-members', '--today', FIXTURE_TODAY];
    const sentRows = async () => logRows(await loadWorkbook(file)).filter((r) => r.endsWith(' envoyé'));

    const refused = await cli(args);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Envoi non confirmé : rien n’a été envoyé. Sans terminal, ajoutez --yes');
    expect(refused.out).toContain('les résultats du club — 1er semestre 2026');
    expect(refused.out).toContain('À envoyer : 4 membre(s)');
    expect(refused.out).toContain('Voici les résultats du club au 1er semestre 2026.');
    expectNoneOf(refused.out, membersOf(await loadWorkbook(file)).hidden);

    const cancelled = await cli(args, ['non'], true);
    expect(cancelled.code).toBe(0);
    expect(cancelled.asked).toEqual(['Envoyer l’édition 2026-S1 à 4 membre(s) ? [o/N] ']);
    expect(cancelled.out).toContain('Annulé : rien n’a été envoyé.');
    expect(await sentRows()).toEqual([]);

    const sent = await cli(args, ['oui'], true);
    expect(sent.code, sent.err).toBe(0);
    expect(sent.out).toContain('Édition 2026-S1 envoyée à 4 membre(s).');
    expect(sent.out).toContain('consigné dans l’onglet « Journal des envois »');
    expect(await sentRows()).toHaveLength(4);

    const again = await cli([...args, '--yes']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Rien à envoyer');
    expect(await sentRows()).toHaveLength(4);
  }, 120_000);
});
