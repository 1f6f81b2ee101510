// The hostile club of the editions' tests (issue 19) and the check that a page carries no name or
// e-mail of a member who did not agree to be named (read from the Members tab by its labels).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { RefreshResult } from '../../src/core/api';
import { escapeHtml } from '../../src/core/editions/escape';
import { normalizeLabel } from '../../src/core/normalize';
import { loadBundle } from '../../src/local/runtime';
import { type CellValue, newSheetModel, type WorkbookModel } from '../../src/local/workbook/model';
import { d, FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';

/** The hostile club: the fixture, with consent, names and texts made to break HTML and Sheets. */
export function hostileWorkbook(): WorkbookModel {
  const model = fixtureWorkbook();
  const sheet = (name: string) => model.sheets.find((s) => s.name === name)!;
  const members = sheet('Membres');
  members.values[0].push("Accepte d'être nommé·e");
  const consent = ['oui', '', 'oui', 'non', ''];
  for (let i = 1; i < members.values.length; i++) members.values[i].push(consent[i - 1]);
  members.values[2][1] = '<script>alert(1)</script>';
  members.values[2][2] = '=HYPERLINK("http://evil.example","clic")';
  members.values[3][2] = '<b>Durand</b>';
  sheet('Paramètres').values.push(
    ['edition_leaderboard', 'oui'],
    ['edition_message', '<script>alert("msg")</script> Bravo & merci à tous'],
  );
  const stories = newSheetModel(model.meta.nextSheetId++, 'Succès');
  stories.values = [
    ['Date', 'Titre', 'Membres', 'KPI', 'Valeur', 'Récit', 'Partageable'],
    [
      d(2026, 4, 2),
      '<img src=x onerror=alert(1)>Un premier gros contrat',
      'M1, M2',
      'business_generated',
      5000,
      'Grâce à notre rencontre speed business, un membre vient de décrocher son premier gros contrat !',
      'oui',
    ],
    [d(2026, 4, 3), 'Histoire privée', 'M2', 'nps', '', 'Ce récit ne doit pas sortir du bureau.', ''],
  ] as CellValue[][];
  model.sheets.push(stories);
  return model;
}

/** Names and e-mails of the Members tab, split by consent (the column read by its label). */
export function membersOf(model: WorkbookModel): { hidden: string[]; named: string[] } {
  const members = model.sheets.find((s) => s.name === 'Membres' || s.name === 'Members')!;
  const header = members.values[0].map((h) => normalizeLabel(String(h)));
  const col = (...labels: string[]) => header.findIndex((h) => labels.map(normalizeLabel).includes(h));
  const [first, last, email, agrees] = [
    col('Prénom', 'First name'),
    col('Nom', 'Last name'),
    col('E-mail', 'Email'),
    col("Accepte d'être nommé·e", 'Agrees to be named'),
  ];
  const hidden: string[] = [];
  const named: string[] = [];
  for (const row of members.values.slice(1)) {
    const text = (i: number) => (i >= 0 ? String(row[i] ?? '').trim() : '');
    const name = `${text(first)} ${text(last)}`.trim();
    const yes = ['oui', 'yes'].includes(text(agrees).toLowerCase());
    if (yes) named.push(name);
    else
      hidden.push(...[name, `${text(last)} ${text(first)}`.trim(), text(email)].filter((x) => x.length > 2));
  }
  return { hidden, named };
}

export function expectNoneOf(html: string, hidden: string[]): void {
  for (const h of hidden) {
    expect(html, h).not.toContain(h);
    expect(html, h).not.toContain(escapeHtml(h));
  }
}

/** 2026-11-27 09:00 UTC: the fixture's today in Paris. */
export const DAY1 = Date.UTC(2026, 10, 27, 9);

/**
 * The hostile club with three more active members: one without an address, one who asked for no
 * e-mail, one erased (the erasure keeps the row, blanks it and dates `erased_on`; here the address
 * is left on to prove the date alone keeps them out).
 */
export function mailClub(): WorkbookModel {
  const model = hostileWorkbook();
  const members = model.sheets.find((s) => s.name === 'Membres')!;
  members.values[0].push("Pas d'e-mail", 'Effacé le');
  for (let i = 1; i < members.values.length; i++) members.values[i].push('', '');
  const row = (id: string, first: string, email: string, noEmail: string, erased: CellValue) =>
    [id, first, 'Test', email, d(2025, 2, 1), '', '', '', noEmail, erased] as CellValue[];
  members.values.push(
    row('M6', 'Sans', '', '', ''),
    row('M7', 'Silence', 'silence@exemple.fr', 'oui', ''),
    row('M8', 'Effacé', 'efface@exemple.fr', '', d(2026, 10, 1)),
  );
  const bundle = loadBundle(readFileSync('dist/Code.js', 'utf8'), {
    workbook: model,
    userLocale: 'fr',
    now: () => DAY1,
  });
  const refreshed = bundle.call('refreshKpis', { period: '2026-S1', today: FIXTURE_TODAY }) as RefreshResult;
  expect(refreshed.ok).toBe(true);
  return model;
}
