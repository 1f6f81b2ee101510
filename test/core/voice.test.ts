// The voice of the members (issue 18) on a small club worked out by hand. Period 2026-S1, today
// 2026-09-15, fr_FR.
//
// Events of P: E01 petit-déjeuner (10/01), E02–E09 afterwork (8), E10–E12 webinaire (3) → 12 events.
// Cold answers COLD-2026-S1 (submitted 01/06 + i days), preferred formats:
//   M001 petit-déjeuner, afterwork · M002 Petit-déjeuner (its earlier answer of 30/05 is a duplicate,
//   left out) · M003 petit dejeuner; webinaire · M004 petit-déjeuner, afterwork · M005 afterwork ·
//   M006 webinaire · M007 conférence · M008 visite · M009 formation · anonymous: autre ·
//   M010 (no format: not a respondent of the question)
//   → 10 respondents; breakfast 4/10 = 0.4 asked, 1/12 offered; afterwork 3/10 asked, 8/12 offered;
//     webinar 2/10, 3/12.
// Hot answers about E01 (breakfast): satisfaction 5 and 4 → 4.5.
// Free answers (question, date) and the default French themes:
//   M001 most_valuable « Deux nouveaux clients grâce au réseau » (01/06) → Affaires, Rencontres
//   M002 expectations « Plus de rencontres business » (02/06)          → Affaires, Rencontres
//   M003 comment « Horaires du soir difficiles » (03/06)                → Formats et horaires
//   anonymous comment « =SUM(A1) le réseau m'a aidé » (10/06)           → Rencontres, Entraide
//   M010 comment « Merci » (11/06)                                      → none
//   → Rencontres 3, Affaires 2, Formats et horaires 1, Entraide 1, Formation 0, Visibilité 0.
// Workshops (Settings survey_workshops = Prospection; Réseaux sociaux): M001 « Prospection, Autre »,
//   M002 « Prospection » → 2 answers: Prospection 2, Autre 1.
// KPI votes: M001 « Taux de participation, NPS », M002 « NPS » → 2 answers: nps 2, participation_rate 1.

import { describe, expect, it } from 'vitest';
import { reportToJson } from '../../src/core/compute';
import { buildDashboard } from '../../src/core/dashboard';
import { buildVoiceTab } from '../../src/core/voice-tab';
import { MEMBERS_HEADER, memberRows, run, sheetDate, tab } from './fixtures';

const RESPONSES_HEADER = [
  'Horodatage',
  'ID enquête',
  "Type d'enquête",
  'ID événement',
  'Membre',
  'Satisfaction',
  'Formats préférés',
  'Le plus bénéfique',
  'Attentes',
  'Commentaire',
  'Ateliers souhaités',
  'Indicateurs importants',
];

const june = (day: number) => sheetDate(`2026-06-${String(day).padStart(2, '0')}`);
const cold = (day: number, member: string, formats: string, extra: Partial<Record<number, string>> = {}) => {
  const row: unknown[] = [june(day), 'COLD-2026-S1', 'froid', '', member, '', formats, '', '', '', '', ''];
  for (const [i, v] of Object.entries(extra)) row[Number(i)] = v;
  return row;
};

function events(): unknown[][] {
  const rows: unknown[][] = [['E01', sheetDate('2026-01-10'), 'petit-déjeuner', 'oui']];
  for (let i = 2; i <= 9; i++) rows.push([`E0${i}`, sheetDate(`2026-0${1 + (i % 5)}-15`), 'afterwork', '']);
  for (let i = 10; i <= 12; i++) rows.push([`E${i}`, sheetDate('2026-04-20'), 'webinaire', '']);
  return rows;
}

