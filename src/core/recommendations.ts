/**
 * Recommendations (SPEC §5, ids of §12): rules over the KPIs already computed for the period, each
 * with an id, a condition, a severity, a FR/EN text naming the figures that fired it, and those
 * figures. A rule reads the KpiResult values, previous values and details (satisfaction by format,
 * the renewal to-call list…) and never recomputes a KPI; a disabled KPI or one without data never
 * fires its rule. Two rules look at rows rather than KPIs: `relaunch_inactive` (per-member activity
 * of the 3 months before P's end, indexed once by member) and `tell_a_story` (Stories of P).
 *
 * Severity, 3 = most severe:
 * - 3 — the club is losing members or goodwill now: participation_drop, call_non_renewed,
 *   collect_hot_feedback (more detractors than promoters, or a sharp fall);
 * - 2 — a weakness that costs members or business if left alone: offer_sponsorship,
 *   relaunch_inactive, remind_before_events, qualify_referrals;
 * - 1 — an improvement or an opportunity: more_of_format, personalise_reminders (open rates are
 *   only indicative), complete_profiles, tell_a_story, shorter_surveys.
 * The list is sorted most severe first, then in the order of RULE_ORDER (SPEC §12's order).
 */

import type { Recommendation } from './compute';
import { addMonths, type Day, isoOf } from './dates';
import { formatDelta, formatIsoDate, formatKpiValue } from './format';
import { fill, type Lang } from './i18n';
import type { KpiResult } from './kpis/types';
import { type Club, isActiveOn, type Member } from './model';
import { effectiveEnd, inPeriod, type Period } from './periods';
import { EVENT_FORMATS } from './schema';
import type { Settings } from './settings';

/** Rule ids in SPEC §12's order; `more_of_format` fires once per format as `more_of_format:<format>`. */
export const RULE_ORDER = [
  'participation_drop',
  'more_of_format',
  'offer_sponsorship',
  'call_non_renewed',
  'personalise_reminders',
  'relaunch_inactive',
  'complete_profiles',
  'collect_hot_feedback',
  'remind_before_events',
  'qualify_referrals',
  'tell_a_story',
  'shorter_surveys',
] as const;

export type RuleId = (typeof RULE_ORDER)[number];

export const SEVERITY: Record<RuleId, 1 | 2 | 3> = {
  participation_drop: 3,
  more_of_format: 1,
  offer_sponsorship: 2,
  call_non_renewed: 3,
  personalise_reminders: 1,
  relaunch_inactive: 2,
  complete_profiles: 1,
  collect_hot_feedback: 3,
  remind_before_events: 2,
  qualify_referrals: 2,
  tell_a_story: 1,
  shorter_surveys: 1,
};

/** The thresholds of SPEC §5 (rates as fractions, NPS in points, satisfaction on 1–5). */
export const THRESHOLDS = {
  /** participation_rate fell by at least this many fraction points. */
  participationDrop: 0.1,
  /** A format's mean satisfaction at least this, on at least `formatMinAnswers` answers, above the mean. */
  formatSatisfaction: 4.3,
  formatMinAnswers: 5,
  /** first_year_renewal_rate below renewal_rate − this, or below `firstYearRenewal`. */
  firstYearGap: 0.1,
  firstYearRenewal: 0.7,
  openRate: 0.25,
  /** Months without activity for relaunch_inactive. */
  inactiveMonths: 3,
  profileCompletion: 0.6,
  /** NPS below this, or down by at least `npsFall` points. */
  nps: 0,
  npsFall: 15,
  showUp: 0.7,
  referralConversion: 0.25,
  surveyResponse: 0.3,
} as const;

/** Comparisons allow for binary fractions: 0.5 − 0.4 is a drop of 10 points, not 9.999…. */
const EPS = 1e-9;
const atLeast = (x: number, t: number): boolean => x >= t - EPS;
const below = (x: number, t: number): boolean => x < t - EPS;

