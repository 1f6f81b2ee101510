/** A members' edition made by hand for the renderers' tests: every block filled, a club's text that would be markup. */

import type { EditionStory, MembersEdition } from '../../../src/core/editions/members';

export function story(title: string, extra: Partial<EditionStory> = {}): EditionStory {
  return { date: '12/03/2026', title, text: '', figure: '', kpiLabel: '', ...extra };
}

export function edition(extra: Partial<MembersEdition> = {}): MembersEdition {
  return {
    lang: 'fr',
    currency: 'EUR',
    title: 'Le club en chiffres',
    clubName: 'Club <Alpha>',
    periodLabel: '2026-S1',
    periodText: '1er semestre 2026 (01/01/2026 – 30/06/2026)',
    periodName: '1er semestre 2026',
    periodIn: 'au 1er semestre 2026',
    message: 'Merci à tous & à bientôt',
    essentiel: {
      title: 'L’essentiel',
      figures: [
        {
          id: 'active_members',
          label: 'Membres actifs',
          value: '42',
          words: '+2 depuis le 2e semestre 2025',
          trend: 'good',
          series: [38, null, 40, 42],
          periods: ['S2 24', 'S1 25', 'S2 25', 'S1 26'],
          display: 'count',
          stories: [story('Record', { figure: '42', text: 'Du jamais vu', kpiLabel: 'Membres actifs' })],
        },
        {
          id: 'nps',
          label: 'NPS',
          value: '+10',
          words: '−5 depuis le 2e semestre 2025',
          trend: 'bad',
          series: [null, null, null, 10],
          periods: ['a', 'b', 'c', 'd'],
          display: 'nps',
          stories: [],
        },
        {
          id: 'x',
          label: 'Sans tendance',
          value: 'pas de données',
          words: '',
          trend: null,
          series: [],
          periods: [],
          display: 'count',
          stories: [],
        },
      ],
      sentences: ['Une phrase.', 'Une autre <b>phrase</b>.'],
      trendCaption: 'Tendance sur 4 semestres',
    },
    families: [
      {
        id: 'engagement',
        label: 'Engagement',
        kpis: [
          {
            id: 'p',
            label: 'Participation',
            value: '40,0 %',
            words: 'stable',
            trend: 'flat',
            stories: [story('Salle pleine')],
          },
        ],
        stories: [story('Famille')],
      },
      { id: 'climate', label: 'Climat', kpis: [], stories: [] },
    ],
    otherStories: [story('Autre', { figure: '3', text: 'Texte' })],
    leaderboard: {
      title: 'Palmarès',
      note: 'Score d’activité sur 100.',
      rows: [
        { rank: 1, name: 'Ana <3', score: 87 },
        { rank: 2, name: 'Membre non nommé', score: 80 },
      ],
    },
    footer: 'Édité par Club Pulse',
    labels: {
      message: 'Le mot du bureau',
      families: 'Les indicateurs',
      stories: 'Succès du club',
      indicator: 'Indicateur',
      value: 'Valeur',
      change: 'Évolution',
      print: 'Imprimer / enregistrer en PDF',
    },
    ...extra,
  };
}

/** The same edition in English with only what every edition has (no club name, message, families, other stories, leaderboard). */
export function bareEdition(): MembersEdition {
  return edition({
    lang: 'en',
    clubName: '',
    message: '',
    families: [],
    otherStories: [],
    leaderboard: null,
    periodIn: 'in 2026',
  });
}
