/**
 * The thresholds of SPEC §5 (rates as fractions, NPS in points, satisfaction on 1–5), and the
 * comparisons the rules make with them.
 */

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
  /** members_ask_format: at least this share of respondents ask for a format (issue 18). */
  askedFormatShare: 0.3,
} as const;

/** Comparisons allow for binary fractions: 0.5 − 0.4 is a drop of 10 points, not 9.999…. */
export const EPS = 1e-9;
export const atLeast = (x: number, t: number): boolean => x >= t - EPS;
export const below = (x: number, t: number): boolean => x < t - EPS;
