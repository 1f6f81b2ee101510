// Injection (issue 10): every place that writes user text into the sheet writes it as text. User
// text starting with a formula prefix (`=`, `+`, `-`, `@`, tab, carriage return) goes through the
// dashboard (issues table, stories), the History and the hidden KPI table (top topics), the Surveys
// tab (the event id), the Responses intake (answers) and imports (names); afterwards no sheet holds a
// formula and each payload is stored exactly as typed. src/gas/sheets.ts `asText` writes strings
// with a leading apostrophe, which Sheets (and the emulator) drop: the stored value is the text.
// HTML escaping of the same payloads is covered by the browser tests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportResult, SurveyResult } from '../../src/core/api';
import { answerSurvey } from '../../src/local/surveys';
import { newSheetModel, type SheetModel, type WorkbookModel } from '../../src/local/workbook/model';
import { fixtureWorkbook } from '../e2e/club-fixture';
import { samplePath } from '../samples';
import { dashboardOf, refresh, run } from './helpers';

const PAYLOADS = [
  '=HYPERLINK("http://evil.example","clic")',
  '+33 6 12 34 56 78',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  "'=déjà cité",
];

const cellsOf = (s: SheetModel) =>
  s.values.flat().map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
const sheet = (model: WorkbookModel, name: string) => model.sheets.find((s) => s.name === name)!;

function expectNoFormula(model: WorkbookModel) {
  for (const s of model.sheets) expect([...s.formulas.entries()], s.name).toEqual([]);
}

describe('user text is written as text everywhere', () => {
  it('dashboard, History and the hidden KPI table keep formula-like text as typed', () => {
    const model = fixtureWorkbook();
    // Unknown event ids (quoted in the issues table), story titles and content topics.
    const attendance = sheet(model, 'Participations');
    for (const p of PAYLOADS) attendance.values.push([p, 'M1', 'oui', 'oui', '', '']);
    const stories = newSheetModel(model.meta.nextSheetId++, 'Succès');
    stories.values = [
      ['Date', 'Titre', 'Membres', 'KPI', 'Valeur', 'Récit'],
      ...PAYLOADS.map((p) => ['10/02/2026', p, '', 'nps', '', p]),
    ];
    const contents = newSheetModel(model.meta.nextSheetId++, 'Contenus');
    contents.values = [
      ['Date', 'Auteur', 'Type', 'Titre', 'Thème', 'Réactions'],
      ...PAYLOADS.map((p, i) => ['10/02/2026', 'M1', 'article', p, p, i]),
    ];
    model.sheets.push(stories, contents);
    const { result } = refresh(model);
    expect(result.ok).toBe(true);
    expectNoFormula(model);
    const dashboard = cellsOf(dashboardOf(model)!);
    // The issues table quotes each unknown event id in a cell of its own, exactly (ids are trimmed, SPEC §1).
    for (const p of PAYLOADS) expect(dashboard, JSON.stringify(p)).toContain(p.trim());
    // Stories show their titles.
    expect(
      dashboard.some((c) => c.includes('=HYPERLINK("http://evil.example","clic")') && c.startsWith('★')),
    ).toBe(true);
    // top_topics lists the five first topics: History and the KPI table keep them as text.
    for (const name of ['Historique', '_ClubPulse_KPI']) {
      const cells = cellsOf(sheet(model, name)).join('\n');
      expect(cells, name).toContain('@SUM(A1:A2)');
    }
  });

  it('the Surveys tab, the Responses intake and the Events link keep formula-like text as typed', () => {
    const model = fixtureWorkbook();
    const events = sheet(model, 'Événements');
    const id = '=E1+1';
    events.values.push([id, events.values[1][1], '@Petit-déjeuner', 'petit-déjeuner']);
    const bundle = run(model, { now: () => Date.UTC(2026, 10, 20, 10) });
    const created = bundle.call('createHotSurvey', id) as SurveyResult;
    expect(created.ok, JSON.stringify(created)).toBe(true);
    expect(sheet(model, 'Enquêtes').values.flat()).toContain(`HOT-${id}`);
    expect(sheet(model, 'Enquêtes').values.flat()).toContain(id);
    answerSurvey(
      bundle,
      `HOT-${id}`,
      PAYLOADS.map((p) => ({ member: 'M1', satisfaction: '4', nps: '8', comment: p })),
    );
    const responses = sheet(model, 'Réponses');
    const comments = responses.values.slice(1).map((r) => r[responses.values[0].indexOf('Commentaire')]);
    // Forms keep what the respondent typed; a leading tab or carriage return may be trimmed by the
    // form, never turned into a formula.
    for (const p of PAYLOADS)
      expect(
        comments.some((c) => c === p || c === p.trim()),
        JSON.stringify(p),
      ).toBe(true);
    expect(refresh(model).result.ok).toBe(true);
    expectNoFormula(model);
  });

  it('an import keeps formula-like names and references as typed', () => {
    const model = fixtureWorkbook();
    let text = readFileSync(samplePath('helloasso_payments_export_short_variant_sandbox.csv'), 'utf8');
    text = text.split('Larue').join('=HYPERLINK("http://evil.example")').split('Marion').join('@Marion');
    const applied = run(model).call('applyImport', { fileName: 'paiements.csv', text }) as ImportResult;
    expect(applied).toMatchObject({ ok: true, written: true });
    expectNoFormula(model);
    const members = cellsOf(sheet(model, 'Membres'));
    expect(members).toContain('=HYPERLINK("http://evil.example")');
    expect(members).toContain('@Marion');
  });
});
