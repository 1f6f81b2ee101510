/**
 * The voice of the members (src/core/voice.ts), hand-worked (issue 23). Words and keywords first;
 * then a small club, period 2026-Q2 (1 April – 30 June) with today 20 May 2026, so the period counts
 * up to today:
 * - events: E1 breakfast 01/04 (first day), E2 afterwork 20/05 (today), E5 afterwork 15/04, E3
 *   webinar 21/05 (after today: out), E4 breakfast 31/03 (before: out) → 3 events: afterwork 2/3,
 *   breakfast 1/3.
 * - hot answers about E1: M001 01/04 satisfaction 4, M002 20/05 satisfaction 2, M005 10/04 without
 *   satisfaction, M003 21/05 satisfaction 5 (after today: out); about E4, M004 31/03 (before: out);
 *   a cold answer of M004 05/04 naming E1 with satisfaction 1 (cold: not an event's rating) →
 *   breakfast satisfaction (4 + 2) ÷ 2 = 3 over 2.
 * - cold answers: M001 02/04 formats « webinaire, Webinar, inconnu » (webinar once; the unknown
 *   word is no format), comment « Plus de petits-déjeuners », workshops « Prospection, prospection,
 *   Autre, Other, Cuisine »; M002 03/04 with no format; M003 30/03 « afterwork » (before: out) →
 *   1 respondent: webinar asked 1/1 though not offered.
 * Every report is built inside its test.
 */

import { describe, expect, it } from 'vitest';
import { mentions, voiceToJson, wordsOf } from '../../../src/core/voice';
import { MEMBERS_HEADER, memberRows, run, sheetDate, tab } from '../fixtures';

const RESPONSES_HEADER = [
  'Horodatage',
  'ID enquête',
  "Type d'enquête",
  'ID événement',
  'Membre',
  'Satisfaction',
  'Formats préférés',
  'Commentaire',
  'Ateliers souhaités',
];

const answer = (
  iso: string,
  survey: string,
  kind: string,
  event: string,
  member: string,
  sat: unknown,
  formats = '',
  comment = '',
  workshops = '',
) => [sheetDate(iso), survey, kind, event, member, sat, formats, comment, workshops];

function club(settings: unknown[][] = []) {
  return [
    tab('Membres', MEMBERS_HEADER, memberRows(6, '01/01/2025')),
    tab(
      'Événements',
      ['ID événement', 'Date', 'Format'],
      [
        ['E1', sheetDate('2026-04-01'), 'petit-déjeuner'],
        ['E2', sheetDate('2026-05-20'), 'afterwork'],
        ['E5', sheetDate('2026-04-15'), 'afterwork'],
        ['E3', sheetDate('2026-05-21'), 'webinaire'],
        ['E4', sheetDate('2026-03-31'), 'petit-déjeuner'],
      ],
    ),
    tab('Réponses', RESPONSES_HEADER, [
      answer('2026-04-01', 'HOT-E1', 'chaud', 'E1', 'M001', 4),
      answer('2026-05-20', 'HOT-E1', 'chaud', 'E1', 'M002', 2),
      answer('2026-04-10', 'HOT-E1', 'chaud', 'E1', 'M005', ''),
      answer('2026-05-21', 'HOT-E1', 'chaud', 'E1', 'M003', 5, '', 'Trop tard'),
      answer('2026-03-31', 'HOT-E4', 'chaud', 'E4', 'M004', 1, '', 'Trop tôt'),
      answer('2026-04-05', 'COLD-2026-Q2', 'froid', 'E1', 'M004', 1),
      answer(
        '2026-04-02',
        'COLD-2026-Q2',
        'froid',
        '',
        'M001',
        '',
        'webinaire, Webinar, inconnu',
        'Plus de petits-déjeuners',
        'Prospection, prospection, Autre, Other, Cuisine',
      ),
      answer('2026-04-03', 'COLD-2026-Q2', 'froid', '', 'M002', ''),
      answer('2026-03-30', 'COLD-2026-Q1', 'froid', '', 'M003', '', 'afterwork'),
    ]),
    tab('Paramètres', ['Clé', 'Valeur'], [['survey_workshops', 'Prospection; autre'], ...settings]),
  ];
}

const q2 = (settings: unknown[][] = []) => run(club(settings), { period: '2026-Q2', today: '2026-05-20' });

