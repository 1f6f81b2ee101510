// A member's data end to end (issue 20), through `club-pulse member export|erase` on saved .xlsx
// files: the demo club and a hostile one. After an erasure the member's e-mail, names, company and
// phone appear in no XML part of the saved workbook (shared strings, sheets, notes, everything);
// every KPI of every past period is unchanged; the refresh reports nothing about them; a second
// erasure changes nothing; without a terminal and without --yes nothing is erased.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../src/core/compute';
import { dayOf, serialOf } from '../../src/core/dates';
import { hashOf } from '../../src/core/survey-invitations';
import { runAddon } from '../../src/local/session';
import type { CellValue, WorkbookModel } from '../../src/local/workbook/model';
import { cellKey, newSheetModel } from '../../src/local/workbook/model';
import { loadWorkbook, saveWorkbook } from '../../src/local/workbook/xlsx';
import { runCli } from './cli-io';
import { workbookOf } from './club-fixture';

const TODAY = '2026-11-15';
const BIN = join(process.cwd(), 'bin/club-pulse.mjs');
let dir = '';

const run = runCli;

/** Every XML (and other text) part of the saved file, joined. */
async function xmlOf(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = await Promise.all(Object.values(zip.files).map((f) => (f.dir ? '' : f.async('string'))));
  return parts.join('\n');
}

/** Where any form of the traces occurs in the XML, with some context (empty when none). */
function leaks(xml: string, traces: string[]): string[] {
  const out: string[] = [];
  for (const t of traces)
    for (const form of xmlForms(t)) {
      const at = xml.indexOf(form);
      if (at >= 0) out.push(`${t}: …${xml.slice(Math.max(0, at - 120), at + form.length + 60)}…`);
    }
  return out;
}

