/**
 * Custom KPIs (src/core/custom-kpis.ts), hand-worked (issue 23): ids, the grammar and every reason a
 * definition is refused (with the names it lists), `where` on each kind of column (choice, yes/no,
 * date, number, text) with its value quoted or not, units, and which rows count in 2026-S1 (1
 * January – 30 June 2026, today 15 September 2026): by the tab's own date, Attendance by its event's
 * date (the first dated row of an event id), undated rows never. Every report is built inside its
 * test.
 */

import { describe, expect, it } from 'vitest';
import { cellLocaleOf } from '../../../src/core/cells';
import { customDefinition, isCustomKpiId, parseCustomKpis } from '../../../src/core/custom-kpis';
import { IssueLog } from '../../../src/core/issues';
import { defaultSettings } from '../../../src/core/settings';
import { kpi, MEMBERS_HEADER, memberRows, run, sheetDate, tab } from '../fixtures';

const fr = cellLocaleOf('fr_FR', 'Europe/Paris');

/** Parses `definitions` (id → text) straight, as Settings hands them over; specs and issue messages. */
function parse(definitions: Record<string, string>, labels: Record<string, string> = {}) {
  const settings = defaultSettings();
  settings.customKpiLabels = labels;
  settings.customKpis = Object.entries(definitions).map(([id, definition], i) => ({
    id,
    definition,
    row: i + 2,
    key: `custom_kpi.${id}`,
  }));
  const log = new IssueLog('fr');
  const specs = parseCustomKpis(settings, 'Paramètres', fr, log);
  return { specs, messages: log.issues.map((i) => i.message), issues: log.issues };
}

const settingsTab = (...rows: unknown[][]) => tab('Paramètres', ['Clé', 'Valeur'], rows);
const measured = (tabs: ReturnType<typeof tab>[], definition: string) =>
  kpi(run([...tabs, settingsTab(['custom_kpi.x', definition])]), 'custom:x');

describe('isCustomKpiId', () => {
  it('takes custom: followed by lowercase letters, digits and _', () => {
    expect(['custom:visits', 'custom:a_1'].map(isCustomKpiId)).toEqual([true, true]);
    expect(
      ['custom:', 'custom:Visits', 'custom:a-b', 'visits', 'nps', 'my-custom:visits'].map(isCustomKpiId),
    ).toEqual([false, false, false, false, false, false]);
  });
});