/** How many names a text lists before "and N more". */
const NAMES_SHOWN = 5;

export interface RecommendationInput {
  kpis: KpiResult[];
  club: Club;
  period: Period;
  today: Day;
  settings: Settings;
  lang: Lang;
}

interface Fired {
  rule: RuleId;
  id?: string;
  text: { fr: string; en: string };
  figures: Record<string, unknown>;
  /** Order among several firings of one rule (more_of_format). */
  order?: number;
}

/** Every recommendation that fires, most severe first, then in SPEC §12's order. */
export function recommend(input: RecommendationInput): Recommendation[] {
  const byId = new Map(input.kpis.map((k) => [k.id, k]));
  const value = (id: string): number | null => {
    const v = byId.get(id)?.value;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const previous = (id: string): number | null => {
    const v = byId.get(id)?.previous;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const pct = (v: number, lang: Lang) => formatKpiValue(v, 'ratio', lang);
  const both = (make: (lang: Lang) => string) => ({ fr: make('fr'), en: make('en') });
  const fired: Fired[] = [];

  // participation_drop: participation fell ≥ 10 points against the previous period.
  {
    const now = value('participation_rate');
    const then = previous('participation_rate');
    if (now !== null && then !== null && atLeast(then - now, THRESHOLDS.participationDrop)) {
      fired.push({
        rule: 'participation_drop',
        figures: { participation_rate: now, previous: then, delta: now - then },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? 'La participation est passée de {before} à {now} ({delta}) : sondez les membres sur leurs mini-formats préférés (petit-déjeuner, webinaire, binômes express) et changez la formule.'
              : 'Participation fell from {before} to {now} ({delta}): survey members on their preferred mini-formats (breakfast, webinar, quick pairs) and change the formula.',
            { before: pct(then, lang), now: pct(now, lang), delta: formatDelta(now - then, 'ratio', lang) },
          ),
        ),
      });
    }
  }

  // more_of_format:<format>: satisfaction ≥ 4.3 on ≥ 5 answers and above the overall mean.
  {
    const overall = value('event_satisfaction');
    const rows = byId.get('event_satisfaction')?.details.by_format;
    if (overall !== null && Array.isArray(rows)) {
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
      good.forEach((r, order) => {
        const mean = r.mean as number;
        fired.push({
          rule: 'more_of_format',
          id: `more_of_format:${r.format}`,
          order,
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
        });
      });
    }
  }

  // offer_sponsorship: first-year renewal below renewal − 10 points, or below 70 %.
  {
    const first = value('first_year_renewal_rate');
    const renewal = value('renewal_rate');
    const underRenewal =
      renewal !== null && first !== null && below(first, renewal - THRESHOLDS.firstYearGap);
    const under70 = first !== null && below(first, THRESHOLDS.firstYearRenewal);
    if (first !== null && (underRenewal || under70)) {
      fired.push({
        rule: 'offer_sponsorship',
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
      });
    }
  }

  // call_non_renewed: the renewal KPI's to-call list is not empty.
  {
    const renewal = byId.get('renewal_rate');
    const toCall = renewal && renewal.value !== null ? renewal.details.to_call : null;
    if (Array.isArray(toCall) && toCall.length > 0) {
      const list = toCall as Array<{ member_id: string; name: string }>;
      const term = String(renewal?.details.term ?? '');
      fired.push({
        rule: 'call_non_renewed',
        figures: { count: list.length, term, members: list.map((m) => m.member_id) },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? list.length === 1
                ? '1 membre n’a pas renouvelé pour {term} : appelez-le ({names}).'
                : '{count} membres n’ont pas renouvelé pour {term} : appelez-les ({names}).'
              : list.length === 1
                ? '1 member did not renew for {term}: call them ({names}).'
                : '{count} members did not renew for {term}: call them ({names}).',
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
      });
    }
  }

  // personalise_reminders: open rate below 25 %.
  {
    const rate = value('email_open_rate');
    if (rate !== null && below(rate, THRESHOLDS.openRate)) {
      fired.push({
        rule: 'personalise_reminders',
        figures: { email_open_rate: rate },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? 'Taux d’ouverture des e-mails de {rate} (sous 25 %) : personnalisez les relances (objet, expéditeur, premier paragraphe).'
              : 'Email open rate of {rate} (below 25%): personalise reminders (subject, sender, first paragraph).',
            { rate: pct(rate, lang) },
          ),
        ),
      });
    }
  }

  // relaunch_inactive: members with no activity in the 3 months before P's end.
  {
    const inactive = inactiveMembers(input.club, input.period, input.today);
    if (inactive && inactive.members.length > 0) {
      const list = inactive.members;
      fired.push({
        rule: 'relaunch_inactive',
        figures: {
          count: list.length,
          since: isoOf(inactive.since),
          members: list.map((m) => m.id),
        },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? list.length === 1
                ? '1 membre n’a eu aucune activité depuis le {since} : relancez-le ({names}).'
                : '{count} membres n’ont eu aucune activité depuis le {since} : relancez-les ({names}).'
              : list.length === 1
                ? '1 member has had no activity since {since}: reach out to them ({names}).'
                : '{count} members have had no activity since {since}: reach out to them ({names}).',
            {
              count: list.length,
              since: formatIsoDate(isoOf(inactive.since), lang),
              names: names(list.map(memberName), lang),
            },
          ),
        ),
      });
    }
  }

  // complete_profiles: profile completion below 60 %.
  {
    const rate = value('profile_completion_rate');
    if (rate !== null && below(rate, THRESHOLDS.profileCompletion)) {
      fired.push({
        rule: 'complete_profiles',
        figures: { profile_completion_rate: rate },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? 'Les fiches membres ne sont remplies qu’à {rate} (sous 60 %) : demandez à chacun de compléter sa fiche annuaire.'
              : 'Member profiles are only {rate} complete (below 60%): ask everyone to complete their directory card.',
            { rate: pct(rate, lang) },
          ),
        ),
      });
    }
  }

  // collect_hot_feedback: NPS below 0, or down ≥ 15 points.
  {
    const nps = value('nps');
    const then = previous('nps');
    const delta = nps !== null && then !== null ? nps - then : null;
    if (
      nps !== null &&
      (below(nps, THRESHOLDS.nps) || (delta !== null && atLeast(-delta, THRESHOLDS.npsFall)))
    ) {
      fired.push({
        rule: 'collect_hot_feedback',
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
      });
    }
  }

  // remind_before_events: show-up below 70 %.
  {
    const rate = value('show_up_rate');
    if (rate !== null && below(rate, THRESHOLDS.showUp)) {
      fired.push({
        rule: 'remind_before_events',
        figures: { show_up_rate: rate },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? 'Seuls {rate} des inscrits sont venus (sous 70 %) : envoyez un rappel la veille de chaque événement.'
              : 'Only {rate} of those registered came (below 70%): send a reminder the day before each event.',
            { rate: pct(rate, lang) },
          ),
        ),
      });
    }
  }

  // qualify_referrals: referral conversion below 25 %.
  {
    const rate = value('referral_conversion_rate');
    if (rate !== null && below(rate, THRESHOLDS.referralConversion)) {
      fired.push({
        rule: 'qualify_referrals',
        figures: { referral_conversion_rate: rate },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? 'Seules {rate} des recommandations décidées aboutissent (sous 25 %) : qualifiez mieux les recommandations (besoin, budget, délai) avant de les transmettre.'
              : 'Only {rate} of decided referrals are won (below 25%): qualify referrals better (need, budget, timing) before passing them on.',
            { rate: pct(rate, lang) },
          ),
        ),
      });
    }
  }

  // tell_a_story: no success story dated in P (and not after today).
  {
    const stories = input.club.stories.filter(
      (s) => inPeriod(s.date, input.period) && s.date <= input.today,
    ).length;
    if (stories === 0) {
      fired.push({
        rule: 'tell_a_story',
        figures: { stories: 0, period: input.period.label },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? 'Aucune histoire de succès sur {period} : racontez-en une dans l’onglet Succès pour montrer ce que le réseau apporte.'
              : 'No success story for {period}: tell one in the Stories tab to show what the network brings.',
            { period: input.period.label },
          ),
        ),
      });
    }
  }

  // shorter_surveys: survey response rate below 30 %.
  {
    const rate = value('survey_response_rate');
    if (rate !== null && below(rate, THRESHOLDS.surveyResponse)) {
      fired.push({
        rule: 'shorter_surveys',
        figures: { survey_response_rate: rate },
        text: both((lang) =>
          fill(
            lang === 'fr'
              ? 'Taux de réponse aux enquêtes de {rate} (sous 30 %) : raccourcissez les questionnaires (trois questions, une minute).'
              : 'Survey response rate of {rate} (below 30%): make surveys shorter (three questions, one minute).',
            { rate: pct(rate, lang) },
          ),
        ),
      });
    }
  }

  const rank = (f: Fired) => RULE_ORDER.indexOf(f.rule);
  return fired
    .sort(
      (a, b) => SEVERITY[b.rule] - SEVERITY[a.rule] || rank(a) - rank(b) || (a.order ?? 0) - (b.order ?? 0),
    )
    .map((f) => ({
      id: f.id ?? f.rule,
      text: f.text[input.lang],
      severity: SEVERITY[f.rule],
      figures: f.figures,
    }));
}

