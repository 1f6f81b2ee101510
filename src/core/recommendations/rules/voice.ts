/**
 * members_ask_format:<format> (issue 18): members ask for a format the club rarely runs — at least
 * `askedFormatShare` of the period's respondents (on at least `formatMinAnswers` who answered the
 * question) ticked it, while under half that share of the period's events were in that format.
 * Most asked first.
 */

import { fill } from '../../i18n';
import { formatDemand } from '../../voice';
import { both, formatLabel, pct } from '../text';
import { atLeast, THRESHOLDS } from '../thresholds';
import type { Rule } from '../types';

export const membersAskFormat: Rule = {
  id: 'members_ask_format',
  severity: 2,
  fire({ club, period, today }) {
    const demand = formatDemand(club, period, today);
    if (demand.formatRespondents < THRESHOLDS.formatMinAnswers) return [];
    return demand.formats
      .filter(
        (f) =>
          f.format !== 'other' &&
          f.askedShare !== null &&
          atLeast(f.askedShare, THRESHOLDS.askedFormatShare) &&
          (f.offeredShare ?? 0) < f.askedShare / 2,
      )
      .map((f) => ({
        id: `members_ask_format:${f.format}`,
        figures: {
          format: f.format,
          asked_share: f.askedShare,
          respondents: demand.formatRespondents,
          offered: f.offered,
          events: demand.events,
        },
        text: both((lang) => {
          const values = {
            asked: pct(f.askedShare as number, lang),
            format: formatLabel(f.format, lang),
            offered: f.offered,
            events: demand.events,
          };
          const offered =
            demand.events === 0
              ? lang === 'fr'
                ? 'aucun événement dans la période'
                : 'no event in the period'
              : f.offered === 0
                ? lang === 'fr'
                  ? 'aucun des {events} événements n’en était un'
                  : 'none of the {events} events was one'
                : f.offered === 1
                  ? lang === 'fr'
                    ? '1 événement sur {events} en était un'
                    : '1 event in {events} was one'
                  : lang === 'fr'
                    ? '{offered} événements sur {events} en étaient'
                    : '{offered} events in {events} were';
          return fill(
            lang === 'fr'
              ? `{asked} des répondants demandent le format « {format} », ${offered} : programmez-en davantage.`
              : `{asked} of respondents ask for the "{format}" format, ${offered}: schedule more of it.`,
            values,
          );
        }),
      }));
  },
};
