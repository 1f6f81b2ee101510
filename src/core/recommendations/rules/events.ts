/**
 * Rules on events and the members' voice: participation, formats, show-up, NPS, survey answers.
 */

import { formatDelta, formatKpiValue } from '../../format';
import { fill } from '../../i18n';
import { both, formatLabel, pct } from '../text';
import { atLeast, below, EPS, THRESHOLDS } from '../thresholds';
import type { Rule } from '../types';
import { rateBelow } from './rate-below';

/** participation_drop: participation fell ≥ 10 points against the previous period. */
export const participationDrop: Rule = {
  id: 'participation_drop',
  severity: 3,
  fire({ value, previous }) {
    const now = value('participation_rate');
    const then = previous('participation_rate');
    if (now === null || then === null || !atLeast(then - now, THRESHOLDS.participationDrop)) return [];
    return [
      {
        figures: { participation_rate: now, previous: then, delta: now - then },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? 'La participation est passée de {before} à {now} ({delta}) : sondez les membres sur leurs mini-formats préférés (petit-déjeuner, webinaire, binômes express) et changez la formule.'
              : 'Participation fell from {before} to {now} ({delta}): survey members on their preferred mini-formats (breakfast, webinar, quick pairs) and change the formula.',
            { before: pct(then, lang), now: pct(now, lang), delta: formatDelta(now - then, 'ratio', lang) },
          ),
        ),
      },
    ];
  },
};

/** more_of_format:<format>: satisfaction ≥ 4.3 on ≥ 5 answers and above the overall mean; best first. */
export const moreOfFormat: Rule = {
  id: 'more_of_format',
  severity: 1,
  fire({ value, kpi }) {
    const overall = value('event_satisfaction');
    const rows = kpi('event_satisfaction')?.details.by_format;
    if (overall === null || !Array.isArray(rows)) return [];
    const good = (rows as Array<{ format: string; mean: number | null; n: number }>)
      .filter(
        (r) =>
          r.format !== 'unknown' &&
          typeof r.mean === 'number' &&
          r.n >= THRESHOLDS.formatMinAnswers &&
          atLeast(r.mean, THRESHOLDS.formatSatisfaction) &&
          r.mean > overall + EPS,
      )
      .sort((a, b) => (b.mean as number) - (a.mean as number) || a.format.localeCompare(b.format));
    return good.map((r) => {
      const mean = r.mean as number;
      return {
        id: `more_of_format:${r.format}`,
        figures: { format: r.format, satisfaction: mean, answers: r.n, mean_satisfaction: overall },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? 'Le format « {format} » obtient {mean} de satisfaction sur {n} réponses, pour une moyenne de {overall} : organisez-en davantage.'
              : 'The "{format}" format scores {mean} satisfaction on {n} answers, against a mean of {overall}: run more of it.',
            {
              format: formatLabel(r.format, lang),
              mean: formatKpiValue(mean, 'mean_1_5', lang),
              n: r.n,
              overall: formatKpiValue(overall, 'mean_1_5', lang),
            },
          ),
        ),
      };
    });
  },
};

/** collect_hot_feedback: NPS below 0, or down ≥ 15 points. */
export const collectHotFeedback: Rule = {
  id: 'collect_hot_feedback',
  severity: 3,
  fire({ value, previous }) {
    const nps = value('nps');
    const then = previous('nps');
    const delta = nps !== null && then !== null ? nps - then : null;
    if (nps === null) return [];
    if (!below(nps, THRESHOLDS.nps) && !(delta !== null && atLeast(-delta, THRESHOLDS.npsFall))) return [];
    return [
      {
        figures: { nps, previous: then, delta },
        text: both((lang) => {
          const npsText = formatKpiValue(nps, 'nps', lang);
          const change =
            delta !== null
              ? fill(
                  lang === 'fr'
                    ? ' ({delta} sur la période précédente)'
                    : ' ({delta} on the previous period)',
                  {
                    delta: formatDelta(delta, 'nps', lang),
                  },
                )
              : '';
          return lang === 'fr'
            ? `NPS à ${npsText}${change} : recueillez un avis à chaud après chaque événement.`
            : `NPS at ${npsText}${change}: collect hot feedback after every event.`;
        }),
      },
    ];
  },
};

/** remind_before_events: show-up below 70 %. */
export const remindBeforeEvents: Rule = rateBelow({
  id: 'remind_before_events',
  severity: 2,
  kpi: 'show_up_rate',
  threshold: THRESHOLDS.showUp,
  text: {
    fr: 'Seuls {rate} des inscrits sont venus (sous 70 %) : envoyez un rappel la veille de chaque événement.',
    en: 'Only {rate} of those registered came (below 70%): send a reminder the day before each event.',
  },
});

/** shorter_surveys: survey response rate below 30 %. */
export const shorterSurveys: Rule = rateBelow({
  id: 'shorter_surveys',
  severity: 1,
  kpi: 'survey_response_rate',
  threshold: THRESHOLDS.surveyResponse,
  text: {
    fr: 'Taux de réponse aux enquêtes de {rate} (sous 30 %) : raccourcissez les questionnaires (trois questions, une minute).',
    en: 'Survey response rate of {rate} (below 30%): make surveys shorter (three questions, one minute).',
  },
});
