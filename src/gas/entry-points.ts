/**
 * Every top-level function Apps Script must see — triggers, menu items, `google.script.run`
 * endpoints, custom functions — with its real parameter names and JSDoc. build.mjs turns this
 * table into the `function NAME(a, b) { return App.NAME(a, b) }` stubs at the end of Code.js
 * (esbuild drops comments, and Sheets reads `@customfunction` help from the stub).
 */

export interface EntryPoint {
  name: string;
  params: string[];
  /** JSDoc lines, without the comment markers. */
  doc: string[];
  kind: 'trigger' | 'menu' | 'endpoint' | 'custom_function';
}

export const ENTRY_POINTS: EntryPoint[] = [
  {
    name: 'onOpen',
    params: ['e'],
    kind: 'trigger',
    doc: ['Builds the Club Pulse menu (runs in AuthMode.NONE too).', '@param {Object} e the open event'],
  },
  {
    name: 'onInstall',
    params: ['e'],
    kind: 'trigger',
    doc: ['Runs onOpen after installation.', '@param {Object} e the install event'],
  },
  { name: 'showSidebar', params: [], kind: 'menu', doc: ['Opens the Club Pulse sidebar.'] },
  { name: 'menuRefresh', params: [], kind: 'menu', doc: ['Menu item: refresh the KPIs and the dashboard.'] },
  { name: 'menuSetupTabs', params: [], kind: 'menu', doc: ['Menu item: create the missing tracking tabs.'] },
  {
    name: 'menuCheckInstallation',
    params: [],
    kind: 'menu',
    doc: ['Menu item: probe the platform and the granted scopes, and write the report tab.'],
  },
  {
    name: 'runDiagnostic',
    params: [],
    kind: 'endpoint',
    doc: ['The installation probes, as rows (used by the CLI command doctor).'],
  },
  { name: 'getSidebarState', params: [], kind: 'endpoint', doc: ['Sidebar: initial state (JSON).'] },
  {
    name: 'refreshKpis',
    params: ['request'],
    kind: 'endpoint',
    doc: ['Sidebar: refresh the KPIs.', '@param {Object} request {period, today}'],
  },
  {
    name: 'getRefreshProgress',
    params: [],
    kind: 'endpoint',
    doc: ['Sidebar: progress of the running refresh.'],
  },
  {
    name: 'selectIssueCell',
    params: ['tab', 'row', 'column'],
    kind: 'endpoint',
    doc: [
      'Sidebar: select the cell of a data issue.',
      '@param {string} tab',
      '@param {number} row',
      '@param {string} column',
    ],
  },
  {
    name: 'setupTrackingTabs',
    params: [],
    kind: 'endpoint',
    doc: ['Sidebar: create the missing tracking tabs.'],
  },
  {
    name: 'previewImport',
    params: ['request'],
    kind: 'endpoint',
    doc: [
      'Sidebar and CLI: what importing an export file would add and skip.',
      '@param {Object} request {fileName, text, source, mapping, event}',
    ],
  },
  {
    name: 'applyImport',
    params: ['request'],
    kind: 'endpoint',
    doc: [
      'Sidebar and CLI: import an export file into the tracking tabs.',
      '@param {Object} request {fileName, text, source, mapping, event}',
    ],
  },
  {
    name: 'onSurveySubmit',
    params: ['e'],
    kind: 'trigger',
    doc: [
      'Installable spreadsheet form-submit trigger: takes a survey answer into the Responses tab.',
      '@param {Object} e the form-submit event (values, namedValues, range)',
    ],
  },
  {
    name: 'listSurveyTargets',
    params: [],
    kind: 'endpoint',
    doc: ['Sidebar: events and semesters a survey can be made for, and the registered surveys.'],
  },
  {
    name: 'createHotSurvey',
    params: ['eventId', 'options'],
    kind: 'endpoint',
    doc: [
      'Sidebar: create (or reuse) the hot survey of an event.',
      '@param {string} eventId',
      '@param {Object=} options {newAnonymousForm: true} replaces a form asking for the member code',
    ],
  },
  {
    name: 'createColdSurvey',
    params: ['period', 'options'],
    kind: 'endpoint',
    doc: [
      'Sidebar: create (or reuse) the cold survey of a semester.',
      '@param {string} period e.g. 2026-S1',
      '@param {Object=} options {newAnonymousForm: true} replaces a form asking for the member code',
    ],
  },
  {
    name: 'surveyLinks',
    params: ['surveyId'],
    kind: 'endpoint',
    doc: ['Sidebar: the personal (pre-filled) links of a survey.', '@param {string} surveyId'],
  },
  {
    name: 'sendSurveyInvitations',
    params: ['surveyId'],
    kind: 'endpoint',
    doc: [
      'Sidebar: email invitations and reminders within the daily mail quota (resumable).',
      '@param {string} surveyId',
    ],
  },
  {
    name: 'surveyForm',
    params: ['surveyId'],
    kind: 'endpoint',
    doc: [
      'Local CLI: the form id of a survey and its questions by Responses field.',
      '@param {string} surveyId',
    ],
  },
  {
    name: 'menuExportMember',
    params: [],
    kind: 'menu',
    doc: ["Menu item: export a member's data (printable page and JSON)."],
  },
  {
    name: 'menuEraseMember',
    params: [],
    kind: 'menu',
    doc: ["Menu item: erase a member's personal data, after a confirmation."],
  },
  {
    name: 'exportMemberDataOf',
    params: ['member'],
    kind: 'endpoint',
    doc: ['Sidebar and CLI: every row naming a member, as JSON.', '@param {string} member ID, email or name'],
  },
  {
    name: 'showMemberExport',
    params: ['member'],
    kind: 'endpoint',
    doc: ["Sidebar: a member's data in a printable dialog.", '@param {string} member ID, email or name'],
  },
  {
    name: 'eraseMember',
    params: ['request'],
    kind: 'endpoint',
    doc: [
      "Sidebar and CLI: erase a member's personal data.",
      '@param {Object} request {member, preview, confirm}',
    ],
  },
  {
    name: 'CLUB_KPI',
    params: ['kpi_id', 'period', 'stamp'],
    kind: 'custom_function',
    doc: [
      "Valeur d'un indicateur du club / The value of one club KPI.",
      '@param {string} kpi_id Identifiant du KPI (ex. "nps", "participation_rate") / KPI id.',
      '@param {string} period Période (ex. "2026-S1") ; vide = dernière actualisation / Period; empty = last refresh.',
      '@param {Date} stamp Cellule ClubPulse_LastRefresh, pour recalculer après chaque actualisation / Pass ClubPulse_LastRefresh to recalculate after each refresh.',
      '@return La valeur du KPI / The KPI value.',
      '@customfunction',
    ],
  },
  {
    name: 'CLUB_KPIS',
    params: ['period', 'stamp'],
    kind: 'custom_function',
    doc: [
      'Tableau de tous les indicateurs / The table of every KPI.',
      '@param {string} period Période (ex. "2026-S1") ; vide = dernière actualisation / Period; empty = last refresh.',
      '@param {Date} stamp Cellule ClubPulse_LastRefresh / Pass ClubPulse_LastRefresh to recalculate after each refresh.',
      '@return Le tableau des KPI / The KPI table.',
      '@customfunction',
    ],
  },
  {
    name: 'CLUB_NPS',
    params: ['scores'],
    kind: 'custom_function',
    doc: [
      'Net Promoter Score de notes de 0 à 10 / Net Promoter Score of 0–10 answers.',
      '@param {number[]} scores Plage de notes 0–10 / Range of 0–10 scores.',
      '@return Le NPS, de -100 à +100 / The NPS, from -100 to +100.',
      '@customfunction',
    ],
  },
  {
    name: 'CLUB_PERIOD',
    params: ['date', 'granularity'],
    kind: 'custom_function',
    doc: [
      "Libellé de la période d'une date / The period label of a date.",
      '@param {Date} date La date / The date.',
      '@param {string} granularity mois, trimestre, semestre (défaut), année, exercice / month, quarter, semester (default), year, fy.',
      '@return Le libellé, ex. "2026-S1" / The label, e.g. "2026-S1".',
      '@customfunction',
    ],
  },
  {
    name: 'CLUB_MEMBER_SCORE',
    params: ['member', 'period', 'stamp'],
    kind: 'custom_function',
    doc: [
      "Score d'activité d'un membre, sur 100 / A member's activity score, out of 100.",
      '@param {string} member ID membre, e-mail ou nom / Member ID, email or name.',
      '@param {string} period Période (ex. "2026-S1") ; vide = dernière actualisation / Period; empty = last refresh.',
      '@param {Date} stamp Cellule ClubPulse_LastRefresh, pour recalculer après chaque actualisation / Pass ClubPulse_LastRefresh to recalculate after each refresh.',
      '@return Le score de 0 à 100 / The score from 0 to 100.',
      '@customfunction',
    ],
  },
  {
    name: 'CLUB_RENEWAL_RATE',
    params: ['previous_ids', 'current_ids'],
    kind: 'custom_function',
    doc: [
      'Taux de renouvellement entre deux listes de membres / Renewal rate between two member lists.',
      "@param {string[]} previous_ids IDs des membres de l'exercice précédent / Member IDs of the previous term.",
      "@param {string[]} current_ids IDs des membres de l'exercice en cours / Member IDs of the current term.",
      '@return La part des membres précédents encore présents, ex. 0,75 / The share of previous members still there, e.g. 0.75.',
      '@customfunction',
    ],
  },
];
