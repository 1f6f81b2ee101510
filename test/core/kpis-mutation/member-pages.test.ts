/**
 * The members' generated tabs as a board reads them (issue 23: voice-tab.ts and member-tabs.ts):
 * « Paroles de membres » and its dashboard block, the Palmarès and the Bilan membres, with hand-set
 * voices, scores and statements; each cell's value and format written out.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/compute';
import { dayFromIso } from '../../../src/core/dates';
import { numberFormatOf } from '../../../src/core/format';
import { LayoutBuilder, type SheetLayout } from '../../../src/core/layout';
import { buildLeaderboard, buildStatements } from '../../../src/core/member-tabs';
import type { Voice } from '../../../src/core/voice';
import { buildVoiceTab, voiceBlock } from '../../../src/core/voice-tab';
import { DUES_HEADERS, MEMBER_HEADERS, run, tab } from '../fixtures';
import { cellOf } from './layout-cells';

const NBSP = '\u00a0';
const MUTED = '#5f6368';
const HEADER = '#f1f3f4';
const SECTION = '#e8f0fe';
const RATIO = numberFormatOf('ratio', 'EUR');

function club(locale = 'fr_FR'): Report {
  return run(
    [
      tab('Membres', MEMBER_HEADERS, [
        ['M001', 'Ana', 'Lopez', '', '', '01/01/2024', '', '', ''],
        ['M002', 'Bob', 'Morel', '', '', '01/01/2025', '', '', ''],
      ]),
      tab('Cotisations', DUES_HEADERS, [
        ['M001', 2026, 100, '10/01/2026', 'payé'],
        ['M002', 2026, 100, '10/01/2026', 'payé'],
      ]),
    ],
    { locale },
  );
}

function voice(): Voice {
  return {
    formatRespondents: 4,
    events: 5,
    formats: [
      {
        format: 'webinar',
        asked: 3,
        askedShare: 0.75,
        offered: 2,
        offeredShare: 0.4,
        satisfaction: 4.25,
        satisfactionN: 8,
      },
      {
        format: 'mystery',
        asked: 1,
        askedShare: 0.25,
        offered: 0,
        offeredShare: 0,
        satisfaction: null,
        satisfactionN: 0,
      },
    ],
    themes: [
      { theme: 'Affaires', keywords: ['affaire', 'client'], count: 2 },
      { theme: 'Rencontres', keywords: ['rencontre'], count: 0 },
    ],
    quotes: [
      { surveyId: 'C1', question: 'comment', text: 'Très bien <b>', date: dayFromIso('2026-03-10')! },
      { surveyId: 'C1', question: 'expectations', text: 'x'.repeat(300), date: dayFromIso('2026-03-09')! },
      { surveyId: 'C2', question: 'most_valuable', text: 'Les gens', date: dayFromIso('2026-03-08')! },
      { surveyId: 'C2', question: 'comment', text: 'Quatrième', date: dayFromIso('2026-03-07')! },
    ],
    workshops: {
      answered: 3,
      tally: [
        { id: null, label: 'Export', count: 2 },
        { id: null, label: 'Vente', count: 0 },
      ],
    },
    kpiVotes: { answered: 2, tally: [{ id: 'nps', label: 'NPS', count: 2 }] },
  };
}

function firstCells(layout: SheetLayout): unknown[] {
  return layout.values.map((r) => (r.every((v) => v === null) ? '' : r[0]));
}

let report: Report;
beforeEach(() => {
  report = club();
  report.voice = voice();
});

describe('« Paroles de membres »', () => {
  it('every table with its header, figures, formats and notes', () => {
    const layout = buildVoiceTab(report);
    expect(layout.name).toBe('Paroles de membres');
    expect(layout.frozenRows).toBe(1);
    expect(layout.columnWidths).toEqual([240, 120, 120, 120, 620]);
    expect(firstCells(layout)).toEqual([
      `Paroles de membres — ${report.period.label}`,
      'Ce que les membres ont répondu aux enquêtes de la période. Aucun nom ni code membre n’est affiché, même pour une enquête signée.',
      '',
      'Formats préférés et formats proposés',
      'webinaire',
      'mystery',
      'Demandé : part des 4 répondants qui l’ont coché. Proposé : part des 5 événements de la période. Satisfaction : moyenne 1–5 des avis à chaud.',
      '',
      'Thèmes récurrents',
      'Affaires',
      'Rencontres',
      'Une réponse compte pour un thème quand un de ses mots commence par un mot-clé. Modifiez la liste dans Paramètres : une ligne « theme.<nom> » par thème, les mots-clés séparés par des virgules.',
      '',
      'Ateliers souhaités (3 réponse(s))',
      'Export',
      'Vente',
      '',
      'Indicateurs importants pour les membres (2 réponse(s))',
      'NPS',
      '',
      'Réponses libres, les plus récentes d’abord',
      'Date',
      '10/03/2026',
      '09/03/2026',
      '08/03/2026',
      '07/03/2026',
    ]);
    expect(cellOf(layout, 0)).toMatchObject({ weight: 'bold', size: 16, color: '#1a73e8' });
    expect(cellOf(layout, 1).color).toBe(MUTED);
    expect(layout.values[3]).toEqual([
      'Formats préférés et formats proposés',
      'Demandé',
      'Proposé',
      'Satisfaction',
      null,
    ]);
    expect(cellOf(layout, 3, 3)).toMatchObject({ weight: 'bold', background: HEADER });
    expect(layout.values[4]!.slice(0, 4)).toEqual(['webinaire', 0.75, 0.4, 4.25]);
    expect([cellOf(layout, 4, 1).format, cellOf(layout, 4, 2).format, cellOf(layout, 4, 3).format]).toEqual([
      RATIO,
      RATIO,
      '0.00',
    ]);
    expect(cellOf(layout, 6).color).toBe(MUTED);
    expect(layout.values[8]!.slice(0, 3)).toEqual(['Thèmes récurrents', 'Réponses', 'Mots-clés comptés']);
    expect(cellOf(layout, 8, 2)).toMatchObject({ weight: 'bold', background: HEADER });
    expect(layout.values[9]!.slice(0, 3)).toEqual(['Affaires', 2, 'affaire, client']);
    expect(cellOf(layout, 9, 1).format).toBe('0');
    expect(cellOf(layout, 11).color).toBe(MUTED);
    expect(layout.values[13]!.slice(0, 2)).toEqual(['Ateliers souhaités (3 réponse(s))', 'Votes']);
    expect(cellOf(layout, 13, 1)).toMatchObject({ weight: 'bold', background: HEADER });
    expect(layout.values[14]!.slice(0, 2)).toEqual(['Export', 2]);
    expect(cellOf(layout, 14, 1).format).toBe('0');
    expect(cellOf(layout, 20)).toMatchObject({ weight: 'bold', background: SECTION, size: 12 });
    expect(layout.values[21]).toEqual(['Date', 'Enquête', 'Question', '', 'Réponse']);
    expect(cellOf(layout, 21, 4)).toMatchObject({ weight: 'bold', background: HEADER });
    expect(layout.values[22]).toEqual(['10/03/2026', 'C1', 'Commentaire', '', 'Très bien <b>']);
    expect(cellOf(layout, 22, 4).color).toBe('#3c4043');
  });

  it('says when nobody answered, and leaves out unanswered tallies, in English', () => {
    report = club('en_GB');
    report.voice = {
      ...voice(),
      formatRespondents: 0,
      formats: [],
      themes: [],
      quotes: [],
      workshops: { answered: 0, tally: [] },
      kpiVotes: { answered: 0, tally: [] },
    };
    const layout = buildVoiceTab(report);
    expect(layout.name).toBe('Member voices');
    expect(firstCells(layout)).toEqual([
      `Member voices — ${report.period.label}`,
      'What members answered in the surveys of the period. No name or member code is shown, even for a signed survey.',
      '',
      'Preferred formats and formats offered',
      'Nobody has answered the preferred formats question in the period yet.',
      'Asked: share of the 0 respondents who ticked it. Offered: share of the 5 events of the period. Satisfaction: mean 1–5 of hot answers.',
      '',
      'Recurring themes',
      'An answer counts for a theme when one of its words starts with a keyword. Edit the list in Settings: one row "theme.<name>" per theme, keywords separated by commas.',
      '',
      'Free answers, newest first',
      'Date',
      'No free answer in the period.',
    ]);
    expect(cellOf(layout, 4).color).toBe(MUTED);
    expect(cellOf(layout, 12).color).toBe(MUTED);
  });

  it('respondents without any format ticked: the same sentence', () => {
    report.voice = { ...voice(), formats: [] };
    expect(firstCells(buildVoiceTab(report))[4]).toBe(
      'Personne n’a encore répondu à la question des formats préférés sur la période.',
    );
  });

  it('formats asked but by nobody counted say so too', () => {
    report.voice = { ...voice(), formatRespondents: 0 };
    expect(firstCells(buildVoiceTab(report))[4]).toBe(
      'Personne n’a encore répondu à la question des formats préférés sur la période.',
    );
  });
});

describe('the dashboard’s member voices block', () => {
  function block(r: Report): SheetLayout {
    const b = new LayoutBuilder('x', [100, 100, 100, 100]);
    voiceBlock(b, r);
    return b.build();
  }

  it('formats, themes counted, tallies, three quotes cut at 280 characters, the link and the review line', () => {
    report.settings.lastKpiReview = null;
    const layout = block(report);
    const cells = firstCells(layout);
    expect(cells[0]).toBe('Paroles de membres');
    expect(cellOf(layout, 0)).toMatchObject({ weight: 'bold', background: SECTION, size: 12 });
    expect(cells[1]).toBe('Formats préférés et formats proposés');
    const themes = cells.indexOf(`Thèmes récurrents${NBSP}: Affaires (2)`);
    expect(themes).toBeGreaterThan(1);
    expect(cells[themes + 1]).toBe(`Ateliers souhaités (3 réponse(s))${NBSP}: Export (2)`);
    expect(cells[themes + 2]).toBe(`Indicateurs importants pour les membres (2 réponse(s))${NBSP}: NPS (2)`);
    expect(cells[themes + 3]).toBe('« Très bien <b> » — Commentaire, C1, 10/03/2026');
    expect(cellOf(layout, themes + 3)).toMatchObject({ color: '#3c4043', background: '#fef7e0' });
    expect(cells[themes + 4]).toBe(`« ${'x'.repeat(279)}… » — Attentes, C1, 09/03/2026`);
    expect(String(cells[themes + 5]).startsWith('« Les gens » — ')).toBe(true);
    expect(cells[themes + 6]).toBe('Toutes les réponses libres : onglet « Paroles de membres ».');
    expect(cellOf(layout, themes + 6).color).toBe(MUTED);
    expect(cellOf(layout, themes + 7)).toMatchObject({ weight: 'bold', color: '#1a73e8' });
    expect(cells[themes + 8]).toBe('');
    expect(cells.length).toBe(themes + 9);
  });

  it('a quote of exactly 280 characters is whole; in English quotes take English marks; nothing said, nothing shown', () => {
    report = club('en_GB');
    report.voice = {
      ...voice(),
      formatRespondents: 0,
      themes: [{ theme: 'Business', keywords: [], count: 0 }],
      workshops: { answered: 0, tally: [] },
      kpiVotes: { answered: 0, tally: [] },
      quotes: [
        { surveyId: 'C9', question: 'comment', text: 'y'.repeat(280), date: dayFromIso('2026-03-10')! },
      ],
    };
    const cells = firstCells(block(report));
    expect(cells).toEqual([
      'Member voices',
      `“${'y'.repeat(280)}” — Comment, C9, 10/03/2026`,
      'All free answers: tab "Member voices".',
      cells[3],
      '',
    ]);
    report.voice = { ...report.voice, quotes: [] };
    expect(firstCells(block(report)).length).toBe(3);
  });
});

describe('the Palmarès and the Bilan membres', () => {
  it('the Palmarès: title, window, scale, header, a row per member, then the tiers', () => {
    const layout = buildLeaderboard(report);
    expect(cellOf(layout, 0)).toMatchObject({
      value: 'Palmarès des membres',
      weight: 'bold',
      size: 14,
      color: '#1a73e8',
    });
    expect(cellOf(layout, 2).color).toBe(MUTED);
    expect(layout.frozenRows).toBe(5);
    const header = 4;
    expect(cellOf(layout, header)).toMatchObject({ weight: 'bold', background: HEADER });
    const first = report.scores[0]!;
    expect(cellOf(layout, header + 1)).toMatchObject({ value: first.rank, format: '0' });
    expect(cellOf(layout, header + 1, 2)).toMatchObject({ value: first.score, format: '0', weight: 'bold' });
    expect(cellOf(layout, header + 1, 4)).toMatchObject({ value: first.missingToGreen, format: '0' });
    // The components, one column each, as whole points.
    expect(cellOf(layout, header + 1, 6).format).toBe('0');
    const tiers = firstCells(layout).findIndex(
      (v, i) => i > header + 2 && v !== '' && cellOf(layout, i).background === HEADER,
    );
    expect(cellOf(layout, tiers)).toMatchObject({ weight: 'bold', background: HEADER });
    expect(cellOf(layout, tiers + 1, 2).format).toBe('0');
    expect(typeof cellOf(layout, tiers + 1, 2).value).toBe('number');
  });

  it('a club that keeps challenges: a column of challenges won, its help line, its width', () => {
    const first = report.scores[0]!;
    report.challenges = {
      ...report.challenges,
      all: [{} as never],
      wonBy: new Map([[first.memberId, 2]]),
    };
    const layout = buildLeaderboard(report);
    const cells = firstCells(layout);
    expect(cells[1]).toMatch(/\d/);
    expect(cells[2]).not.toBe('');
    expect(cells[3]).toBe(
      'Défis relevés : défis du mois (onglet Défis) réussis pendant la fenêtre, en plus du score sur 100.',
    );
    expect(cellOf(layout, 3).color).toBe(MUTED);
    const header = layout.values[5]!;
    expect(header[header.length - 1]).toBe('Défis relevés');
    expect(header.every((v) => typeof v === 'string' && v !== '')).toBe(true);
    const row = layout.values.findIndex((r) => r[0] === first.rank && r[1] === first.name);
    expect(cellOf(layout, row, header.length - 1)).toMatchObject({ value: 2, format: '0', weight: 'bold' });
    expect(layout.columnWidths.slice(0, 6)).toEqual([60, 200, 60, 80, 120, 80]);
    expect(layout.columnWidths.slice(6)).toEqual([...Array(header.length - 7).fill(110), 130]);
    // Without challenges: no such column, no help line.
    report.challenges = { ...report.challenges, all: [] };
    const plain = buildLeaderboard(report);
    expect(plain.values[3]!.every((v) => v === null)).toBe(true);
    expect(plain.columnWidths).not.toContain(130);
    expect(plain.values[4]![0]).toBe('Rang');
    expect(plain.values[4]).not.toContain('Défis relevés');
  });

  it('no member to rank: it says so', () => {
    report.scores = [];
    expect(firstCells(buildLeaderboard(report))).toContain('Aucun membre actif à classer.');
  });

  it('the Bilan membres: one row per member, counts whole, money in the club’s currency', () => {
    const layout = buildStatements(report);
    expect(cellOf(layout, 0)).toMatchObject({ weight: 'bold', size: 14, color: '#1a73e8' });
    expect(String(cellOf(layout, 0).value)).toContain(report.period.label);
    expect(cellOf(layout, 1).color).toBe(MUTED);
    expect(String(cellOf(layout, 1).value).length).toBeGreaterThan(20);
    expect(cellOf(layout, 3)).toMatchObject({ weight: 'bold', background: HEADER });
    expect(layout.values[3]!.every((v) => typeof v === 'string' && v !== '')).toBe(true);
    expect(layout.frozenRows).toBe(4);
    const money = numberFormatOf('money', report.settings.currency);
    const s = report.statements[0]!;
    expect(layout.values[4]!.slice(0, 2)).toEqual([s.name, s.company]);
    expect([2, 3, 4, 7].map((c) => cellOf(layout, 4, c).format)).toEqual(['0', '0', '0', '0']);
    expect([5, 6, 8].map((c) => cellOf(layout, 4, c).format)).toEqual([money, money, money]);
    expect(cellOf(layout, 4, 9)).toMatchObject({ format: '0.00', weight: 'bold' });
  });
});