function voiceClub(settings: unknown[][] = []) {
  return [
    tab('Membres', MEMBERS_HEADER, memberRows(10, '01/01/2025')),
    tab('Événements', ['ID événement', 'Date', 'Format', 'Enquête à chaud'], events()),
    tab('Réponses', RESPONSES_HEADER, [
      [sheetDate('2026-01-11'), 'HOT-E01', 'chaud', 'E01', 'M001', 5, '', '', '', '', '', ''],
      [sheetDate('2026-01-11'), 'HOT-E01', 'chaud', 'E01', 'M002', 4, '', '', '', '', '', ''],
      cold(1, 'M001', 'petit-déjeuner, afterwork', {
        7: 'Deux nouveaux clients grâce au réseau',
        10: 'Prospection, Autre',
        11: 'Taux de participation, NPS',
      }),
      [
        sheetDate('2026-05-30'),
        'COLD-2026-S1',
        'froid',
        '',
        'M002',
        '',
        'webinaire',
        '',
        '',
        'ancienne réponse',
        '',
        '',
      ],
      cold(2, 'M002', 'Petit-déjeuner', { 8: 'Plus de rencontres business', 10: 'Prospection', 11: 'NPS' }),
      cold(3, 'M003', 'petit dejeuner; webinaire', { 9: 'Horaires du soir difficiles' }),
      cold(4, 'M004', 'petit-déjeuner, afterwork'),
      cold(5, 'M005', 'afterwork'),
      cold(6, 'M006', 'webinaire'),
      cold(7, 'M007', 'conférence'),
      cold(8, 'M008', 'visite'),
      cold(9, 'M009', 'formation'),
      cold(10, '', 'autre', { 9: "=SUM(A1) le réseau m'a aidé" }),
      cold(11, 'M010', '', { 9: 'Merci' }),
    ]),
    tab('Paramètres', ['Clé', 'Valeur'], [['survey_workshops', 'Prospection; Réseaux sociaux'], ...settings]),
  ];
}

describe('preferred formats vs formats offered', () => {
  it('tallies respondents and events by format, with the satisfaction of hot answers', () => {
    const report = run(voiceClub());
    const byFormat = new Map(report.voice.formats.map((f) => [f.format, f]));
    expect(report.voice.formatRespondents).toBe(10);
    expect(report.voice.events).toBe(12);
    expect(byFormat.get('breakfast')).toMatchObject({
      asked: 4,
      askedShare: 0.4,
      offered: 1,
      satisfaction: 4.5,
    });
    expect(byFormat.get('breakfast')!.offeredShare).toBeCloseTo(1 / 12, 12);
    expect(byFormat.get('afterwork')).toMatchObject({
      asked: 3,
      askedShare: 0.3,
      offered: 8,
      satisfaction: null,
    });
    expect(byFormat.get('webinar')).toMatchObject({ asked: 2, askedShare: 0.2, offered: 3 });
    // Most asked first.
    expect(report.voice.formats[0].format).toBe('breakfast');
  });

  it('recommends the format members ask for and the club rarely runs, and only that one', () => {
    const report = run(voiceClub());
    const fired = report.recommendations.filter((r) => r.id.startsWith('members_ask_format'));
    // breakfast: 40 % ≥ 30 % asked, 1/12 < 20 % offered; afterwork: 30 % asked but 8/12 offered.
    expect(fired.map((r) => r.id)).toEqual(['members_ask_format:breakfast']);
    expect(fired[0].text).toBe(
      '40,0\u00a0% des répondants demandent le format « petit-déjeuner », 1 événement sur 12 en était un : programmez-en davantage.',
    );
    expect(fired[0].severity).toBe(2);
    const en = run(voiceClub([['language', 'en']]));
    expect(en.recommendations.find((r) => r.id === 'members_ask_format:breakfast')!.text).toBe(
      '40.0\u00a0% of respondents ask for the "breakfast" format, 1 event in 12 was one: schedule more of it.',
    );
  });

  it('stays silent under five respondents', () => {
    const tabs = voiceClub();
    const responses = tabs[2];
    // Keep the two hot answers and four cold ones: 4 respondents of the question.
    responses.values = responses.values.slice(0, 7);
    const report = run(tabs);
    expect(report.recommendations.some((r) => r.id.startsWith('members_ask_format'))).toBe(false);
  });
});

