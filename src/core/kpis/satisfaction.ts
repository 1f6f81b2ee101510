/**
 * Satisfaction KPIs from the Responses tab (SPEC §3 and §12): NPS (also split hot/cold, grey below
 * 5 answers), mean event satisfaction of hot answers with a table by event format, survey response
 * rate, connection value; and the climate indices (belonging, mutual help) of cold surveys.
 */

import type { Answer } from '../model';
import { attendanceOfP, eventsOfP, inP, mean, NO_DATA, npsOf } from './common';
import type { KpiContext, KpiDefinition, Measure } from './types';

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
    formula: {
      fr: 'Moyenne de satisfaction (1–5) des réponses à chaud de la période.',
      en: 'Mean satisfaction (1–5) of hot answers in the period.',
    },
    tabs: ['responses', 'events'],
    compute(ctx) {
      if (!ctx.club.hasData.responses) return NO_DATA;
      const hot = answersOfP(ctx).filter((a) => a.kind === 'hot' && a.satisfaction !== null);
      const byFormat = new Map<string, number[]>();
      for (const a of hot) {
        const format = a.event?.format ?? 'unknown';
        let list = byFormat.get(format);
        if (!list) {
          list = [];
          byFormat.set(format, list);
        }
        list.push(a.satisfaction as number);
      }
      const by_format = [...byFormat.entries()]
        .map(([format, values]) => ({ format, mean: mean(values), n: values.length }))
        .sort((a, b) => b.n - a.n || a.format.localeCompare(b.format));
      return { value: mean(hot.map((a) => a.satisfaction as number)), n: hot.length, details: { by_format } };
    },
  },
  {
    id: 'survey_response_rate',
    family: 'satisfaction',
    label: { fr: 'Taux de réponse aux enquêtes', en: 'Survey response rate' },
    unit: 'ratio',
    formula: {
      fr: 'Réponses à chaud aux événements de la période ayant une enquête ÷ présents (invités compris) à ces événements.',
      en: 'Hot answers naming an event of the period that has a hot survey ÷ attendees (guests included) of those events.',
    },
    tabs: ['responses', 'events', 'attendance'],
    compute(ctx) {
      if (!ctx.club.hasData.responses || !ctx.club.hasData.events || !ctx.club.hasData.attendance)
        return NO_DATA;
      const surveyed = new Set(
        eventsOfP(ctx)
          .filter((e) => e.hotSurvey !== '')
          .map((e) => e.id),
      );
      const attendees = attendanceOfP(ctx).filter(
        (a) => a.attended === true && surveyed.has(a.event.id),
      ).length;
      // Answers are counted by the event they name, whenever they came in (but not after today).
      const answers = ctx.club.answers.filter(
        (a) => a.kind === 'hot' && a.event !== null && surveyed.has(a.event.id) && a.submittedOn <= ctx.today,
      ).length;
      // More answers than recorded attendees (anonymous answers of people missing from Attendance) would
      // read as more than 100 %: the rate is capped at 1, and the raw counts stay in the details.
      const rate = attendees > 0 ? Math.min(1, answers / attendees) : null;
      return { value: rate, n: attendees, details: { answers, attendees, surveyed_events: surveyed.size } };
    },
  },
  scaleMean(
    'connection_value',
    'satisfaction',
    { fr: 'Valeur des rencontres', en: 'Connection value' },
    'connectionValue',
    {
      fr: 'Moyenne de la valeur de la rencontre (1–5) des réponses de la période.',
      en: 'Mean connection value (1–5) of answers in the period.',
    },
  ),
];

/**
 * Climate (SPEC §3): the cold survey's belonging and mutual-help scales. Every answer of P that has
 * the value counts, whatever its kind: these questions are only asked in the cold survey, and a
 * hand-kept Responses tab may have no kind column.
 */
export const CLIMATE: KpiDefinition[] = [
  scaleMean(
    'belonging_index',
    'climate',
    { fr: "Sentiment d'appartenance", en: 'Belonging index' },
    'belonging',
    {
      fr: "Moyenne de l'appartenance (1–5) des réponses de la période.",
      en: 'Mean belonging (1–5) of answers in the period.',
    },
  ),
  scaleMean(
    'mutual_help_index',
    'climate',
    { fr: "Indice d'entraide", en: 'Mutual help index' },
    'mutualHelp',
    {
      fr: "Moyenne de l'entraide (1–5) des réponses de la période.",
      en: 'Mean mutual help (1–5) of answers in the period.',
    },
  ),
];

function scaleMean(
  id: string,
  family: 'satisfaction' | 'climate',
  label: { fr: string; en: string },
  field: 'connectionValue' | 'belonging' | 'mutualHelp',
  formula: { fr: string; en: string },
): KpiDefinition {
  return {
    id,
    family,
    label,
    unit: 'mean_1_5',
    formula,
    tabs: ['responses'],
    compute(ctx): Measure {
      if (!ctx.club.hasData.responses) return NO_DATA;
      const values: number[] = [];
      for (const a of answersOfP(ctx)) {
        const v = a[field];
        if (v !== null) values.push(v);
      }
      return { value: mean(values), n: values.length };
    },
  };
}
