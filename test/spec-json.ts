// The keys of SPEC §11's `--json` document, written once for the tests that check its shape.
export const REPORT_KEYS = ['period', 'previous', 'kpis', 'issues', 'recommendations', 'challenges', 'voice'];
export const KPI_KEYS = [
  'id',
  'value',
  'previous',
  'delta',
  'previous_year',
  'delta_year',
  'n',
  'unit',
  'status',
  'target',
  'benchmark',
  'details',
];
