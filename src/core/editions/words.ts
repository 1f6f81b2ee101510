/**
 * A KPI's change in plain words for the editions (issue 19): « en hausse (+5,0 pts) par rapport au
 * 2e semestre 2025 », naming the period compared with. Built from the comparison the dashboard shows
 * (comparison.ts: no change where its base is too small) and the highlights' threshold of a notable
 * change, so that the editions never say more than the board's dashboard.
 */

import { comparisonOf } from '../comparison';
import type { Report } from '../compute';
import { notable, periodPhrase } from '../highlights';
import { fill } from '../i18n';
import type { KpiResult } from '../kpis/types';

const WORDS = {
  up: { fr: 'en hausse ({delta}) par rapport {vs}', en: 'up ({delta}) compared with {vs}' },
  down: { fr: 'en baisse ({delta}) par rapport {vs}', en: 'down ({delta}) compared with {vs}' },
  slight: { fr: 'stable ({delta}) par rapport {vs}', en: 'steady ({delta}) compared with {vs}' },
  same: { fr: 'stable par rapport {vs}', en: 'steady compared with {vs}' },
  yearEarlier: { fr: ' (un an plus tôt)', en: ' (a year earlier)' },
};

export function changeWords(
  k: KpiResult,
  report: Report,
): { words: string; trend: 'good' | 'bad' | 'flat' | null } {
  const { lang } = report;
  const c = comparisonOf(k, report, lang, report.settings.currency);
  if (c.delta === null || typeof k.value !== 'number') return { words: '', trend: null };
  const yearly = c.against === 'previous_year';
  const vs =
    periodPhrase(yearly ? report.previousYear : report.previous, lang, 'vs') +
    (yearly ? WORDS.yearEarlier[lang] : '');
  const template =
    c.arrow === '='
      ? WORDS.same
      : !notable(k, c.delta)
        ? WORDS.slight
        : c.arrow === '▲'
          ? WORDS.up
          : WORDS.down;
  // A change said « stable » is not coloured as good or bad news.
  const steady = template === WORDS.same || template === WORDS.slight;
  return { words: fill(template[lang], { delta: c.text, vs }), trend: steady ? 'flat' : c.trend };
}