describe('parseCustomKpis', () => {
  it('reads count and sum, their units and labels, the definition trimmed', () => {
    const { specs, messages } = parse(
      {
        hours: '  sum Événements . volunteer_hours  ',
        invest: 'sum Investissements.heures',
        deals: 'SUM referrals.montant',
        spend: 'sum investment.amount',
        seats: 'sum Events.places',
        rows: 'Count Membres',
      },
      { seats: 'Places offertes' },
    );
    expect(messages).toEqual([]);
    expect(specs.map((s) => [s.kpiId, s.label, s.tab, s.op, s.column, s.unit, s.where, s.text])).toEqual([
      [
        'custom:hours',
        'hours',
        'events',
        'sum',
        'volunteer_hours',
        'hours',
        null,
        'sum Événements . volunteer_hours',
      ],
      ['custom:invest', 'invest', 'investment', 'sum', 'hours', 'hours', null, 'sum Investissements.heures'],
      ['custom:deals', 'deals', 'referrals', 'sum', 'value', 'money', null, 'SUM referrals.montant'],
      ['custom:spend', 'spend', 'investment', 'sum', 'amount', 'money', null, 'sum investment.amount'],
      ['custom:seats', 'Places offertes', 'events', 'sum', 'capacity', 'count', null, 'sum Events.places'],
      ['custom:rows', 'rows', 'members', 'count', null, 'count', null, 'Count Membres'],
    ]);
  });

  it('names the known tabs and columns in its reasons, and the definition as typed', () => {
    const { messages, issues: found } = parse({
      settings: 'count Paramètres',
      challenges: 'count Défis',
      price: 'sum Events.price',
      colour: 'count Events where couleur = bleu',
      ok: 'count Events',
      ok_again: 'count Events',
    });
    expect(messages[0]).toContain(
      'onglet « Paramètres » inconnu (connus : members, dues, events, attendance, communications, interactions, referrals, contents, responses, visibility, stories, investment, challenges)',
    );
    expect(messages[1]).toContain(
      'l’onglet « Défis » n’a pas de colonne de date pour situer ses lignes dans une période',
    );
    const eventColumns =
      'event_id, date, title, format, capacity, cost, volunteer_hours, hot_survey, source_ref';
    expect(messages[2]).toContain(
      `colonne « price » inconnue dans l’onglet events (connues : ${eventColumns})`,
    );
    expect(messages[3]).toContain(
      `colonne « couleur » inconnue dans l’onglet events (connues : ${eventColumns})`,
    );
    expect(found.map((i) => [i.row, i.column, i.value])).toEqual([
      [2, 'custom_kpi.settings', 'custom_kpi.settings = count Paramètres'],
      [3, 'custom_kpi.challenges', 'custom_kpi.challenges = count Défis'],
      [4, 'custom_kpi.price', 'custom_kpi.price = sum Events.price'],
      [5, 'custom_kpi.colour', 'custom_kpi.colour = count Events where couleur = bleu'],
    ]);
  });

  it('names the KPI defined twice', () => {
    const settings = defaultSettings();
    settings.customKpis = [
      { id: 'ok', definition: 'count Events', row: 2, key: 'custom_kpi.ok' },
      { id: 'ok', definition: 'count Members', row: 3, key: 'custom_kpi.OK' },
    ];
    const log = new IssueLog('en');
    expect(parseCustomKpis(settings, 'Settings', fr, log).map((s) => s.text)).toEqual(['count Events']);
    expect(log.issues[0]).toMatchObject({ tab: 'Settings', row: 3, column: 'custom_kpi.OK' });
    expect(log.issues[0].message).toContain('KPI custom:ok is already defined above: this row is ignored');
  });

  it('refuses a where value its column cannot hold, naming value and column', () => {
    const { messages } = parse({
      a: 'count Participations where présent = peut-être',
      b: 'count Recommandations where clôture = demain',
      c: 'count Réponses where nps = neuf',
      d: 'count Events where coût = 4"0"',
      e: 'count Events where coût = "4"0',
      f: 'count Events where format =',
      g: 'count Participations where présent =',
      h: 'count Recommandations where clôture =',
      i: 'count Events where coût =',
    });
    expect(messages[0]).toContain('valeur « peut-être » illisible pour la colonne attended');
    expect(messages[1]).toContain('valeur « demain » illisible pour la colonne closed_on');
    expect(messages[2]).toContain('valeur « neuf » illisible pour la colonne nps');
    // Quotes are taken off a value only when they wrap it whole; an empty value is no value.
    expect(messages[3]).toContain('valeur « 4"0" » illisible pour la colonne cost');
    expect(messages[4]).toContain('valeur « "4"0 » illisible pour la colonne cost');
    expect(messages.slice(5)).toEqual([
      expect.stringContaining('valeur «  » illisible pour la colonne format'),
      expect.stringContaining('valeur «  » illisible pour la colonne attended'),
      expect.stringContaining('valeur «  » illisible pour la colonne closed_on'),
      expect.stringContaining('valeur «  » illisible pour la colonne cost'),
    ]);
  });
});

describe('where on each kind of column, in 2026-S1', () => {
  const events = () =>
    tab(
      'Événements',
      ['ID événement', 'Date', 'Titre', 'Format', 'Coût', 'Places'],
      [
        ['E1', sheetDate('2026-01-01'), 'Soirée \u0027pro\u0027', 'webinaire', 40, 30],
        ['E2', sheetDate('2026-06-30'), '\u0027pro\u0027 soirée', 'afterwork', 40, 20],
        ['E3', sheetDate('2025-12-31'), 'Veille', 'webinaire', 40, 50],
        ['E4', sheetDate('2026-07-01'), 'Lendemain', 'webinaire', 40, 60],
        ['E5', '', 'Sans date', 'webinaire', 40, 70],
      ],
    );

  it('counts rows from the first to the last day of the period, never undated ones', () => {
    // E1 (1 January) and E2 (30 June) only.
    expect(measured([events()], 'count Événements')).toMatchObject({ value: 2, n: 2 });
    expect(measured([events()], 'sum Événements.places')).toMatchObject({ value: 50, n: 2 });
  });

  it('matches a choice, a number, a quoted choice with or without spaces, and text', () => {
    expect(measured([events()], 'count Événements where format = webinaire').value).toBe(1);
    expect(measured([events()], 'count Événements where format = «webinaire»').value).toBe(1);
    expect(measured([events()], 'count Événements where format = «  webinar  »').value).toBe(1);
    expect(measured([events()], "count Événements where format = 'afterwork'").value).toBe(1);
    expect(measured([events()], 'sum Événements.places where coût = 40')).toMatchObject({ value: 50, n: 2 });
    expect(measured([events()], 'count Événements where places = 30').value).toBe(1);
    // Numbers are read as numbers (a French decimal, a value wholly quoted), not compared as text.
    expect(measured([events()], 'count Événements where places = 30,0').value).toBe(1);
    expect(measured([events()], 'sum Événements.places where coût = 40,0').value).toBe(50);
    expect(measured([events()], 'sum Événements.places where coût = "40"').value).toBe(50);
    expect(measured([events()], 'count Événements where titre = Lendemain').value).toBe(0);
    // Text, compared leniently: quotes inside a value are kept, only a value wholly quoted is unquoted.
    expect(measured([events()], "count Événements where titre = SOIRÉE 'pro'").value).toBe(1);
    expect(measured([events()], "count Événements where titre = 'pro' soirée").value).toBe(1);
    expect(measured([events()], 'count Événements where titre = "Soirée \u0027pro\u0027"').value).toBe(1);
  });

  it('matches yes/no and dates', () => {
    const tabs = [
      tab('Membres', MEMBERS_HEADER, memberRows(3, '01/01/2025')),
      events(),
      tab(
        'Participations',
        ['ID événement', 'Membre', 'Inscrit', 'Présent'],
        [
          ['E1', 'M001', 'oui', 'oui'],
          ['E1', 'M002', 'oui', 'non'],
          ['E2', 'M003', 'oui', 'oui'],
          ['E3', 'M001', 'oui', 'oui'],
        ],
      ),
      tab(
        'Recommandations',
        ['Date', 'De', 'À', 'Clôture'],
        [
          [sheetDate('2026-02-01'), 'M001', 'M002', sheetDate('2026-03-15')],
          [sheetDate('2026-02-02'), 'M002', 'M001', sheetDate('2026-03-16')],
          [sheetDate('2026-02-03'), 'M003', 'M001', ''],
        ],
      ),
    ];
    expect(measured(tabs, 'count Participations where présent = oui').value).toBe(2);
    expect(measured(tabs, 'count Participations where présent = non').value).toBe(1);
    expect(measured(tabs, 'count Recommandations where clôture = 15/03/2026').value).toBe(1);
  });
});

