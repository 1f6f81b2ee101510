/**
 * The cold survey's issue-18 questions (src/core/survey-voice.ts), hand-worked (issue 23): the
 * workshop question asked only when Settings lists workshops, with « Autre » / "Other" last; the
 * indicator question with the built-in short list or Settings `survey_kpis` (catalogue ids and
 * custom KPIs by label; unknown ids left out); commas and semicolons of a label turned into « - »
 * so that an answer read back is not split. Every item list is built inside its test.
 */

import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings';
import {
  ALL_VOICE_ITEMS,
  coldVoiceOptions,
  KPI_VOTE_TITLE,
  voiceItems,
  WORKSHOP_TITLE,
} from '../../../src/core/survey-voice';

describe('voiceItems', () => {
  it('asks nothing without workshops or KPIs', () => {
    expect(voiceItems({})).toEqual([]);
    expect(voiceItems({ workshops: [], kpis: [] })).toEqual([]);
  });

  it('asks for workshops as typed, commas and semicolons made dashes, « Autre » last', () => {
    const [item, ...rest] = voiceItems({ workshops: ['Export, douane', 'Vente ;  négociation', 'IA'] });
    expect(rest).toEqual([]);
    expect(item).toEqual({
      field: 'workshop_wishes',
      kind: 'checkbox',
      title: WORKSHOP_TITLE,
      choices: [
        { fr: 'Export - douane', en: 'Export - douane' },
        { fr: 'Vente - négociation', en: 'Vente - négociation' },
        { fr: 'IA', en: 'IA' },
        { fr: 'Autre', en: 'Other' },
      ],
    });
  });

  it('asks which indicators matter, after the workshops, each label in both languages', () => {
    const items = voiceItems({
      workshops: ['IA'],
      kpis: [
        { fr: 'Taux de participation', en: 'Participation rate' },
        { fr: 'Affaires, signées', en: 'Deals;signed' },
      ],
    });
    expect(items.map((i) => i.field)).toEqual(['workshop_wishes', 'kpi_votes']);
    expect(items[1]).toEqual({
      field: 'kpi_votes',
      kind: 'checkbox',
      title: KPI_VOTE_TITLE,
      help: {
        fr: 'Cochez ceux que vous voulez voir suivis : le bureau revoit les indicateurs avec vous.',
        en: 'Tick the ones you want followed: the board reviews the indicators with you.',
      },
      choices: [
        { fr: 'Taux de participation', en: 'Participation rate' },
        { fr: 'Affaires - signées', en: 'Deals - signed' },
      ],
    });
    expect(voiceItems({ kpis: [{ fr: 'NPS', en: 'NPS' }] }).map((i) => i.field)).toEqual(['kpi_votes']);
  });

  it('ALL_VOICE_ITEMS asks both questions, to recognise their answers by title', () => {
    expect(ALL_VOICE_ITEMS.map((i) => i.title)).toEqual([WORKSHOP_TITLE, KPI_VOTE_TITLE]);
  });
});

describe('coldVoiceOptions', () => {
  it('offers the built-in six indicators and no workshop by default', () => {
    const options = coldVoiceOptions(defaultSettings());
    expect(options.workshops).toEqual([]);
    expect(options.kpis?.map((k) => k.fr)).toEqual([
      'Taux de participation',
      'Recommandations données',
      "Chiffre d'affaires généré",
      'NPS (recommandation du réseau)',
      'Taux de renouvellement',
      'Contenus partagés',
    ]);
    expect(options.kpis?.[0].en).toBe('Participation rate');
  });

  it('offers the KPIs Settings lists: catalogue ids, and custom KPIs the club defined, by label', () => {
    const settings = defaultSettings();
    settings.surveyWorkshops = ['Export'];
    settings.surveyKpis = [
      'nps',
      'custom:visits',
      'custom:calls',
      'custom:ghost',
      'unknown',
      'visits',
      'custom_visits',
    ];
    settings.customKpis = [
      { id: 'visits', definition: 'count Visites', row: 20, key: 'custom_kpi.visits' },
      { id: 'calls', definition: 'count Appels', row: 21, key: 'custom_kpi.calls' },
    ];
    settings.customKpiLabels = { visits: 'Visites d’entreprise', ghost: 'Fantôme' };
    const options = coldVoiceOptions(settings);
    expect(options.workshops).toEqual(['Export']);
    // custom:calls has no label: its id is shown; custom:ghost is not defined; unknown, a bare
    // custom id and custom_visits (no « custom: » prefix) are not catalogue ids: left out.
    expect(options.kpis).toEqual([
      { fr: 'NPS (recommandation du réseau)', en: 'NPS (would recommend the network)' },
      { fr: 'Visites d’entreprise', en: 'Visites d’entreprise' },
      { fr: 'calls', en: 'calls' },
    ]);
  });

  it('offers nothing to rate when Settings lists no KPI', () => {
    const settings = defaultSettings();
    settings.surveyKpis = [];
    expect(coldVoiceOptions(settings).kpis).toEqual([]);
  });
});
