// Issue 18 through the built bundle in the emulator, on the hand-worked club of club-fixture.ts:
// a custom KPI end to end (Settings row → dashboard, History, JSON, CLUB_KPI), a KPI switched off
// and back on keeping its history, the Member voices tab, and the KPI review saved into Settings.
//
// custom_kpi.breakfasts = count Événements where format = petit-déjeuner
//   → 2026-S1: E1 (12/03) = 1; 2025-S2: none, the tab has rows → 0
// custom_kpi.won = sum Recommandations.valeur where statut = gagné
//   → 2026-S1: R1 5,000 (dated 01/02/2026); 2025-S2: R0 2,000 (dated 01/12/2025)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/core/compute';
import type { KpiReviewResult, KpiReviewSaved } from '../../src/core/kpi-review';
import { formsOf } from '../../src/local/emulator/forms';
import { loadBundle } from '../../src/local/runtime';
import { answerSurvey } from '../../src/local/surveys';
import type { WorkbookModel } from '../../src/local/workbook/model';
import { d, FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';

const code = readFileSync('dist/Code.js', 'utf8');
const sidebar = readFileSync('dist/Sidebar.html', 'utf8');

function bundleOf(model: WorkbookModel) {
  return loadBundle(code, { workbook: model, htmlFiles: { Sidebar: sidebar }, userLocale: 'fr' });
}

function sheet(model: WorkbookModel, name: string) {
  const found = model.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`No sheet ${name}`);
  return found;
}

function setSetting(model: WorkbookModel, key: string, value: unknown): void {
  const settings = sheet(model, 'Paramètres').values;
  const row = settings.find((r) => r[0] === key);
  if (row) row[1] = value as never;
  else settings.push([key, value as never]);
}

function club(): WorkbookModel {
  const model = fixtureWorkbook();
  setSetting(model, 'custom_kpi.breakfasts', 'count Événements where format = petit-déjeuner');
  setSetting(model, 'custom_kpi.breakfasts.label', 'Petits-déjeuners');
  setSetting(model, 'custom_kpi.won', 'sum Recommandations.valeur where statut = gagné');
  const answers = sheet(model, 'Réponses').values;
  answers[0].push('Formats préférés', 'Commentaire');
  answers.push([
    d(2026, 6, 2),
    'COLD-2026-S1',
    'froid',
    '',
    '',
    5,
    '',
    'petit-déjeuner',
    '=1+1 super réseau',
  ]);
  return model;
}

function refresh(model: WorkbookModel, period: string): ReportJson {
  const result = bundleOf(model).call('refreshKpis', { period, today: FIXTURE_TODAY, withReport: true }) as {
    ok: boolean;
    report: ReportJson;
  };
  expect(result.ok).toBe(true);
  return result.report;
}

function clubKpi(model: WorkbookModel, id: string, period = ''): unknown {
  const bundle = bundleOf(model);
  bundle.emulator.setAuthMode('CUSTOM_FUNCTION');
  return bundle.call('CLUB_KPI', id, period);
}

const historyRow = (model: WorkbookModel, period: string, id: string) =>
  sheet(model, 'Historique').values.find((r) => r[0] === period && r[1] === id);