describe('wordsOf and mentions', () => {
  it('splits text into lower-case words without accents or empty words', () => {
    expect(wordsOf('  Échange, RÉSEAU-pro 2026 ! ')).toEqual(['echange', 'reseau', 'pro', '2026']);
  });

  it('finds a keyword’s words in a row, the last one as a prefix, and never an empty keyword', () => {
    const words = wordsOf('un très petit déjeuners');
    expect(mentions(words, 'très petit déjeuner')).toBe(true);
    expect(mentions(words, 'petit-déj')).toBe(true);
    expect(mentions(words, 'grand déjeuner')).toBe(false);
    expect(mentions(wordsOf('un petit et un déjeuner'), 'petit déjeuner')).toBe(false);
    expect(mentions(words, 'jeuner')).toBe(false);
    expect(mentions(words, 'un')).toBe(true);
    expect(mentions(wordsOf('le petit'), 'petit déjeuner')).toBe(false);
    expect(mentions(words, '')).toBe(false);
    expect(mentions(words, ' -- ')).toBe(false);
  });
});

describe('formats asked and offered', () => {
  it('counts the period’s answers and events up to today, and hot ratings only', () => {
    const { voice } = q2();
    expect([voice.formatRespondents, voice.events]).toEqual([1, 3]);
    expect(voice.formats).toEqual([
      {
        format: 'webinar',
        asked: 1,
        askedShare: 1,
        offered: 0,
        offeredShare: 0,
        satisfaction: null,
        satisfactionN: 0,
      },
      {
        format: 'afterwork',
        asked: 0,
        askedShare: 0,
        offered: 2,
        offeredShare: 2 / 3,
        satisfaction: null,
        satisfactionN: 0,
      },
      {
        format: 'breakfast',
        asked: 0,
        askedShare: 0,
        offered: 1,
        offeredShare: 1 / 3,
        satisfaction: 3,
        satisfactionN: 2,
      },
    ]);
  });

  it('gives no share without respondents or without events', () => {
    const onlyEvents = run([club()[0], club()[1]], { period: '2026-Q2', today: '2026-05-20' }).voice;
    expect(onlyEvents.formats.map((f) => [f.format, f.askedShare])).toEqual([
      ['afterwork', null],
      ['breakfast', null],
    ]);
    const onlyAnswers = run([club()[0], club()[2]], { period: '2026-Q2', today: '2026-05-20' }).voice;
    expect(onlyAnswers.formats.map((f) => [f.format, f.offeredShare])).toEqual([['webinar', null]]);
  });
});

describe('themes, quotes and tallies', () => {
  it('quotes only the period’s free answers and counts themes over them', () => {
    const { voice } = q2([
      ['theme.Horaires', 'h'],
      ['theme.Formats', 'petits-déj'],
    ]);
    expect(voice.quotes.map((q) => q.text)).toEqual(['Plus de petits-déjeuners']);
    expect(voice.themes.map((t) => [t.theme, t.count])).toEqual([
      ['Formats', 1],
      ['Horaires', 0],
    ]);
    expect(voiceToJson(voice)).toEqual({
      preferred_formats: voice.formats.map((f) => ({
        format: f.format,
        asked_share: f.askedShare,
        offered_share: f.offeredShare,
        satisfaction: f.satisfaction,
      })),
      themes: [
        { theme: 'Formats', count: 1 },
        { theme: 'Horaires', count: 0 },
      ],
      quotes: [
        {
          survey_id: 'COLD-2026-Q2',
          question: 'comment',
          text: 'Plus de petits-déjeuners',
          date: '2026-04-02',
        },
      ],
    });
  });

  it('tallies each workshop once per answer, as the club spelt it, « Other » as « Autre », others as typed', () => {
    const { voice } = q2();
    // « autre » is in the club's list before the built-in « Autre »: the club's spelling wins, and
    // « Other » is the same choice, counted once.
    expect(voice.workshops).toEqual({
      answered: 1,
      tally: [
        { id: null, label: 'autre', count: 1 },
        { id: null, label: 'Cuisine', count: 1 },
        { id: null, label: 'Prospection', count: 1 },
      ],
    });
    const french = run(club([['survey_workshops', 'Prospection']]), {
      period: '2026-Q2',
      today: '2026-05-20',
    });
    expect(french.voice.workshops.tally.map((t) => t.label)).toEqual(['Autre', 'Cuisine', 'Prospection']);
  });
});
