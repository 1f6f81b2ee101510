/**
 * Rules on the club's reach: email opens, referrals won, success stories told. tell_a_story reads
 * the Stories rows of the period rather than a KPI.
 */

import { fill } from '../../i18n';
import { inPeriod } from '../../periods';
import { both } from '../text';
import { THRESHOLDS } from '../thresholds';
import type { Rule } from '../types';
import { rateBelow } from './rate-below';

/** personalise_reminders: open rate below 25 % (open rates are only indicative: severity 1). */
export const personaliseReminders: Rule = rateBelow({
  id: 'personalise_reminders',
  severity: 1,
  kpi: 'email_open_rate',
  threshold: THRESHOLDS.openRate,
  text: {
    fr: 'Taux d’ouverture des e-mails de {rate} (sous 25 %) : personnalisez les relances (objet, expéditeur, premier paragraphe).',
    en: 'Email open rate of {rate} (below 25%): personalise reminders (subject, sender, first paragraph).',
  },
});

/** qualify_referrals: referral conversion below 25 %. */
export const qualifyReferrals: Rule = rateBelow({
  id: 'qualify_referrals',
  severity: 2,
  kpi: 'referral_conversion_rate',
  threshold: THRESHOLDS.referralConversion,
  text: {
    fr: 'Seules {rate} des recommandations décidées aboutissent (sous 25 %) : qualifiez mieux les recommandations (besoin, budget, délai) avant de les transmettre.',
    en: 'Only {rate} of decided referrals are won (below 25%): qualify referrals better (need, budget, timing) before passing them on.',
  },
});

/** tell_a_story: no success story dated in P (and not after today). */
export const tellAStory: Rule = {
  id: 'tell_a_story',
  severity: 1,
  fire({ club, period, today }) {
    const stories = club.stories.filter((s) => inPeriod(s.date, period) && s.date <= today).length;
    if (stories !== 0) return [];
    return [
      {
        figures: { stories: 0, period: period.label },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? 'Aucune histoire de succès sur {period} : racontez-en une dans l’onglet Succès pour montrer ce que le réseau apporte.'
              : 'No success story for {period}: tell one in the Stories tab to show what the network brings.',
            { period: period.label },
          ),
        ),
      },
    ];
  },
};