describe('a custom KPI end to end', () => {
  it('goes from its Settings row to the dashboard, History, the JSON and CLUB_KPI', () => {
    const model = club();
    refresh(model, '2025-S2');
    const json = refresh(model, '2026-S1');
    expect(json.kpis.find((k) => k.id === 'custom:breakfasts')).toMatchObject({
      value: 1,
      previous: 0,
      delta: 1,
      n: 1,
      unit: 'count',
    });
    expect(json.kpis.find((k) => k.id === 'custom:won')).toMatchObject({
      value: 5000,
      previous: 2000,
      unit: 'money',
    });
    const dashboard = sheet(model, 'Tableau de bord').values;
    const at = dashboard.findIndex((r) => r[0] === 'Indicateurs du club');
    expect(at).toBeGreaterThan(0);
    expect(dashboard[at + 2].slice(0, 2)).toEqual(['Petits-déjeuners', 1]);
    expect(historyRow(model, '2026-S1', 'custom:breakfasts')?.slice(0, 5)).toEqual([
      '2026-S1',
      'custom:breakfasts',
      'Petits-déjeuners',
      1,
      0,
    ]);
    expect(historyRow(model, '2025-S2', 'custom:won')?.[3]).toBe(2000);
    expect(clubKpi(model, 'custom:breakfasts')).toBe(1);
    expect(clubKpi(model, 'custom:won', '2026-S1')).toBe(5000);
    expect(clubKpi(model, 'custom:won', '2025-S2')).toBe(2000);
    expect(() => clubKpi(model, 'custom:nothing')).toThrow(
      /^L'indicateur du club « custom:nothing » n'est pas défini \(ligne custom_kpi\.nothing des Paramètres\) ou il est désactivé\.$/,
    );
  });

  it('reports a bad definition as a data issue with its row, and refresh still works', () => {
    const model = club();
    setSetting(model, 'custom_kpi.bad', '=SUM(A1:A9)');
    const json = refresh(model, '2026-S1');
    const issue = json.issues.find((i) => i.column === 'custom_kpi.bad');
    expect(issue).toMatchObject({ tab: 'Paramètres', row: 7, code: 'bad_setting' });
    expect(issue?.message).toContain('aucune formule n’est calculée');
    expect(json.kpis.some((k) => k.id === 'custom:bad')).toBe(false);
  });
});

