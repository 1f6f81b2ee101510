/**
 * The common shape of five rules: a rate KPI below its threshold fires one recommendation that
 * names the rate (personalise_reminders, complete_profiles, remind_before_events,
 * qualify_referrals, shorter_surveys).
 */

import { fill } from '../../i18n';
import { both, pct } from '../text';
import { below } from '../thresholds';
import type { Rule, Severity } from '../types';

export interface RateBelow {
  id: string;
  severity: Severity;
  /** The KPI read, also the figure's key. */
  kpi: string;
  threshold: number;
  /** The text, `{rate}` being the KPI's value as a percentage. */
  text: { fr: string; en: string };
}

export function rateBelow(spec: RateBelow): Rule {
  return {
    id: spec.id,
    severity: spec.severity,
    fire({ value }) {
      const rate = value(spec.kpi);
      if (rate === null || !below(rate, spec.threshold)) return [];
      return [
        {
          figures: { [spec.kpi]: rate },
          text: both((lang) => fill(spec.text[lang], { rate: pct(rate, lang) })),
        },
      ];
    },
  };
}
