// The add-on as Sheets runs it: the built bundle (dist/Code.js) in the local runtime over an
// in-memory workbook — menu in AuthMode.NONE, set up tracking tabs, refresh (dashboard, hidden KPI
// table, stamp, protection, tracking tabs untouched, bounded service calls), the sidebar, and the
// custom functions with read-only access.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RefreshResult, SidebarState } from '../../src/core/api';
import { generateClub } from '../../src/local/demo/generator';
import { loadBundle } from '../../src/local/runtime';
import { fillTabs } from '../../src/local/workbook/fill';
import { newSheetModel, newWorkbookModel, type WorkbookModel } from '../../src/local/workbook/model';
import { npsVectors } from '../nps-vectors';
import { FIXTURE_EXPECTED, FIXTURE_MISSING_TABS, FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';

const code = readFileSync('dist/Code.js', 'utf8');
const sidebar = readFileSync('dist/Sidebar.html', 'utf8');

function run(model: WorkbookModel, userLocale = 'fr') {
  return loadBundle(code, { workbook: model, htmlFiles: { Sidebar: sidebar }, userLocale });
}

function refresh(model: WorkbookModel, period = '2026-S1') {
  const bundle = run(model);
  const result = bundle.call('refreshKpis', {
    period,
    today: FIXTURE_TODAY,
    withReport: true,
  }) as RefreshResult;
  return { bundle, result };
}

const snapshot = (model: WorkbookModel, name: string) =>
  JSON.stringify(model.sheets.find((s) => s.name === name)?.values ?? null);

describe('menu', () => {
  it('builds the add-on menu in AuthMode.NONE in the user language, touching only Session and Ui', () => {
    for (const [locale, caption] of [
      ['fr', 'Actualiser les KPI'],
      ['en', 'Refresh KPIs'],
    ]) {
      const bundle = run(fixtureWorkbook(), locale);
      bundle.emulator.setAuthMode('NONE');
      bundle.call('onOpen', { authMode: 'NONE' });
      const menu = bundle.emulator.ui.menus[0];
      expect(menu.addon).toBe(true);
      expect(menu.items.map((i) => i.caption)).toContain(caption);
      expect(menu.items.map((i) => i.functionName)).toEqual([
        'showSidebar',
        'menuRefresh',
        'showMembersEdition',
        'showFundersEdition',
        undefined,
        'menuSetupTabs',
        'menuMembershipForm',
        'menuCheckInstallation',
        undefined,
        'menuExportMember',
        'menuEraseMember',
      ]);
      const services = [...bundle.emulator.counter.byMethod.keys()].map((k) => k.split('.')[0]);
      expect(new Set(services)).toEqual(new Set(['Session', 'SpreadsheetApp', 'Ui', 'Menu']));
    }
  });

  it('opens the sidebar with the built page', () => {
    const bundle = run(fixtureWorkbook());
    bundle.call('showSidebar');
    expect(bundle.emulator.ui.sidebars).toHaveLength(1);
    expect(bundle.emulator.ui.sidebars[0].title).toBe('Club Pulse');
    expect(bundle.emulator.ui.sidebars[0].html).toContain('Actualiser les KPI');
  });

  it('offers the same default period as the menu, from Settings, and fiscal years when the year starts in September', () => {
    const model = fixtureWorkbook();
    const settings = model.sheets.find((s) => s.name === 'Paramètres')!;
    settings.values.push(['default_period', '2026-Q1'], ['fiscal_year_start_month', 9]);
    const bundle = run(model);
    const state = bundle.call('getSidebarState') as SidebarState;
    expect(state.defaultPeriod).toBe('2026-Q1');
    expect(state.periods[0].label).toBe('2026-Q1');
    expect(state.periods.some((p) => /^FY\d{4}$/.test(p.label))).toBe(true);
    expect(state.periods.some((p) => /^\d{4}$/.test(p.label))).toBe(false);
    // The menu's refresh (no period given) refreshes that same period.
    bundle.call('menuRefresh');
    expect(bundle.emulator.ui.toasts.map((t) => JSON.stringify(t)).join()).toContain('(2026-Q1)');
  });
});

describe('set up tracking tabs', () => {
  it('creates every missing tab in French with header, notes, dropdowns and a frozen row, and never touches an existing tab', () => {
    const model = newWorkbookModel({ locale: 'fr_FR' });
    const members = newSheetModel(model.meta.nextSheetId++, 'Members');
    members.values = [
      ['Member ID', 'Joined on'],
      ['X1', 'kept as is'],
    ];
    model.sheets.push(members);
    const before = snapshot(model, 'Members');
    const bundle = run(model);
    const result = bundle.call('setupTrackingTabs') as { created: string[]; existing: string[] };
    expect(result.existing).toEqual(['Members']);
    expect(result.created).toHaveLength(13);
    expect(result.created).toContain('Défis');
    expect(result.created).toContain('Participations');
    expect(snapshot(model, 'Members')).toBe(before);
    const attendance = model.sheets.find((s) => s.name === 'Participations')!;
    expect(attendance.values[0]).toEqual([
      'ID événement',
      'Membre',
      'Inscrit',
      'Présent',
      'Invité',
      'Invité par',
      'Référence source',
    ]);
    expect(attendance.frozenRows).toBe(1);
    expect(attendance.notes.get('0,1')).toMatch(/ID, e-mail ou nom/);
    expect(attendance.validations.get('1,2')?.values).toEqual(['oui', 'non']);
    expect(attendance.fontWeights.get('0,0')).toBe('bold');
    // A second run creates nothing.
    const again = run(model).call('setupTrackingTabs') as { created: string[] };
    expect(again.created).toEqual([]);
  });
});

describe('refresh', () => {
  it('computes the hand-worked KPIs of the fixture through the bundle', () => {
    const { result } = refresh(fixtureWorkbook());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byId = new Map(result.report!.kpis.map((k) => [k.id, k]));
    for (const [id, expected] of Object.entries(FIXTURE_EXPECTED)) {
      expect(byId.get(id)?.value, id).toBeCloseTo(expected, 10);
    }
    expect(result.report!.issues.map((i) => [i.tab, i.row, i.code])).toEqual([
      ['Participations', 9, 'unknown_event'],
      ...FIXTURE_MISSING_TABS.map((tab) => [tab, null, 'missing_tab']),
    ]);
    // 0.75 beats the 0.6 target, but 4 active members is a sample under 5: grey.
    expect(result.kpis.find((k) => k.id === 'participation_rate')).toMatchObject({
      value: '75,0\u00a0%',
      status: 'grey',
    });
    expect(result.report!.kpis.find((k) => k.id === 'participation_rate')).toMatchObject({
      target: 0.6,
      n: 4,
    });
  });

  it('writes a protected Dashboard, the hidden KPI table and the stamp, and leaves tracking tabs untouched', () => {
    const model = fixtureWorkbook();
    const tracking = model.sheets.map((s) => [s.name, JSON.stringify(s.values)]);
    const { bundle } = refresh(model);
    for (const [name, values] of tracking) expect(snapshot(model, name)).toBe(values);
    const dashboard = model.sheets[0];
    expect(dashboard.name).toBe('Tableau de bord');
    expect(String(dashboard.values[0][0])).toContain('Club Test');
    expect(String(dashboard.values[1][0])).toContain('2026-S1');
    expect(String(dashboard.values[1][0])).toContain('2025-S2');
    expect(dashboard.formulas.size).toBe(0);
    expect(model.meta.protections.filter((p) => p.sheetId === dashboard.sheetId)).toEqual([
      expect.objectContaining({ kind: 'SHEET', warningOnly: true }),
    ]);
    const table = model.sheets.find((s) => s.name === '_ClubPulse_KPI')!;
    expect(table.hidden).toBe(true);
    expect(model.meta.namedRanges.map((r) => r.name)).toEqual(['ClubPulse_LastRefresh']);
    const ss = bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(Object.prototype.toString.call(ss.getRangeByName('ClubPulse_LastRefresh')!.getValue())).toBe(
      '[object Date]',
    );
  });

  it('rebuilds the dashboard from scratch: refreshing twice gives the same tab and one named range', () => {
    const model = fixtureWorkbook();
    refresh(model);
    const first = snapshot(model, 'Tableau de bord').replace(/Actualisé le [^·]+/, '');
    refresh(model);
    expect(snapshot(model, 'Tableau de bord').replace(/Actualisé le [^·]+/, '')).toBe(first);
    expect(model.sheets.filter((s) => s.name === 'Tableau de bord')).toHaveLength(1);
    expect(model.meta.namedRanges).toHaveLength(1);
  });

  it('puts six native charts on the dashboard, each reading its table of the hidden chart-data tab', () => {
    const model = fixtureWorkbook();
    refresh(model);
    const dashboard = model.sheets[0];
    const data = model.sheets.find((s) => s.name === '_ClubPulse_Charts')!;
    expect(data.hidden).toBe(true);
    expect(dashboard.charts.map((c) => c.type)).toEqual([
      'LINE',
      'COLUMN',
      'LINE',
      'COLUMN',
      'COLUMN',
      'COLUMN',
    ]);
    for (const chart of dashboard.charts) {
      expect(chart.ranges).toHaveLength(1);
      expect(chart.ranges[0]).toMatch(/^'?_ClubPulse_Charts'?!/);
      expect(chart.anchorColumn).toBe(10);
    }
    // The NPS-by-month table: 12 months ending in June 2026; March has 3 answers (10, 9, 7) → +67,
    // May has 2 (3, 10) → 0; months without answers are empty.
    const header = data.values[0];
    const npsColumn = header.indexOf('NPS');
    const months = data.values.slice(1, 13).map((r) => r[npsColumn - 1]);
    expect(months[0]).toBe('juil. 2025');
    expect(months[11]).toBe('juin 2026');
    const nps = Object.fromEntries(data.values.slice(1, 13).map((r) => [r[npsColumn - 1], r[npsColumn]]));
    expect(nps['mars 2026']).toBeCloseTo(200 / 3, 10);
    expect(nps['mai 2026']).toBe(0);
    expect(nps['avr. 2026']).toBe('');
  });

  it('gives each native chart its axis format (rates %, money €), every category labelled, a title saying what it counts', () => {
    const model = fixtureWorkbook();
    refresh(model);
    const charts = model.sheets[0].charts;
    const option = (key: string) => charts.map((c) => c.options[key]);
    expect(option('vAxis.format')).toEqual(['#,##0%', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0\u00a0€']);
    expect(option('hAxis.showTextEvery')).toEqual([1, 1, 1, 1, 1, 1]);
    // The monthly points are not the period's participation rate: the title says what they count.
    expect(charts[0].options.title).toBe('Part des membres actifs venus à un événement du mois');
  });

  it('keeps one History row per (period, KPI): refreshing twice changes nothing, another period adds its rows', () => {
    const model = fixtureWorkbook();
    refresh(model);
    const history = () => model.sheets.find((s) => s.name === 'Historique')!.values;
    const once = JSON.stringify(history());
    const kpis = history().length - 1;
    expect(history()[0]).toEqual([
      'Période',
      'KPI',
      'Indicateur',
      'Valeur',
      'Précédent',
      'Évolution',
      'n',
      'Unité',
      'Statut',
    ]);
    expect(
      history()
        .slice(1)
        .every((r) => r[0] === '2026-S1'),
    ).toBe(true);
    refresh(model);
    expect(JSON.stringify(history())).toBe(once);
    refresh(model, '2026-Q1');
    expect(history().length - 1).toBe(2 * kpis);
    expect(history()[1][0]).toBe('2026-Q1');
    expect(history().find((r) => r[0] === '2026-S1' && r[1] === 'nps')?.[3]).toBe(40);
  });

  it('shows the latest success stories next to the family of the KPI they illustrate', () => {
    const model = fixtureWorkbook();
    const stories = newSheetModel(model.meta.nextSheetId++, 'Succès');
    stories.values = [
      ['Date', 'Titre', 'Membres', 'KPI', 'Valeur', 'Récit'],
      [
        '10/02/2026',
        'Contrat Martin–Petit',
        'M1, M2',
        'business_generated',
        5000,
        'Une recommandation devenue contrat.',
      ],
      ['10/12/2026', 'Après la période', '', 'business_generated', 1, ''],
    ];
    model.sheets.push(stories);
    refresh(model);
    const column = model.sheets[0].values.map((r) => String(r[0] ?? ''));
    const story = column.findIndex((t) => t.startsWith('★ 10/02/2026 — Contrat Martin–Petit'));
    expect(story).toBeGreaterThan(column.indexOf('Opportunités et affaires'));
    expect(story).toBeLessThan(column.indexOf('Satisfaction'));
    expect(column.some((t) => t.includes('Après la période'))).toBe(false);
  });

  it('writes the Palmarès and the Bilan membres; names hide behind ranks when the leaderboard is not public', () => {
    const model = fixtureWorkbook();
    refresh(model);
    const board = model.sheets.find((s) => s.name === 'Palmarès')!;
    const header = board.values[4];
    expect(header.slice(0, 6)).toEqual([
      'Rang',
      'Membre',
      'Score',
      'Couleur',
      'Points pour le vert',
      'Tendance',
    ]);
    // Hand-worked in test/e2e/custom-functions.test.ts: Alice 50, Emma 30, Chloé 25, Bruno 5.
    const ranked = board.values.slice(5, 9).map((r) => [r[1], r[2]]);
    expect(ranked).toEqual([
      ['Alice Martin', 50],
      ['Emma Roux', 30],
      ['Chloé Durand', 25],
      ['Bruno Petit', 5],
    ]);
    expect(board.values.some((r) => r[1] === 'score.attendance.90' && r[2] === 20)).toBe(true);
    const statements = model.sheets.find((s) => s.name === 'Bilan membres')!;
    const alice = statements.values.find((r) => r[0] === 'Alice Martin')!;
    // Alice in 2026-S1: E1 and E2 attended; gave R1 (dated in P, won 5,000 closed 01/04/2026) and R0
    // (dated 2025-12-01, won 2,000 closed 15/01/2026): 1 referral given in P, business given
    // 5,000 + 2,000 = 7,000 closed in P; received nothing; paid 300 on 20/01/2026.
    expect(alice.slice(2, 9)).toEqual([2, 1, 0, 0, 7000, 0, 300]);
    const bruno = statements.values.find((r) => r[0] === 'Bruno Petit')!;
    // Bruno received R1: 5,000 of business for no dues paid in the period → no ratio.
    expect(bruno[5]).toBe(5000);
    expect(bruno[9]).toBe('');

    const hidden = fixtureWorkbook();
    hidden.sheets.find((s) => s.name === 'Paramètres')!.values.push(['leaderboard_public', 'non']);
    refresh(hidden);
    const anonymous = hidden.sheets.find((s) => s.name === 'Palmarès')!;
    expect(anonymous.values[5][1]).toBe('Membre n°1');
    expect(JSON.stringify(anonymous.values)).not.toContain('Alice');
    expect(JSON.stringify(hidden.sheets[0].values)).not.toContain('Alice Martin');
  });

  it('writes user text as text, never as a formula', () => {
    const model = fixtureWorkbook();
    const attendance = model.sheets.find((s) => s.name === 'Participations')!;
    attendance.values.push(['=HYPERLINK("http://evil")', 'M1', 'oui', 'oui', '', '']);
    refresh(model);
    const dashboard = model.sheets[0];
    expect(dashboard.formulas.size).toBe(0);
    expect(dashboard.values.some((r) => r.includes('=HYPERLINK("http://evil")'))).toBe(true);
  });

  it('makes the same number of Spreadsheet service calls on a small and a 50x larger club', () => {
    const calls = (scale: 'S' | 'M') => {
      const model = newWorkbookModel({ locale: 'fr_FR' });
      fillTabs(model, generateClub({ scale, today: FIXTURE_TODAY }).tabs);
      const { bundle, result } = refresh(model);
      expect(result.ok).toBe(true);
      // Utilities runs in the script itself: where Intl has no time zones (platform.ts
      // intlTimeZones) dates are read with Utilities.formatDate, a fixed number of reads a year.
      const local = bundle.emulator.counter.byMethod.get('Utilities.formatDate') ?? 0;
      return bundle.emulator.counter.calls - local;
    };
    const small = calls('S');
    const large = calls('M');
    console.log(`service calls per refresh: S ${small}, M ${large}`);
    expect(large).toBe(small);
  });

  it('refuses an invalid period with a sentence', () => {
    const { result } = refresh(fixtureWorkbook(), '2026-S3');
    expect(result).toMatchObject({ ok: false, code: 'bad_period' });
    if (!result.ok) expect(result.message).toMatch(/^Période « 2026-S3 » invalide/);
  });
});

describe('custom functions (read-only, as Sheets runs them)', () => {
  function customRun(model: WorkbookModel) {
    const bundle = run(model);
    bundle.emulator.setAuthMode('CUSTOM_FUNCTION');
    return bundle;
  }

  it('CLUB_NPS gives the NPS of every test vector', () => {
    const vectors = npsVectors();
    expect(vectors.length).toBeGreaterThanOrEqual(14);
    const bundle = customRun(fixtureWorkbook());
    for (const v of vectors) {
      const column = v.scores.map((s) => [s]);
      if (v.expected === null)
        expect(() => bundle.call('CLUB_NPS', column), v.source).toThrow(/Note NPS invalide/);
      else expect(bundle.call('CLUB_NPS', column) as number, v.source).toBeCloseTo(v.expected, 6);
    }
    expect(() => bundle.call('CLUB_NPS', [[11]])).toThrow(/Note NPS invalide « 11 »/);
  });

  it('CLUB_KPI reads the stored table for the refreshed period without reading tracking tabs', () => {
    const model = fixtureWorkbook();
    refresh(model);
    const bundle = customRun(model);
    expect(bundle.call('CLUB_KPI', 'nps', '', new Date())).toBe(40);
    expect(bundle.call('CLUB_KPI', 'participation_rate', '2026-S1')).toBe(0.75);
    const reads = bundle.emulator.counter.byMethod.get('Range.getValues') ?? 0;
    expect(reads).toBe(2);
  });

  it('CLUB_KPI computes another period live, and CLUB_KPIS returns the whole table', () => {
    const model = fixtureWorkbook();
    refresh(model);
    const bundle = customRun(model);
    // 2026-Q1: referrals dated in Q1 are R1 (won) and R2 (lost) → 2.
    expect(bundle.call('CLUB_KPI', 'referrals_given', '2026-Q1')).toBe(2);
    // The live table is cached until the next refresh: another KPI of 2026-Q1 reads only the
    // hidden table (one getValues), not the tracking tabs.
    bundle.emulator.counter.reset();
    expect(bundle.call('CLUB_KPI', 'business_generated', '2026-Q1')).toBe(2000);
    expect(bundle.emulator.counter.byMethod.get('Range.getValues')).toBe(1);
    const table = bundle.call('CLUB_KPIS') as unknown[][];
    expect(table[0]).toEqual([
      'KPI',
      'Indicateur',
      'Valeur',
      'Précédent',
      'Évolution',
      'n',
      'Unité',
      'Statut',
    ]);
    expect(table.find((r) => r[0] === 'dues_collected')?.[2]).toBe(900);
  });

  it('gives clear errors, never stack traces', () => {
    const bundle = customRun(fixtureWorkbook());
    expect(() => bundle.call('CLUB_KPI', 'npss')).toThrow(
      /^KPI inconnu « npss »\. Connus : active_members, /,
    );
    expect(() => bundle.call('CLUB_PERIOD', 'pas une date')).toThrow(/Date illisible/);
  });

  it('CLUB_PERIOD gives the period label of a date', () => {
    const bundle = customRun(fixtureWorkbook());
    expect(bundle.call('CLUB_PERIOD', new Date('2026-03-15T12:00:00Z'))).toBe('2026-S1');
    expect(bundle.call('CLUB_PERIOD', '15/03/2026', 'trimestre')).toBe('2026-Q1');
    expect(bundle.call('CLUB_PERIOD', '15/08/2026', 'mois')).toBe('2026-08');
  });

  it('cannot write: refresh from a custom function fails with the permission error', () => {
    const bundle = customRun(fixtureWorkbook());
    expect(() => bundle.call('setupTrackingTabs')).toThrow(/permission/i);
  });
});
