/**
 * The funders' edition and the editions' change words (issue 23: editions/funders.ts and
 * editions/words.ts): a small club's report whose KPIs are set by hand, every sentence written out.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import { comparisonOf } from '../../../src/core/comparison';
import type { Report } from '../../../src/core/compute';
import { dayFromIso } from '../../../src/core/dates';
import { buildFundersEdition } from '../../../src/core/editions/funders';
import { buildMembersEdition, shareableStories } from '../../../src/core/editions/members';
import { changeWords } from '../../../src/core/editions/words';
import { periodPhrase } from '../../../src/core/highlights';
import type { Story } from '../../../src/core/model';
import { DUES_HEADERS, MEMBER_HEADERS, run, tab } from '../fixtures';
import { kpiResult, unitKpi } from './kpi-result';

const NBSP = '\u00a0';

function club(locale = 'fr_FR'): Report {
  return run(
    [
      tab('Membres', MEMBER_HEADERS, [['M001', 'Ana', 'Lopez', '', '', '01/01/2024', '', '', '']]),
      tab('Cotisations', DUES_HEADERS, [['M001', 2026, 100, '10/01/2026', 'payé']]),
    ],
    { locale },
  );
}

function story(date: string, title: string, kpi: string, shareable = true, row = 2): Story {
  return { row, date: dayFromIso(date)!, title, members: '', kpi, value: null, story: '', shareable };
}

let report: Report;
beforeEach(() => {
  report = club();
});

describe('a change in words', () => {
  it('up, down, slight or the same, against the previous period', () => {
    const vs = periodPhrase(report.previous, 'fr', 'vs');
    const up = kpiResult('participation_rate', {
      value: 0.6,
      previous: 0.4,
      delta: 0.2,
      n: 40,
      previousN: 40,
    });
    const down = kpiResult('participation_rate', {
      value: 0.4,
      previous: 0.6,
      delta: -0.2,
      n: 40,
      previousN: 40,
    });
    const same = kpiResult('participation_rate', {
      value: 0.4,
      previous: 0.4,
      delta: 0,
      n: 40,
      previousN: 40,
    });
    const slight = kpiResult('participation_rate', {
      value: 0.401,
      previous: 0.4,
      delta: 0.001,
      n: 40,
      previousN: 40,
    });
    const text = (k: typeof up) => comparisonOf(k, report, 'fr', report.settings.currency).text;
    expect(changeWords(up, report)).toEqual({
      words: `en hausse (${text(up)}) par rapport ${vs}`,
      trend: 'good',
    });
    expect(changeWords(down, report)).toEqual({
      words: `en baisse (${text(down)}) par rapport ${vs}`,
      trend: 'bad',
    });
    expect(changeWords(same, report)).toEqual({ words: `stable par rapport ${vs}`, trend: 'flat' });
    expect(changeWords(slight, report)).toEqual({
      words: `stable (${text(slight)}) par rapport ${vs}`,
      trend: 'flat',
    });
    // A fall of a KPI where lower is better is good news.
    const costDown = kpiResult('cost_per_member', {
      unit: 'money',
      display: 'money',
      value: 50,
      previous: 100,
      delta: -50,
      good: 'down',
      lowerIsBetter: true,
      n: 40,
      previousN: 40,
    });
    expect(changeWords(costDown, report).trend).toBe('good');
    expect(changeWords(costDown, report).words.startsWith('en baisse (')).toBe(true);
  });

  it('nothing to say without a change or without a number', () => {
    expect(changeWords(kpiResult('participation_rate', { value: 0.5 }), report)).toEqual({
      words: '',
      trend: null,
    });
    expect(
      changeWords(
        kpiResult('top_topics', { value: ['a'], previous: ['b'], delta: 1, unit: 'list', display: 'list' }),
        report,
      ),
    ).toEqual({ words: '', trend: null });
  });

  it('a yearly KPI against the year before, in English', () => {
    report = club('en_GB');
    const k = kpiResult('renewal_rate', {
      yearly: true,
      value: 0.9,
      previous: 0.5,
      delta: 0.4,
      previousYear: 0.6,
      deltaYear: 0.3,
      n: 40,
      previousN: 40,
      previousYearN: 40,
    });
    const c = comparisonOf(k, report, 'en', report.settings.currency);
    expect(c.against).toBe('previous_year');
    expect(changeWords(k, report)).toEqual({
      words: `up (${c.text}) compared with ${periodPhrase(report.previousYear, 'en', 'vs')} (a year earlier)`,
      trend: 'good',
    });
    const same = { ...k, value: 0.6, deltaYear: 0 };
    expect(changeWords(same, report).words).toBe(
      `steady compared with ${periodPhrase(report.previousYear, 'en', 'vs')} (a year earlier)`,
    );
    const down = { ...k, value: 0.3, deltaYear: -0.3 };
    expect(changeWords(down, report).words.startsWith('down (')).toBe(true);
    const slight = { ...k, value: 0.601, deltaYear: 0.001 };
    expect(changeWords(slight, report).words.startsWith('steady (')).toBe(true);
  });
});

describe('the funders’ edition', () => {
  it('a section per part with its sentences, figures and two stories at most', () => {
    const inText = periodPhrase(report.period, 'fr', 'in');
    report.settings.clubName = 'Club Alpha';
    report.kpis = [
      unitKpi('business_generated', 'opportunities', 'Affaires', 'money', { value: 12000 }),
      unitKpi('referrals_given', 'opportunities', 'Recommandations', 'count', { value: 7 }),
      unitKpi('roi', 'roi', 'ROI', 'ratio', { value: 2, details: { returns: 3000, investment: 1000 } }),
      kpiResult('return_per_dues_euro', {
        family: 'roi',
        label: 'Par euro',
        unit: 'money',
        display: 'money_per_money',
        value: 7.5,
      }),
      unitKpi('investment_total', 'roi', 'Investissement', 'money', {
        value: 1000,
        details: { hours: 12.5, hourly_value: 20 },
      }),
      unitKpi('active_members', 'retention', 'Actifs', 'count', { value: 30 }),
      unitKpi('nps', 'satisfaction', 'NPS', 'nps', { value: null }),
    ];
    report.today = dayFromIso('2026-09-15')!;
    report.club.stories = [
      story('2026-03-01', 'Contrat A', 'business_generated'),
      story('2026-04-01', 'Contrat B', 'referrals_given'),
      story('2026-05-01', 'Contrat C', 'business_generated'),
      story('2026-05-02', 'Privée', 'business_generated', false),
      story('2026-02-01', 'Retour', 'roi'),
      story('2026-02-02', 'Sans famille', 'unknown'),
    ];
    const ed = buildFundersEdition(report);
    expect(ed.title).toBe('Bilan pour nos partenaires');
    expect(ed.clubName).toBe('Club Alpha');
    expect(ed.periodLabel).toBe(report.period.label);
    expect(ed.labels).toEqual({ print: 'Imprimer / enregistrer en PDF' });
    expect(ed.footer).toBe(
      `Chiffres établis par Club Pulse à partir des données du club (${report.period.label}, 15/09/2026) : totaux uniquement, aucune donnée personnelle.`,
    );
    // Visibility has no figure and no sentence: no section.
    expect(ed.sections.map((s) => s.title)).toEqual([
      'Des affaires entre membres',
      'Le retour sur chaque euro',
      'Du temps donné',
      'Notre communauté',
    ]);
    const [business, ret, hours, community] = ed.sections;
    expect(business!.sentences).toEqual([
      `12${NBSP}000${NBSP}€ d’affaires générées entre membres ${inText}.`,
    ]);
    expect(business!.figures.map((f) => [f.label, f.value])).toEqual([
      ['Affaires', `12${NBSP}000${NBSP}€`],
      ['Recommandations', '7'],
    ]);
    // Shareable ones of the family, newest first, two at most.
    expect(business!.stories.map((s) => s.title)).toEqual(['Contrat C', 'Contrat B']);
    expect(ret!.sentences).toEqual([
      `Pour 1${NBSP}€ investi dans le club ${inText}, 3${NBSP}€ d’affaires ont été générées entre ses membres.`,
      `Pour 1${NBSP}€ de cotisation ${inText}, les membres ont reçu 7,50${NBSP}€ d’affaires.`,
    ]);
    expect(ret!.figures.map((f) => f.label)).toEqual(['ROI', 'Par euro', 'Investissement']);
    expect(ret!.stories.map((s) => s.title)).toEqual(['Retour']);
    expect(hours!.sentences).toEqual([
      `12,5 heures données par l’équipe et les bénévoles ${inText}, soit 250${NBSP}€ au taux de 20${NBSP}€ de l’heure.`,
    ]);
    expect(hours!.figures).toEqual([]);
    expect(hours!.stories).toEqual([]);
    // NPS without a value is left out.
    expect(community!.figures.map((f) => f.label)).toEqual(['Actifs']);
    expect(community!.sentences).toEqual([]);
    expect(community!.stories).toEqual([]);
  });

  it('hours without a rate, whole hours; no return sentence without an investment', () => {
    const inText = periodPhrase(report.period, 'fr', 'in');
    report.kpis = [
      unitKpi('investment_total', 'roi', 'Investissement', 'money', {
        value: 0,
        details: { hours: 8, hourly_value: 0 },
      }),
      kpiResult('roi', {
        family: 'roi',
        label: 'ROI',
        value: null,
        details: { returns: 3000, investment: 0 },
      }),
    ];
    const ed = buildFundersEdition(report);
    const hours = ed.sections.find((s) => s.title === 'Du temps donné')!;
    expect(hours.sentences).toEqual([`8 heures données par l’équipe et les bénévoles ${inText}.`]);
    const ret = ed.sections.find((s) => s.title === 'Le retour sur chaque euro')!;
    expect(ret.sentences).toEqual([]);
    // No hours at all: no hours section.
    report.kpis = [
      kpiResult('investment_total', { family: 'roi', label: 'I', value: 0, details: { hours: 0 } }),
    ];
    expect(buildFundersEdition(report).sections.map((s) => s.title)).toEqual(['Le retour sur chaque euro']);
  });

  it('no return per euro without both figures and an investment', () => {
    const sentences = (details: Record<string, unknown>) => {
      report.kpis = [kpiResult('roi', { family: 'roi', label: 'ROI', value: 2, details })];
      return buildFundersEdition(report).sections.find((s) => s.title === 'Le retour sur chaque euro')!
        .sentences;
    };
    expect(sentences({ returns: 3000, investment: 0 })).toEqual([]);
    expect(sentences({ investment: 1000 })).toEqual([]);
    expect(sentences({ returns: 3000 })).toEqual([]);
    expect(sentences({ returns: 3000, investment: 1500 })).toHaveLength(1);
  });

  it('in English', () => {
    report = club('en_GB');
    report.kpis = [unitKpi('business_generated', 'opportunities', 'Business', 'money', { value: 500 })];
    const ed = buildFundersEdition(report);
    expect(ed.title).toBe('Report for our funders');
    expect(ed.sections[0]!.title).toBe('Business between members');
    expect(ed.sections[0]!.sentences[0]).toBe(
      `€500 of business generated between members ${periodPhrase(report.period, 'en', 'in')}.`,
    );
    expect(ed.footer.startsWith('Figures made by Club Pulse from the club’s data (')).toBe(true);
  });

  it('shareable stories of the period up to today, its first day included, newest first', () => {
    report.today = dayFromIso('2026-04-30')!;
    report.club.stories = [
      story('2025-12-31', 'Avant', 'nps'),
      story('2026-01-01', 'Premier', 'nps', true, 5),
      story('2026-04-30', 'Aujourd’hui', 'nps'),
      story('2026-04-30', 'Aujourd’hui aussi', 'nps', true, 1),
      story('2026-05-01', 'Après', 'nps'),
      story('2026-03-01', 'Non partagée', 'nps', false),
    ];
    expect(shareableStories(report).map((s) => s.title)).toEqual([
      'Aujourd’hui aussi',
      'Aujourd’hui',
      'Premier',
    ]);
  });
});

describe('the members’ edition', () => {
  it('stories go to their figure, then their KPI, then their family, then the others; KPIs shown once', () => {
    report.settings.editionMessage = 'Bravo';
    report.kpis = [
      unitKpi('meetings_count', 'engagement', 'Réunions', 'count', {
        value: 9,
        previous: 3,
        delta: 6,
        n: 40,
        previousN: 40,
      }),
      unitKpi('active_members', 'retention', 'Actifs', 'count', { value: 30 }),
      unitKpi('referrals_given', 'opportunities', 'Recos', 'count', { value: 7 }),
      unitKpi('partnerships_launched', 'opportunities', 'Partenariats', 'count', { value: null }),
      unitKpi('top_topics', 'knowledge', 'Thèmes', 'count', { value: 3 }),
      unitKpi('press_mentions', 'visibility', 'Presse', 'count', { value: null }),
      unitKpi('retention_rate', 'retention', 'Fidélité', 'ratio', { value: 0.9 }),
    ];
    report.today = dayFromIso('2026-09-15')!;
    report.club.stories = [
      story('2026-03-01', 'Pour les actifs', 'active_members'),
      story('2026-03-02', 'Pour les recos', 'referrals_given'),
      story('2026-03-03', 'Pour les partenariats', 'partnerships_launched'),
      story('2026-03-04', 'Inconnue', 'nowhere'),
      story('2026-03-06', 'Pour la presse', 'press_mentions'),
      story('2026-03-05', 'Privée', 'referrals_given', false),
    ];
    const ed = buildMembersEdition(report);
    const figure = ed.essentiel.figures.find((f) => f.id === 'active_members')!;
    expect(figure.stories.map((s) => [s.title, s.kpiLabel])).toEqual([['Pour les actifs', 'Actifs']]);
    expect(figure.display).toBe('count');
    const opportunities = ed.families.find((f) => f.id === 'opportunities')!;
    // Partnerships without a value are not shown; their story stays with the family.
    expect(opportunities.kpis.map((k) => [k.label, k.value, k.stories.map((s) => s.title)])).toEqual([
      ['Recos', '7', ['Pour les recos']],
    ]);
    expect(opportunities.stories.map((s) => s.title)).toEqual(['Pour les partenariats']);
    expect(opportunities.label).toBe('Opportunités et affaires');
    // A figure of L'essentiel is not repeated in its family; top topics never shown; visibility has nothing.
    const retention = ed.families.find((f) => f.id === 'retention');
    expect(retention?.kpis.map((k) => k.label)).toEqual(['Fidélité']);
    expect(ed.families.map((f) => f.id)).toEqual(['engagement', 'retention', 'opportunities', 'visibility']);
    expect(ed.otherStories.map((s) => [s.title, s.kpiLabel])).toEqual([['Inconnue', '']]);
    expect(ed.message).toBe('Bravo');
    expect(ed.leaderboard).toBeNull();
    expect(ed.labels).toEqual({
      message: 'Le mot du club',
      families: 'Nos indicateurs',
      stories: 'Nos succès',
      indicator: 'Indicateur',
      value: 'Valeur',
      change: 'Évolution',
      print: 'Imprimer / enregistrer en PDF',
    });
    expect(ed.footer).toBe(
      `Édition établie par Club Pulse à partir des données du club (${report.period.label}). Aucune donnée personnelle n’y figure sans l’accord du membre.`,
    );
    expect(ed.title).toBe('Le club en chiffres');
    expect(ed.periodIn).toBe('au 1er semestre 2026');
    expect(ed.periodText).toBe('1er semestre 2026 (01/01/2026 – 30/06/2026)');
    // The figure's change words are its own KPI's (it has none), not the first KPI's.
    expect(figure.words).toBe('');
    // A family with no figure to show but a story is there for the story.
    const visibility = ed.families.find((f) => f.id === 'visibility');
    expect(visibility?.kpis).toEqual([]);
    expect(visibility?.stories.map((s) => s.title)).toEqual(['Pour la presse']);
  });

  it('says its period in English', () => {
    report = club('en_GB');
    report.kpis = [];
    const ed = buildMembersEdition(report);
    expect(ed.periodIn).toBe('in the first half of 2026');
    expect(ed.labels.message).toBe('A word from the club');
  });

  it('the leaderboard: ten at most, named only with their consent', () => {
    report.settings.editionLeaderboard = true;
    const score = report.scores[0]!;
    report.scores = Array.from({ length: 12 }, (_, i) => ({ ...score, rank: i + 1, score: 90 - i }));
    const member = report.club.members.find((m) => m.id === score.memberId)!;
    member.agreesToBeNamed = true;
    let ed = buildMembersEdition(report);
    expect(ed.leaderboard!.title).toBe('Palmarès');
    expect(ed.leaderboard!.note).toBe(
      'Score d’activité sur 100. Seuls les membres qui l’ont accepté sont nommés.',
    );
    expect(ed.leaderboard!.rows).toHaveLength(10);
    expect(ed.leaderboard!.rows[0]).toEqual({ rank: 1, name: score.name, score: 90 });
    member.agreesToBeNamed = false;
    ed = buildMembersEdition(report);
    expect(ed.leaderboard!.rows[9]).toEqual({ rank: 10, name: 'Membre non nommé', score: 81 });
    report.scores = [{ ...score, memberId: 'nobody' }];
    expect(buildMembersEdition(report).leaderboard!.rows[0]!.name).toBe('Membre non nommé');
  });
});