describe('themes and quotes', () => {
  it('counts answers per theme with the built-in keywords', () => {
    const report = run(voiceClub());
    expect(report.voice.themes.map((t) => [t.theme, t.count])).toEqual([
      ['Rencontres', 3],
      ['Affaires', 2],
      ['Formats et horaires', 1],
      ['Entraide', 1],
      ['Formation', 0],
      ['Visibilité', 0],
    ]);
  });

  it('uses the club’s own keyword list from Settings instead', () => {
    const report = run(
      voiceClub([
        ['theme.Horaires', 'horaire, soir'],
        ['theme.Clients', 'client, business'],
      ]),
    );
    expect(report.voice.themes.map((t) => [t.theme, t.count])).toEqual([
      ['Clients', 2],
      ['Horaires', 1],
    ]);
  });

  it('lists free answers newest first, without the duplicate answer, never with a member', () => {
    const report = run(voiceClub());
    const json = reportToJson(report);
    expect(json.voice.quotes).toEqual([
      { survey_id: 'COLD-2026-S1', question: 'comment', text: 'Merci', date: '2026-06-11' },
      {
        survey_id: 'COLD-2026-S1',
        question: 'comment',
        text: "=SUM(A1) le réseau m'a aidé",
        date: '2026-06-10',
      },
      {
        survey_id: 'COLD-2026-S1',
        question: 'comment',
        text: 'Horaires du soir difficiles',
        date: '2026-06-03',
      },
      {
        survey_id: 'COLD-2026-S1',
        question: 'expectations',
        text: 'Plus de rencontres business',
        date: '2026-06-02',
      },
      {
        survey_id: 'COLD-2026-S1',
        question: 'most_valuable',
        text: 'Deux nouveaux clients grâce au réseau',
        date: '2026-06-01',
      },
    ]);
    expect(Object.keys(json.voice)).toEqual(['preferred_formats', 'themes', 'quotes']);
    expect(json.voice.preferred_formats[0]).toEqual({
      format: 'breakfast',
      asked_share: 0.4,
      offered_share: 1 / 12,
      satisfaction: 4.5,
    });
    expect(json.voice.themes[0]).toEqual({ theme: 'Rencontres', count: 3 });
  });

  it('shows no member code or name in the tab or the dashboard block', () => {
    const report = run(voiceClub([['anonymous_surveys', 'oui']]));
    const tabText = buildVoiceTab(report).values.flat().join('\n');
    const dashboard = buildDashboard(report, '15/09/2026 10:00').values.flat().join('\n');
    for (const text of [
      tabText,
      dashboard.slice(dashboard.indexOf('Paroles de membres'), dashboard.indexOf('Palmarès')),
    ]) {
      expect(text).not.toMatch(/M0\d\d|Prenom|Nom\d/);
    }
    expect(tabText).toContain("=SUM(A1) le réseau m'a aidé");
    expect(tabText).toContain('Horaires du soir difficiles');
    expect(dashboard).toContain('« Merci » — Commentaire, COLD-2026-S1, 11/06/2026');
    expect(dashboard).toContain(
      'Thèmes récurrents\u00a0: Rencontres (3), Affaires (2), Formats et horaires (1), Entraide (1)',
    );
  });
});

describe('in an English workbook', () => {
  it('names the tab, the themes, the questions and the other choice in English', () => {
    const report = run(voiceClub([['language', 'en']]));
    const layout = buildVoiceTab(report);
    expect(layout.name).toBe('Member voices');
    const text = layout.values.flat().map(String);
    expect(text[0]).toBe('Member voices — 2026-S1');
    expect(text).toContain('Preferred formats and formats offered');
    expect(text).toContain('breakfast');
    expect(text).toContain('Expectations');
    expect(report.voice.themes[0]).toMatchObject({ theme: 'Networking', count: 3 });
    expect(report.voice.workshops.tally.map((t) => t.label)).toEqual(['Prospection', 'Other']);
    const dashboard = buildDashboard(report, '15/09/2026 10:00').values.flat().map(String);
    expect(dashboard).toContain('Member voices');
    expect(dashboard.some((t) => t.startsWith('KPI review: none recorded.'))).toBe(true);
    expect(dashboard).toContain('“Merci” — Comment, COLD-2026-S1, 11/06/2026');
  });
});

describe('workshop wishes and KPI votes', () => {
  it('tallies the ticked choices of the cold survey', () => {
    const report = run(voiceClub());
    expect(report.voice.workshops).toEqual({
      answered: 2,
      tally: [
        { id: null, label: 'Prospection', count: 2 },
        { id: null, label: 'Autre', count: 1 },
      ],
    });
    expect(report.voice.kpiVotes.answered).toBe(2);
    expect(report.voice.kpiVotes.tally.map((t) => [t.id, t.count])).toEqual([
      ['nps', 2],
      ['participation_rate', 1],
    ]);
    const dashboard = buildDashboard(report, '15/09/2026 10:00').values.flat().join('\n');
    expect(dashboard).toContain('Ateliers souhaités (2 réponse(s))\u00a0: Prospection (2), Autre (1)');
  });
});