/** What an XML part would hold for a text: the text itself, escaped. */
function xmlForms(text: string): string[] {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [...new Set([text, esc, esc.replace(/"/g, '&quot;').replace(/'/g, '&apos;')])];
}

/** Every year and semester from `fromYear`, the quarters of the last three years, the months of the last. */
function periods(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    out.push(String(y), `${y}-S1`, `${y}-S2`);
    if (y > toYear - 3) for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
    if (y >= toYear - 1) for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** Every KPI (id, value, n) of every period, and the issues, as the add-on reads the workbook. */
async function kpisOf(file: string, labels: string[]) {
  const model = await loadWorkbook(file);
  const bundle = runAddon(model, { today: TODAY });
  const ss = bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
  const tabs = ss.getSheets().map((s) => ({ name: s.getName(), values: s.getDataRange().getValues() }));
  const input = { tabs, locale: model.meta.locale, timeZone: model.meta.timeZone, today: TODAY };
  const kpis: Record<string, unknown> = {};
  for (const period of labels) {
    const r = computeReport({ ...input, period });
    if (!r.ok) throw new Error(r.message);
    kpis[period] = r.report.kpis.map((k) => [k.id, k.value, k.n]);
  }
  const last = computeReport(input);
  if (!last.ok) throw new Error(last.message);
  return { kpis, issues: last.report.issues, scores: last.report.scores.length };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'club-pulse-member-'));
});

describe('club-pulse member on the demo club', () => {
  let club = '';
  beforeAll(async () => {
    club = join(dir, 'demo.xlsx');
    expect((await run(['init', club, '--demo', '--today', TODAY])).code).toBe(0);
    expect((await run(['refresh', club, '--today', TODAY])).code).toBe(0);
  }, 120_000);

  it('exports every row naming the member, readable, by tab', async () => {
    const out = join(dir, 'm0012.json');
    const r = await run(['member', 'export', club, '--member', 'M0012', '--out', out, '--today', TODAY]);
    expect(r.code, r.err).toBe(0);
    const data = JSON.parse(readFileSync(out, 'utf8'));
    expect(data.member.id).toBe('M0012');
    const tabs = new Map(data.tabs.map((t: { tab: string; rows: unknown[] }) => [t.tab, t.rows]));
    const own = (tabs.get('Membres') as Array<{ values: Record<string, string> }>)[0].values;
    expect(own['ID membre']).toBe('M0012');
    expect(own['E-mail']).toBe(data.member.email);
    for (const tab of ['Cotisations', 'Participations', 'Palmarès'])
      expect((tabs.get(tab) as unknown[])?.length, tab).toBeGreaterThan(0);
    // Another member's row is never exported whole.
    for (const t of data.tabs)
      for (const row of t.rows) expect(JSON.stringify(row)).not.toMatch(/@(?!anjouenergies)/);
  }, 120_000);

  it('prints a member statement to an HTML file (the renewal season), the workbook untouched', async () => {
    const out = join(dir, 'm0012.html');
    const bytes = readFileSync(club);
    const r = await run(['member', 'statement', club, '--member', 'M0012', '--out', out, '--today', TODAY]);
    expect(r.code, r.err).toBe(0);
    // Today 15/11/2026, before the statements' window of term 2026: the current term to date.
    expect(r.out).toBe(`Bilan de M0012 (du 01/01/2026 au 15/11/2026) → ${out}.`);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    // The same figures as the core's statement of that period.
    const model = await loadWorkbook(club);
    const ss = runAddon(model, { today: TODAY }).emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    const tabs = ss.getSheets().map((s) => ({ name: s.getName(), values: s.getDataRange().getValues() }));
    const report = computeReport({
      tabs,
      locale: 'fr_FR',
      timeZone: 'Europe/Paris',
      today: TODAY,
      period: '2026-01-01..2026-11-15',
    });
    if (!report.ok) throw new Error(report.message);
    const mine = report.report.statements.find((s) => s.memberId === 'M0012')!;
    expect(html).toContain(`<h1>Bilan de ${mine.name}</h1>`);
    expect(html).toContain(`<td>Événements suivis</td><td class="n">${mine.eventsAttended}</td>`);
    expect(html).toContain(`<td>Recommandations reçues</td><td class="n">${mine.referralsReceived}</td>`);
    expect(readFileSync(club).equals(bytes)).toBe(true);
    const unknown = await run([
      'member',
      'statement',
      club,
      '--member',
      'Personne Inconnue',
      '--today',
      TODAY,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Personne Inconnue');
  }, 120_000);

  it('erases: no trace left in any XML part, past KPIs unchanged, nothing reported, second erase a no-op', async () => {
    const file = join(dir, 'demo-erase.xlsx');
    copyFileSync(club, file);
    const exported = join(dir, 'before.json');
    await run(['member', 'export', file, '--member', 'M0012', '--out', exported, '--today', TODAY]);
    const who = JSON.parse(readFileSync(exported, 'utf8')).member;
    const own = JSON.parse(readFileSync(exported, 'utf8')).tabs.find(
      (t: { tab: string }) => t.tab === 'Membres',
    ).rows[0].values;
    const traces = [
      who.email,
      `${who.firstName} ${who.lastName}`,
      own.Entreprise,
      own.Téléphone,
      own.LinkedIn,
    ];
    const before = await xmlOf(file);
    for (const t of traces) expect(before, t).toContain(xmlForms(t).at(-1));
    const labels = periods(2016, 2026);
    const kpisBefore = await kpisOf(file, labels);

    // Asked on a terminal: "no" keeps everything.
    const no = await run(['member', 'erase', file, '--member', 'M0012', '--today', TODAY], ['n'], true);
    expect(no.code).toBe(0);
    expect(no.asked[0]).toContain('M0012');
    expect(await xmlOf(file)).toContain(who.email);

    const r = await run(['member', 'erase', file, '--member', who.email, '--today', TODAY], ['oui'], true);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('M0012');
    const after = await xmlOf(file);
    expect(leaks(after, traces)).toEqual([]);

    const kpisAfter = await kpisOf(file, labels);
    expect(kpisAfter.kpis).toEqual(kpisBefore.kpis);
    expect(kpisAfter.scores).toBe(kpisBefore.scores);
    const row = kpisAfter.issues.filter((i) => i.tab === 'Membres' && i.value.includes('M0012'));
    expect(row).toEqual([]);
    expect(kpisAfter.issues.length).toBeLessThanOrEqual(kpisBefore.issues.length);

    const bytes = readFileSync(file);
    const again = await run(['member', 'erase', file, '--member', 'M0012', '--yes', '--today', TODAY]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('déjà effacé');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  }, 300_000);

  it('refuses to erase without a terminal and without --yes (a real process)', () => {
    const file = join(dir, 'demo-refuse.xlsx');
    copyFileSync(club, file);
    const bytes = readFileSync(file);
    const r = spawnSync(
      process.execPath,
      [BIN, 'member', 'erase', file, '--member', 'M0012', '--today', TODAY],
      {
        encoding: 'utf8',
        input: '',
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  }, 120_000);

  it('says which member it does not know, and changes nothing', async () => {
    const r = await run([
      'member',
      'erase',
      club,
      '--member',
      'Personne Inconnue',
      '--yes',
      '--today',
      TODAY,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Personne Inconnue');
  }, 120_000);
});

// A hostile member: their id is their e-mail (so a pseudonym replaces it everywhere), names with
// markup, quotes and a leading "=", referenced by id, e-mail (another case) and full name; a
// superseded answer and free texts; a sponsor link; stories and notes quoting them.
const d = (y: number, m: number, day: number): CellValue => ({ serial: serialOf(dayOf(y, m, day)) });
const EMAIL = 'zoelle+club@exemple.fr';
const FIRST = '=Zoëlle<b>';
const LAST = `O'Quintanilla & "Co"`;
const FULL = `${FIRST} ${LAST}`;
/** The key the old hidden mail log kept for them in anonymous mode: a hash of their address. */
const HASH = hashOf(EMAIL.toLowerCase());

function hostileWorkbook() {
  const tabs: Record<string, CellValue[][]> = {
    Membres: [
      [
        'ID membre',
        'Prénom',
        'Nom',
        'E-mail',
        'Entreprise',
        "Date d'adhésion",
        'Statut',
        'Parrain',
        'Téléphone',
        'Bio',
        'Site web',
      ],
      ['M1', 'Alice', 'Martin', 'alice@exemple.fr', 'Martin Conseil', d(2024, 1, 10), '', '', '', 'Bio', ''],
      [
        EMAIL,
        FIRST,
        LAST,
        EMAIL,
        'Quintanillerie SARL',
        d(2024, 2, 1),
        '',
        'M1',
        '+33 6 98 76 54 32',
        `=1+1 <script>alert("${FULL}")</script>`,
        'https://zoelle.example',
      ],
      ['M6', 'Yann', 'Morel', 'yann@exemple.fr', '', d(2024, 3, 1), '', EMAIL.toUpperCase(), '', '', ''],
    ],
    Événements: [
      ['ID événement', 'Date', 'Titre', 'Format'],
      ['E1', d(2025, 3, 12), 'Petit-déjeuner', 'petit-déjeuner'],
      ['E2', d(2025, 5, 28), 'Afterwork', 'afterwork'],
    ],
    Participations: [
      ['ID événement', 'Membre', 'Inscrit', 'Présent'],
      ['E1', FULL, 'oui', 'oui'],
      ['E1', 'M1', 'oui', 'oui'],
      ['E2', EMAIL.toUpperCase(), 'oui', 'oui'],
      ['E2', 'M6', 'oui', 'non'],
    ],
    Recommandations: [
      ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture', 'Note'],
      [d(2025, 4, 1), EMAIL, 'M1', 'recommandation', 'gagné', 1500, d(2025, 5, 1), `Merci ${FULL} !`],
      [d(2025, 6, 1), 'M1', 'M6', 'lead', 'en cours', '', '', 'Rien à voir'],
    ],
    Interactions: [
      ['Date', 'Membre', 'Type', 'Canal', 'Note'],
      [d(2025, 4, 2), FULL, 'question', 'WhatsApp', '=SUM(A1) a demandé un devis'],
    ],
    Réponses: [
      [
        'Horodateur',
        'ID enquête',
        "Type d'enquête",
        'ID événement',
        'Membre',
        'NPS',
        'Satisfaction',
        'Commentaire',
      ],
      [d(2025, 3, 13), 'HOT-E1', 'chaud', 'E1', EMAIL, 3, 2, 'première réponse'],
      [d(2025, 3, 14), 'HOT-E1', 'chaud', 'E1', EMAIL, 9, 5, `Signé ${FULL} <img src=x onerror=alert(1)>`],
      [d(2025, 3, 14), 'HOT-E1', 'chaud', 'E1', 'M1', 10, 5, 'Top'],
    ],
    Succès: [
      ['Date', 'Titre', 'Membres', 'Récit'],
      [d(2025, 5, 2), 'Contrat signé', `${FULL}, Alice Martin`, `Grâce à ${EMAIL} et ${FULL.toUpperCase()}`],
    ],
    Paramètres: [
      ['Clé', 'Valeur'],
      ['club_name', 'Club Hostile'],
    ],
  };
  return workbookOf(tabs, 'Club Hostile');
}

/**
 * The legacy places of the hostile club (issue 20): a free tab whose formulas quote the member, the
 * old hidden mail log keyed by the hash of their address (and by their address), notes in any tab.
 */
function withLegacyPlaces(model: WorkbookModel): WorkbookModel {
  const tabs: Record<string, CellValue[][]> = {
    Bureau: [
      ['Sujet', 'Valeur'],
      ['contact', `Contact : ${EMAIL}`],
      ['compte', 1],
      ['total', 3],
    ],
    _ClubPulse_Mail: [
      ['survey_id', 'recipient', 'kind', 'sent_on'],
      ['HOT-E1', HASH, 'invitation', '2025-03-13'],
      ['HOT-E1', 'M1', 'invitation', '2025-03-13'],
      ['HOT-E1', EMAIL, 'reminder', '2025-03-16'],
    ],
  };
  for (const [name, rows] of Object.entries(tabs)) {
    const sheet = newSheetModel(model.meta.nextSheetId++, name);
    sheet.values = rows.map((r) => [...r]);
    model.sheets.push(sheet);
  }
  const sheetOf = (name: string) => model.sheets.find((x) => x.name === name)!;
  const bureau = sheetOf('Bureau');
  bureau.formulas.set(cellKey(1, 1), `=CONCATENATE("Contact : ","${EMAIL}")`);
  bureau.formulas.set(cellKey(2, 1), `=IF(Membres!D3="${EMAIL}",1,0)`);
  bureau.formulas.set(cellKey(3, 1), '=1+2');
  sheetOf('_ClubPulse_Mail').hidden = true;
  sheetOf('Événements').notes.set(cellKey(1, 1), `Badge de ${FULL} — ${EMAIL}`);
  sheetOf('Membres').notes.set(cellKey(2, 0), `Voir ${EMAIL.toUpperCase()}`);
  sheetOf('Paramètres').notes.set(cellKey(0, 0), 'Trésorière : Alice Martin');
  return model;
}

describe('club-pulse member on a hostile club', () => {
  it('replaces an e-mail id by a pseudonym everywhere and leaves no trace', async () => {
    const file = join(dir, 'hostile.xlsx');
    await saveWorkbook(withLegacyPlaces(hostileWorkbook()), file);
    expect((await run(['refresh', file, '--today', TODAY])).code).toBe(0);
    const exported = join(dir, 'hostile.json');
    const ex = await run(['member', 'export', file, '--member', FULL, '--out', exported, '--today', TODAY]);
    expect(ex.code, ex.err).toBe(0);
    const data = JSON.parse(readFileSync(exported, 'utf8'));
    expect(data.member).toEqual({ id: EMAIL, firstName: FIRST, lastName: LAST, email: EMAIL });
    const names = data.tabs.map((t: { tab: string }) => t.tab);
    for (const tab of ['Membres', 'Participations', 'Recommandations', 'Interactions', 'Réponses', 'Succès'])
      expect(names).toContain(tab);
    const sponsored = data.tabs
      .find((t: { tab: string }) => t.tab === 'Membres')
      .rows.find((r: { values: Record<string, string> }) => r.values['ID membre'] === 'M6');
    expect(sponsored.values).toEqual({ 'ID membre': 'M6', Parrain: EMAIL.toUpperCase() });

    const labels = periods(2024, 2026);
    const before = await kpisOf(file, labels);
    const r = await run(['member', 'erase', file, '--member', EMAIL, '--yes', '--today', TODAY]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('ANON-001');
    // The formulas quoting them are replaced by their value, and said; so are the notes.
    expect(r.out).toContain('Formules qui le citaient, remplacées par leur valeur : Bureau!B2, Bureau!B3.');
    expect(r.out).toContain('Notes de cellule modifiées : 2.');
    const xml = await xmlOf(file);
    expect(
      leaks(xml, [EMAIL, FULL, FIRST, LAST, 'Quintanilla', 'Zoëlle', '98 76 54 32', 'zoelle.example', HASH]),
    ).toEqual([]);
    expect(xml.toLowerCase()).not.toContain('zoelle');
    const after = await kpisOf(file, labels);
    expect(after.kpis).toEqual(before.kpis);
    expect(after.issues.filter((i) => /ANON-001|zo[eë]lle/i.test(`${i.value} ${i.message}`))).toEqual([]);

    // The pseudonym stands for them everywhere: the sponsor link, the referral, the attendance.
    const model = await loadWorkbook(file);
    const cells = (name: string) =>
      model.sheets
        .find((s) => s.name === name)!
        .values.map((row) => row.map((c) => (typeof c === 'string' ? c : c)));
    expect(cells('Membres')[2].slice(0, 4)).toEqual(['ANON-001', '', '', '']);
    expect(cells('Membres')[3][7]).toBe('ANON-001');
    // The member they sponsored keeps their own data.
    expect(cells('Membres')[3].slice(0, 4)).toEqual(['M6', 'Yann', 'Morel', 'yann@exemple.fr']);
    expect(cells('Membres')[1].slice(0, 5)).toEqual([
      'M1',
      'Alice',
      'Martin',
      'alice@exemple.fr',
      'Martin Conseil',
    ]);
    expect(cells('Recommandations')[1][1]).toBe('ANON-001');
    // Legacy places: formula values kept (erased), other formulas and notes untouched, the old log keyed by the pseudonym.
    const bureau = model.sheets.find((x) => x.name === 'Bureau')!;
    expect(bureau.values.map((row) => row[1])).toEqual(['Valeur', 'Contact : ANON-001', 1, 3]);
    expect([...bureau.formulas.values()]).toEqual(['=1+2']);
    const note = (tab: string, key: string) => model.sheets.find((x) => x.name === tab)!.notes.get(key);
    expect(note('Événements', cellKey(1, 1))).toBe(`Badge de ANON-001 — ANON-001`);
    expect(note('Membres', cellKey(2, 0))).toBe('Voir ANON-001');
    expect(note('Paramètres', cellKey(0, 0))).toBe('Trésorière : Alice Martin');
    expect(cells('_ClubPulse_Mail').map((row) => row[1])).toEqual([
      'recipient',
      'ANON-001',
      'M1',
      'ANON-001',
    ]);
    expect(cells('Recommandations')[1][7] ?? '').toBe('');
    expect(cells('Participations').map((row) => row[1])).toEqual([
      'Membre',
      'ANON-001',
      'M1',
      'ANON-001',
      'M6',
    ]);
    // The answer that counted stays, anonymous; the superseded one is gone.
    const answers = cells('Réponses').filter((row) =>
      row.some((c) => c !== '' && c !== null && c !== undefined),
    );
    expect(answers.map((row) => [row[4] ?? '', row[5], row[7] ?? ''])).toEqual([
      ['Membre', 'NPS', 'Commentaire'],
      ['', 9, ''],
      ['M1', 10, 'Top'],
    ]);

    const again = await run(['member', 'erase', file, '--member', 'ANON-001', '--yes', '--today', TODAY]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('déjà effacé');
  }, 300_000);
});

describe('retention of the log tabs', () => {
  it('purges at refresh the mail log rows older than Settings log_retention_months, keeping the rest', async () => {
    const model = hostileWorkbook();
    const settings = model.sheets.find((s) => s.name === 'Paramètres')!;
    settings.values.push(['conservation_des_journaux_mois', 12]);
    const log = newSheetModel(model.meta.nextSheetId++, '_ClubPulse_Mail');
    log.values = [
      ['survey_id', 'recipient', 'kind', 'sent_on'],
      ['HOT-E1', 'M1', 'invitation', '2025-03-13'],
      ['HOT-E1', 'M6', 'invitation', '2025-11-16'],
      ['HOT-E2', 'M1', 'reminder', 'pas une date'],
      ['COLD-2026-S1', 'M1', 'invitation', '2026-07-02'],
    ];
    model.sheets.push(log);
    const file = join(dir, 'retention.xlsx');
    await saveWorkbook(model, file);
    const r = await run(['refresh', file, '--today', TODAY]);
    expect(r.code, r.err).toBe(0);
    const after = (await loadWorkbook(file)).sheets.find((s) => s.name === '_ClubPulse_Mail')!;
    const rows = after.values.filter((row) => row.some((c) => c !== '' && c !== null && c !== undefined));
    // 12 months before 2026-11-15 is 2025-11-15: the March 2025 row goes; an undated row stays.
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['survey_id', 'recipient', 'kind', 'sent_on'],
      ['HOT-E1', 'M6', 'invitation', '2025-11-16'],
      ['HOT-E2', 'M1', 'reminder', 'pas une date'],
      ['COLD-2026-S1', 'M1', 'invitation', '2026-07-02'],
    ]);
  }, 120_000);

  it('reports a retention that is not a number of months, and keeps the default', async () => {
    const model = hostileWorkbook();
    model.sheets.find((s) => s.name === 'Paramètres')!.values.push(['log_retention_months', 'toujours']);
    const file = join(dir, 'retention-bad.xlsx');
    await saveWorkbook(model, file);
    const { issues } = await kpisOf(file, []);
    expect(issues).toContainEqual(
      expect.objectContaining({
        tab: 'Paramètres',
        code: 'bad_setting',
        value: 'log_retention_months = toujours',
      }),
    );
  }, 120_000);
});