describe('which rows count', () => {
  it('dates Attendance by the first dated row of its event, whatever the tab', () => {
    const tabs = [
      tab('Membres', MEMBERS_HEADER, memberRows(2, '01/01/2025')),
      tab(
        'Événements',
        ['ID événement', 'Date'],
        [
          ['E1', sheetDate('2026-03-01')],
          ['E1', sheetDate('2025-10-01')],
          ['E2', ''],
          ['E2', sheetDate('2026-04-01')],
          ['E3', sheetDate('2025-11-01')],
        ],
      ),
      tab(
        'Participations',
        ['ID événement', 'Membre', 'Inscrit', 'Présent'],
        [
          ['E1', 'M001', 'oui', 'oui'],
          ['E2', 'M001', 'oui', 'oui'],
          ['E3', 'M002', 'oui', 'oui'],
        ],
      ),
    ];
    // E1 counts on 1 March (its first row), E2 on 1 April (its first dated row), E3 in 2025.
    expect(measured(tabs, 'count Participations')).toMatchObject({ value: 2, n: 2 });
  });

  it('counts nothing for Attendance without an Events tab, and no data for a tab without rows', () => {
    const attendance = tab(
      'Participations',
      ['ID événement', 'Membre', 'Inscrit', 'Présent'],
      [['E1', 'M001', 'oui', 'oui']],
    );
    expect(
      measured([tab('Membres', MEMBERS_HEADER, memberRows(1)), attendance], 'count Participations'),
    ).toMatchObject({
      value: 0,
      n: 0,
    });
    const empty = tab('Contenus', ['Date', 'Auteur', 'Thème']);
    expect(measured([empty], 'count Contenus')).toMatchObject({ value: null, n: 0 });
  });

  it('dates a tab by its own date column even when its rows carry an event id', () => {
    const tabs = [
      tab('Événements', ['ID événement', 'Date'], [['E1', sheetDate('2025-10-01')]]),
      tab(
        'Réponses',
        ['Horodateur', 'ID enquête', 'Type', 'ID événement', 'Code membre', 'NPS'],
        [
          [sheetDate('2026-03-02'), 'HOT-E1', 'chaud', 'E1', '', 9],
          [sheetDate('2026-03-03'), 'HOT-E1', 'chaud', 'E1', '', 7],
        ],
      ),
    ];
    expect(measured(tabs, 'count Réponses where nps = 9')).toMatchObject({ value: 1, n: 1 });
    expect(measured(tabs, 'sum Réponses.nps')).toMatchObject({ value: 16, n: 2 });
  });
});

describe('customDefinition', () => {
  it('is a KPI of family custom, on its tab, whose formula quotes the Settings key and the text', () => {
    const [spec] = parse({ seats: 'count participations' }).specs;
    const def = customDefinition(spec);
    expect(def).toMatchObject({
      id: 'custom:seats',
      family: 'custom',
      label: { fr: 'seats', en: 'seats' },
      unit: 'count',
      tabs: ['attendance'],
      formula: {
        fr: 'Indicateur du club (Paramètres custom_kpi.seats) : count participations',
        en: 'Club indicator (Settings custom_kpi.seats): count participations',
      },
    });
  });
});
