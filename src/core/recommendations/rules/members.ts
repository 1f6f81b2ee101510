/**
 * Rules on membership: first-year renewal, members who did not renew, inactive members, profiles.
 * relaunch_inactive reads rows (per-member activity) rather than a KPI.
 */

import { isoOf } from '../../dates';
import { formatIsoDate } from '../../format';
import { fill } from '../../i18n';
import { inactiveMembers } from '../inactive';
import { both, byCount, memberName, names, pct } from '../text';
import { below, THRESHOLDS } from '../thresholds';
import type { Rule } from '../types';
import { rateBelow } from './rate-below';

/** offer_sponsorship: first-year renewal below renewal − 10 points, or below 70 %. */
export const offerSponsorship: Rule = {
  id: 'offer_sponsorship',
  severity: 2,
  fire({ value }) {
    const first = value('first_year_renewal_rate');
    const renewal = value('renewal_rate');
    const underRenewal =
      renewal !== null && first !== null && below(first, renewal - THRESHOLDS.firstYearGap);
    const under70 = first !== null && below(first, THRESHOLDS.firstYearRenewal);
    if (first === null || !(underRenewal || under70)) return [];
    return [
      {
        figures: { first_year_renewal_rate: first, renewal_rate: renewal },
        text: both((lang) =>
          renewal !== null
            ? fill(
                lang === 'fr'
                  ? 'Seuls {first} des membres de première année ont renouvelé, contre {renewal} de l’ensemble : proposez un parrain à chaque nouveau membre.'
                  : 'Only {first} of first-year members renewed, against {renewal} of all members: offer every new member a sponsor.',
                { first: pct(first, lang), renewal: pct(renewal, lang) },
              )
            : fill(
                lang === 'fr'
                  ? 'Seuls {first} des membres de première année ont renouvelé (moins de 70 %) : proposez un parrain à chaque nouveau membre.'
                  : 'Only {first} of first-year members renewed (below 70%): offer every new member a sponsor.',
                { first: pct(first, lang) },
              ),
        ),
      },
    ];
  },
};

/** call_non_renewed: the renewal KPI's to-call list is not empty. */
export const callNonRenewed: Rule = {
  id: 'call_non_renewed',
  severity: 3,
  fire({ kpi }) {
    const renewal = kpi('renewal_rate');
    const toCall = renewal && renewal.value !== null ? renewal.details.to_call : null;
    if (!Array.isArray(toCall) || toCall.length === 0) return [];
    const list = toCall as Array<{ member_id: string; name: string }>;
    const term = String(renewal?.details.term ?? '');
    return [
      {
        figures: { count: list.length, term, members: list.map((m) => m.member_id) },
        text: both((lang) =>
          fill(
            byCount(list.length, lang, {
              fr: [
                '1 membre n’a pas renouvelé pour {term} : appelez-le ({names}).',
                '{count} membres n’ont pas renouvelé pour {term} : appelez-les ({names}).',
              ],
              en: [
                '1 member did not renew for {term}: call them ({names}).',
                '{count} members did not renew for {term}: call them ({names}).',
              ],
            }),
            {
              count: list.length,
              term,
              names: names(
                list.map((m) => m.name),
                lang,
              ),
            },
          ),
        ),
      },
    ];
  },
};

/** relaunch_inactive: members with no activity in the 3 months before P's end. */
export const relaunchInactive: Rule = {
  id: 'relaunch_inactive',
  severity: 2,
  fire({ club, period, today }) {
    const inactive = inactiveMembers(club, period, today);
    if (!inactive || inactive.members.length === 0) return [];
    const list = inactive.members;
    return [
      {
        figures: {
          count: list.length,
          since: isoOf(inactive.since),
          members: list.map((m) => m.id),
        },
        text: both((lang) =>
          fill(
            byCount(list.length, lang, {
              fr: [
                '1 membre n’a eu aucune activité depuis le {since} : relancez-le ({names}).',
                '{count} membres n’ont eu aucune activité depuis le {since} : relancez-les ({names}).',
              ],
              en: [
                '1 member has had no activity since {since}: reach out to them ({names}).',
                '{count} members have had no activity since {since}: reach out to them ({names}).',
              ],
            }),
            {
              count: list.length,
              since: formatIsoDate(isoOf(inactive.since), lang),
              names: names(list.map(memberName), lang),
            },
          ),
        ),
      },
    ];
  },
};

/** complete_profiles: profile completion below 60 %. */
export const completeProfiles: Rule = rateBelow({
  id: 'complete_profiles',
  severity: 1,
  kpi: 'profile_completion_rate',
  threshold: THRESHOLDS.profileCompletion,
  text: {
    fr: 'Les fiches membres ne sont remplies qu’à {rate} (sous 60 %) : demandez à chacun de compléter sa fiche annuaire.',
    en: 'Member profiles are only {rate} complete (below 60%): ask everyone to complete their directory card.',
  },
});