/**
 * Members with no attended event, referral given, interaction, content or signed answer in the 3
 * months before P's end (from `since` to P's end, or to today while P is not over), among members
 * active at that end who joined before `since` (so were members the whole 3 months). Every row list
 * is walked once. Null when the club has no members or tracks no activity at all (then everyone
 * would look inactive for want of data, not of activity).
 */
export function inactiveMembers(
  club: Club,
  period: Period,
  today: Day,
): { since: Day; end: Day; members: Member[] } | null {
  const h = club.hasData;
  const tracked = (h.events && h.attendance) || h.referrals || h.interactions || h.contents || h.responses;
  if (!h.members || !tracked) return null;
  const end = effectiveEnd(period, today);
  const since = addMonths(end + 1, -THRESHOLDS.inactiveMonths);
  const busy = new Set<string>();
  const within = (d: Day | null) => d !== null && d >= since && d <= end;
  for (const a of club.attendance)
    if (a.member && a.attended === true && within(a.event.date)) busy.add(a.member.id);
  for (const r of club.referrals) if (r.giver && within(r.date)) busy.add(r.giver.id);
  for (const i of club.interactions) if (i.member && within(i.date)) busy.add(i.member.id);
  for (const c of club.contents) if (c.author && within(c.date)) busy.add(c.author.id);
  for (const a of club.answers) if (a.member && within(a.submittedOn)) busy.add(a.member.id);
  const members = club.members.filter(
    (m) => isActiveOn(m, end) && m.joinedOn !== null && m.joinedOn < since && !busy.has(m.id),
  );
  return { since, end, members };
}

function memberName(m: Member): string {
  return `${m.firstName} ${m.lastName}`.trim() || m.id;
}

/** `Alice Martin, Bruno Petit … et 3 autres`. */
function names(list: string[], lang: Lang): string {
  const shown = list.slice(0, NAMES_SHOWN).join(', ');
  const rest = list.length - NAMES_SHOWN;
  if (rest <= 0) return shown;
  return lang === 'fr' ? `${shown} et ${rest} autre${rest > 1 ? 's' : ''}` : `${shown} and ${rest} more`;
}

function formatLabel(format: string, lang: Lang): string {
  return EVENT_FORMATS.find((f) => f.id === format)?.label[lang] ?? format;
}
