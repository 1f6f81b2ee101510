/**
 * The recommendation table (src/core/recommendations): twelve named rules in SPEC §12's order with
 * the severities of SPEC §5, each runnable alone, and the sort (most severe first, then table order)
 * independent of the order rules fire in.
 */

import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../src/core/kpis/types';
import { RULE_ORDER, RULES, recommend, SEVERITY } from '../../src/core/recommendations';
import type { Rule } from '../../src/core/recommendations/types';
import { run } from './fixtures';

describe('the rule table', () => {
  it('lists the twelve rules of SPEC §12 in order, with their severities (and issue 18 members_ask_format)', () => {
    expect(RULE_ORDER).toEqual([
      'participation_drop',
      'more_of_format',
      'members_ask_format',
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
    ]);
    expect(SEVERITY).toEqual({
      participation_drop: 3,
      more_of_format: 1,
      members_ask_format: 2,
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
    });
  });

  it('runs one rule alone, reading only finite KPI values', () => {
    const base = run([]);
    const showUp = RULES.find((r) => r.id === 'remind_before_events')!;
    const kpi = (value: unknown): KpiResult =>
      ({ ...base.kpis[0], id: 'show_up_rate', value, previous: null, details: {} }) as KpiResult;
    const input = (value: unknown) => ({ ...base, kpis: [kpi(value)] });
    // 0.5 < 0.7: fires, in the workbook's language, with its figure.
    expect(recommend(input(0.5), [showUp])).toEqual([
      {
        id: 'remind_before_events',
        severity: 2,
        figures: { show_up_rate: 0.5 },
        // 0.5 shown as a French percentage: 50,0 with a no-break space before %.
        text: expect.stringMatching(
          /^Seuls 50,0\u00a0% des inscrits sont venus .*la veille de chaque événement\.$/,
        ),
      },
    ]);
    // NaN, Infinity, text or null count as no data: no firing.
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, '0.5', null])
      expect(recommend(input(v), [showUp])).toEqual([]);
  });

  it('sorts most severe first, then by table rank, then in a rule’s own order', () => {
    const rule = (id: string, severity: 1 | 2 | 3, count = 1): Rule => ({
      id,
      severity,
      fire: () =>
        Array.from({ length: count }, (_, i) => ({
          id: count > 1 ? `${id}:${i}` : undefined,
          text: { fr: id, en: id },
          figures: {},
        })),
    });
    const out = recommend(run([]), [rule('a', 1), rule('b', 3), rule('c', 1, 2), rule('d', 3)]);
    expect(out.map((r) => r.id)).toEqual(['b', 'd', 'a', 'c:0', 'c:1']);
  });
});
