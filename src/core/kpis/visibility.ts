/**
 * Visibility KPIs (SPEC §3 and §12) over the Visibility tab: press and social mentions, external
 * solicitations (interview and partnership requests), speaking invitations, net sentiment.
 */

import { inP, NO_DATA, rateMeasure } from './common';
import type { KpiContext, KpiDefinition, Measure } from './types';

function countOf(
  id: string,
  label: { fr: string; en: string },
  types: string[],
  formula: { fr: string; en: string },
): KpiDefinition {
  return {
    id,
    family: 'visibility',
    label,
    unit: 'count',
    formula,
    tabs: ['visibility'],
    compute(ctx: KpiContext): Measure {
      if (!ctx.club.hasData.visibility) return NO_DATA;
      const n = ctx.club.mentions.filter((m) => types.includes(m.type) && inP(ctx, m.date)).length;
      return { value: n, n };
    },
  };
}

export const VISIBILITY: KpiDefinition[] = [
  countOf('press_mentions', { fr: 'Retombées presse', en: 'Press mentions' }, ['press'], {
    fr: 'Mentions de type presse dans la période.',
    en: 'Press mentions in the period.',
  }),
  countOf(
    'social_mentions',
    { fr: 'Mentions sur les réseaux sociaux', en: 'Social media mentions' },
    ['social'],
    {
      fr: 'Mentions sur les réseaux sociaux dans la période.',
      en: 'Social media mentions in the period.',
    },
  ),
  countOf(
    'external_solicitations',
    { fr: 'Sollicitations extérieures', en: 'External solicitations' },
    ['interview', 'partnership_request'],
    {
      fr: "Demandes d'interview et de partenariat dans la période.",
      en: 'Interview and partnership requests in the period.',
    },
  ),
  countOf(
    'speaking_invitations',
    { fr: 'Invitations à intervenir', en: 'Speaking invitations' },
    ['speaking'],
    {
      fr: 'Invitations à intervenir dans la période.',
      en: 'Speaking invitations in the period.',
    },
  ),
  {
    id: 'net_sentiment',
    family: 'visibility',
    label: { fr: 'Tonalité nette', en: 'Net sentiment' },
    unit: 'ratio',
    formula: {
      fr: '(positives − négatives) ÷ mentions de la période ayant une tonalité.',
      en: '(positive − negative) ÷ mentions of the period that have a sentiment.',
    },
    tabs: ['visibility'],
    compute(ctx) {
      if (!ctx.club.hasData.visibility) return NO_DATA;
      let positive = 0;
      let negative = 0;
      let rated = 0;
      for (const m of ctx.club.mentions) {
        if (m.sentiment === null || !inP(ctx, m.date)) continue;
        rated++;
        if (m.sentiment === 'positive') positive++;
        else if (m.sentiment === 'negative') negative++;
      }
      return rateMeasure(positive - negative, rated, rated, { positive, negative, rated });
    },
  },
];
