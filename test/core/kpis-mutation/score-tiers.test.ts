/**
 * The score tiers in force (src/core/score.ts `scoreTiers`, SPEC §4), hand-worked from Settings
 * `score.*` keys (issue 23): every way of writing "more than 0", thresholds with spaces, commas and
 * `%`, a tier removed by 0 points, and the keys that are ignored (no dot, unknown component, a
 * threshold that is no number, negative or infinite points). Tiers come best first within each
 * component, components in the Palmarès order.
 */

import { describe, expect, it } from 'vitest';
import { scoreTiers } from '../../../src/core/score';
import { defaultSettings } from '../../../src/core/settings';

const tiersWith = (score: Record<string, number>) =>
  scoreTiers({ ...defaultSettings(), score }).map((t) => [t.key, t.at, t.points]);

describe('scoreTiers', () => {
  it('are the defaults without Settings', () => {
    expect(tiersWith({}).filter(([key]) => String(key).startsWith('score.business'))).toEqual([
      ['score.business.10000', 10_000, 15],
      ['score.business.2500', 2_500, 10],
      ['score.business.any', 'any', 5],
    ]);
  });

  it('reads every form of threshold, removes tiers at 0 points, ignores what is not a tier', () => {
    const tiers = tiersWith({
      'attendance.any': 3, // a new tier under 25 %
      'referrals.>0': 0, // removes the "more than 0" tier
      'guests.tout': 7, // changes the "more than 0" tier
      'contents.0': 2, // 0 = more than 0: a new tier
      'business.10 000': 20, // spaces in the number
      'interactions.2,5': 12, // decimal comma
      'surveys.50 %': 0, // removes the 50 % tier
      nodot: 5,
      'unknown.5': 5,
      'sponsor.abc': 5,
      'sponsor.2x': 5,
      'sponsor.x2': 5,
      'sponsor.3': -1,
      'sponsor.4': Number.POSITIVE_INFINITY,
    });
    expect(tiers).toEqual([
      ['score.attendance.90', 90, 20],
      ['score.attendance.75', 75, 15],
      ['score.attendance.50', 50, 10],
      ['score.attendance.25', 25, 5],
      ['score.attendance.any', 'any', 3],
      ['score.referrals.2', 2, 20],
      ['score.referrals.1', 1, 15],
      ['score.referrals.0.5', 0.5, 10],
      ['score.business.10000', 10_000, 20],
      ['score.business.2500', 2_500, 10],
      ['score.business.any', 'any', 5],
      ['score.guests.0.5', 0.5, 10],
      ['score.guests.any', 'any', 7],
      ['score.contents.3', 3, 10],
      ['score.contents.1', 1, 5],
      ['score.contents.any', 'any', 2],
      ['score.interactions.2.5', 2.5, 12],
      ['score.interactions.2', 2, 10],
      ['score.interactions.any', 'any', 5],
      ['score.surveys.any', 'any', 5],
      ['score.sponsor.1', 1, 5],
    ]);
  });

  it('labels a new tier in both languages', () => {
    const [tier] = scoreTiers({ ...defaultSettings(), score: { 'interactions.2,5': 12 } }).filter(
      (t) => t.at === 2.5,
    );
    expect(tier.label).toEqual({
      fr: 'Interactions par mois (entraide, partage…) ≥ 2,5',
      en: 'Interactions per month (help, sharing…) ≥ 2.5',
    });
    const [any] = scoreTiers({ ...defaultSettings(), score: { 'attendance.any': 3 } }).filter(
      (t) => t.component === 'attendance' && t.at === 'any',
    );
    expect(any.label.en).toBe('Attendance (events attended ÷ events in the window) > 0');
  });
});
