/**
 * Satisfaction KPIs from the Responses tab (SPEC §3 and §12): NPS (also split hot/cold, grey below
 * 5 answers) and mean event satisfaction of hot answers with a table by event format.
 */

import { mean, inP, NO_DATA, npsOf } from './common';
import type { Answer } from '../model';
import type { KpiContext, KpiDefinition } from './types';

export function answersOfP(ctx: KpiContext): Answer[] {
  return ctx.club.answers.filter((a) => inP(ctx, a.submittedOn));
}

export const SATISFACTION: KpiDefinition[] = [
  {
    id: 'nps',
    family: 'satisfaction',
    label: { fr: 'NPS (recommandation du réseau)', en: 'NPS (would recommend the network)' },
    unit: 'nps',
    formula: {
      fr: '% promoteurs (9–10) − % détracteurs (0–6) parmi les réponses de la période, de −100 à +100.',
      en: '% promoters (9–10) − % detractors (0–6) among answers of the period, −100 to +100.',
    },
    tabs: ['responses'],
    compute(ctx) {
      if (!ctx.club.hasData.responses) return NO_DATA;
      const answers = answersOfP(ctx).filter((a) => a.nps !== null);
      const scores = answers.map((a) => a.nps as number);
      const split = (kind: 'hot' | 'cold') => {
        const s = answers.filter((a) => a.kind === kind).map((a) => a.nps as number);
        return { value: npsOf(s), n: s.length };
      };
      return {
        value: npsOf(scores),
        n: scores.length,
        details: {
          promoters: scores.filter((s) => s >= 9).length,
          passives: scores.filter((s) => s === 7 || s === 8).length,
          detractors: scores.filter((s) => s <= 6).length,
          hot: split('hot'),
          cold: split('cold'),
        },
      };
    },
  },
  {
    id: 'event_satisfaction',
    family: 'satisfaction',
    label: { fr: 'Satisfaction des événements', en: 'Event satisfaction' },
    unit: 'mean_1_5',
    formula: { fr: 'Moyenne de satisfaction (1–5) des réponses à chaud de la période.', en: 'Mean satisfaction (1–5) of hot answers in the period.' },
    tabs: ['responses', 'events'],
    compute(ctx) {
      if (!ctx.club.hasData.responses) return NO_DATA;
      const hot = answersOfP(ctx).filter((a) => a.kind === 'hot' && a.satisfaction !== null);
      const byFormat = new Map<string, number[]>();
      for (const a of hot) {
        const format = a.event?.format ?? 'unknown';
        let list = byFormat.get(format);
        if (!list) byFormat.set(format, (list = []));
        list.push(a.satisfaction as number);
      }
      const by_format = [...byFormat.entries()]
        .map(([format, values]) => ({ format, mean: mean(values), n: values.length }))
        .sort((a, b) => b.n - a.n || a.format.localeCompare(b.format));
      return { value: mean(hot.map((a) => a.satisfaction as number)), n: hot.length, details: { by_format } };
    },
  },
];
