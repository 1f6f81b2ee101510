/**
 * Recommendations (SPEC §5, ids of §12): a table of named rules over the KPIs already computed for
 * the period, like the KPI catalogue. Each rule has an id, a severity and a condition, and gives a
 * FR/EN text naming the figures that fired it, and those figures. A rule reads the KpiResult values,
 * previous values and details (satisfaction by format, the renewal to-call list…) and never
 * recomputes a KPI; a disabled KPI or one without data never fires its rule. Two rules look at rows
 * rather than KPIs: `relaunch_inactive` (per-member activity of the 3 months before P's end, indexed
 * once by member) and `tell_a_story` (Stories of P).
 *
 * Severity, 3 = most severe:
 * - 3 — the club is losing members or goodwill now: participation_drop, call_non_renewed,
 *   collect_hot_feedback (more detractors than promoters, or a sharp fall);
 * - 2 — a weakness that costs members or business if left alone: members_ask_format (members ask
 *   for a format the club rarely runs, issue 18), offer_sponsorship,
 *   relaunch_inactive, remind_before_events, qualify_referrals;
 * - 1 — an improvement or an opportunity: more_of_format, personalise_reminders (open rates are
 *   only indicative), complete_profiles, tell_a_story, shorter_surveys.
 * The list is sorted most severe first, then in the table's order (SPEC §12's order).
 */

import type { KpiResult } from '../kpis/types';
import {
  collectHotFeedback,
  moreOfFormat,
  participationDrop,
  remindBeforeEvents,
  shorterSurveys,
} from './rules/events';
import { callNonRenewed, completeProfiles, offerSponsorship, relaunchInactive } from './rules/members';
import { personaliseReminders, qualifyReferrals, tellAStory } from './rules/reach';
import { membersAskFormat } from './rules/voice';
import type { Recommendation, RecommendationInput, Rule, RuleContext, Severity } from './types';

export { inactiveMembers } from './inactive';
export { THRESHOLDS } from './thresholds';
export type { Recommendation, RecommendationInput, Rule } from './types';

/** The rules in SPEC §12's order; `more_of_format` fires once per format as `more_of_format:<format>`. */
export const RULES: Rule[] = [
  participationDrop,
  moreOfFormat,
  membersAskFormat,
  offerSponsorship,
  callNonRenewed,
  personaliseReminders,
  relaunchInactive,
  completeProfiles,
  collectHotFeedback,
  remindBeforeEvents,
  qualifyReferrals,
  tellAStory,
  shorterSurveys,
];

export const RULE_ORDER: string[] = RULES.map((r) => r.id);

export const SEVERITY: Record<string, Severity> = Object.fromEntries(RULES.map((r) => [r.id, r.severity]));

function finite(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function contextOf(input: RecommendationInput): RuleContext {
  const byId = new Map<string, KpiResult>(input.kpis.map((k) => [k.id, k]));
  return {
    ...input,
    kpi: (id) => byId.get(id),
    value: (id) => finite(byId.get(id)?.value),
    previous: (id) => finite(byId.get(id)?.previous),
  };
}

/** Every recommendation that fires, most severe first, then in SPEC §12's order. */
export function recommend(input: RecommendationInput, rules: Rule[] = RULES): Recommendation[] {
  const context = contextOf(input);
  const fired = rules.flatMap((rule, rank) =>
    rule.fire(context).map((firing, order) => ({ rule, rank, order, firing })),
  );
  return fired
    .sort((a, b) => b.rule.severity - a.rule.severity || a.rank - b.rank || a.order - b.order)
    .map(({ rule, firing }) => ({
      id: firing.id ?? rule.id,
      text: firing.text[input.lang],
      severity: rule.severity,
      figures: firing.figures,
    }));
}