describe('a KPI switched off and back on', () => {
  it('keeps its past in History and for CLUB_KPI, and comes back', () => {
    const model = club();
    refresh(model, '2025-S2');
    refresh(model, '2026-S1');
    setSetting(model, 'enabled_kpis', 'nps, participation_rate');
    const off = refresh(model, '2026-S1');
    expect(off.kpis.map((k) => k.id)).toEqual(['participation_rate', 'nps']);
    expect(historyRow(model, '2026-S1', 'custom:breakfasts')?.[3]).toBe(1);
    expect(historyRow(model, '2026-S1', 'business_generated')?.[3]).toBe(7000);
    expect(() => clubKpi(model, 'custom:breakfasts')).toThrow(/n'est pas défini .* ou il est désactivé/);
    expect(clubKpi(model, 'custom:won', '2025-S2')).toBe(2000);
    // referrals_given, switched off too: R0 (01/12/2025) is kept for 2025-S2.
    expect(clubKpi(model, 'referrals_given', '2025-S2')).toBe(1);
    expect(sheet(model, 'Tableau de bord').values.some((r) => r[0] === 'Petits-déjeuners')).toBe(false);

    setSetting(model, 'enabled_kpis', 'all');
    refresh(model, '2026-S1');
    expect(clubKpi(model, 'custom:breakfasts')).toBe(1);
    expect(
      sheet(model, 'Historique').values.filter((r) => r[0] === '2026-S1' && r[1] === 'custom:breakfasts'),
    ).toHaveLength(1);
  });
});

describe('the Member voices tab', () => {
  it('is written by refresh, with free answers as text and no member code', () => {
    const model = club();
    const json = refresh(model, '2026-S1');
    expect(json.voice.quotes).toEqual([
      { survey_id: 'COLD-2026-S1', question: 'comment', text: '=1+1 super réseau', date: '2026-06-02' },
    ]);
    const voice = sheet(model, 'Paroles de membres');
    const cells = voice.values.flat().map(String);
    expect(cells).toContain('=1+1 super réseau');
    expect(voice.formulas.size).toBe(0);
    expect(cells.join('\n')).not.toMatch(/\bM\d\b|Alice|Bruno|Chloé|Emma/);
    expect(cells[0]).toBe('Paroles de membres — 2026-S1');
  });
});

describe('the cold survey asks for workshops and KPIs (Settings lists)', () => {
  it('asks both questions, and the answers reach Responses, the tallies and the dashboard', () => {
    const model = club();
    setSetting(model, 'survey_workshops', 'Prospection; Réseaux sociaux, LinkedIn');
    setSetting(model, 'survey_kpis', 'nps, custom:breakfasts, unknown_kpi');
    const bundle = loadBundle(code, {
      workbook: model,
      userLocale: 'fr',
      now: () => Date.UTC(2026, 10, 20, 10),
    });
    const created = bundle.call('createColdSurvey', '2026-S1') as { ok: boolean };
    expect(created.ok).toBe(true);
    const form = formsOf(model)[0]!;
    const item = (title: string) => form.items.find((i) => i.title === title)!;
    expect(item('Quels ateliers aimeriez-vous que le club organise ?').choices).toEqual([
      'Prospection',
      'Réseaux sociaux',
      'LinkedIn',
      'Autre',
    ]);
    expect(item('Quels indicateurs comptent le plus pour vous ?').choices).toEqual([
      'NPS (recommandation du réseau)',
      'Petits-déjeuners',
    ]);
    const answered = answerSurvey(bundle, 'COLD-2026-S1', [
      { member: 'M1', nps: '9', workshop_wishes: 'Prospection; Autre', kpi_votes: 'Petits-déjeuners' },
      {
        member: 'M3',
        nps: '8',
        workshop_wishes: 'Prospection',
        kpi_votes: 'NPS (recommandation du réseau); Petits-déjeuners',
      },
    ]);
    expect(answered).toMatchObject({ submitted: 2, skipped: [], unknownFields: [] });
    const responses = sheet(model, 'Réponses').values.filter((r) => r.some((v) => v !== ''));
    const header = responses[0];
    const last = responses[responses.length - 1];
    expect(last[header.indexOf('Ateliers souhaités')]).toBe('Prospection');
    expect(last[header.indexOf('Indicateurs importants')]).toBe(
      'NPS (recommandation du réseau), Petits-déjeuners',
    );
    refresh(model, '2026-S2');
    const dashboard = sheet(model, 'Tableau de bord').values.map((r) => r[0]);
    expect(dashboard).toContain('Ateliers souhaités (2 réponse(s))\u00a0: Prospection (2), Autre (1)');
    expect(dashboard).toContain(
      'Indicateurs importants pour les membres (2 réponse(s))\u00a0: Petits-déjeuners (2), NPS (recommandation du réseau) (1)',
    );
  });
});

describe('the KPI review', () => {
  it('lists every KPI and saves the board’s decision into Settings', () => {
    const model = club();
    const bundle = bundleOf(model);
    const review = bundle.call('getKpiReview', {
      period: '2026-S1',
      today: FIXTURE_TODAY,
    }) as KpiReviewResult;
    if (!review.ok) throw new Error(review.message);
    expect(review.review.rows.find((r) => r.id === 'custom:breakfasts')).toMatchObject({
      enabled: true,
      hasData: true,
      moved: 'up',
    });
    const saved = bundle.call('saveKpiReview', {
      period: '2026-S1',
      today: FIXTURE_TODAY,
      enabled: ['nps', 'custom:breakfasts'],
      targets: { nps: '30', participation_rate: '' },
    }) as KpiReviewSaved;
    expect(saved).toEqual({
      ok: true,
      enabled: 2,
      message:
        'Revue enregistrée dans l’onglet Paramètres : 2 indicateur(s) suivi(s). Actualisez les KPI pour mettre le tableau de bord à jour.',
    });
    const settings = sheet(model, 'Paramètres').values;
    const value = (key: string) => settings.find((r) => r[0] === key)?.[1];
    expect(value('enabled_kpis')).toBe('nps, custom:breakfasts');
    expect(value('target.nps')).toBe(30);
    expect(value('target.participation_rate')).toBe('');
    expect(value('last_kpi_review')).toBe(FIXTURE_TODAY);
    const after = refresh(model, '2026-S1');
    expect(after.kpis.map((k) => [k.id, k.target])).toEqual([
      ['nps', 30],
      ['custom:breakfasts', null],
    ]);
    expect(sheet(model, 'Tableau de bord').values.flat()).toContain(
      'Revue des indicateurs : dernière le 27/11/2026, prochaine conseillée vers le 27/05/2027.',
    );
  });
});
