// The KPIs whose values have a fixed range, shared by the property tests: fractions in [0, 1]
// (rates; not net growth, net sentiment or ROI, which are signed or unbounded ratios) and 1–5 means.
export const RATE_KPIS = [
  'participation_rate',
  'registration_rate',
  'show_up_rate',
  'guest_conversion_rate',
  'email_open_rate',
  'referral_conversion_rate',
  'decisive_connection_rate',
  'survey_response_rate',
  'renewal_rate',
  'first_year_renewal_rate',
  'churn_rate',
  'new_member_rate',
  'profile_completion_rate',
];

export const MEAN_KPIS = ['event_satisfaction', 'connection_value', 'belonging_index', 'mutual_help_index'];
