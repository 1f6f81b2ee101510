/**
 * The add-on's server bundle: everything Apps Script calls, gathered in the `App` namespace that
 * build.mjs wraps with top-level stubs (see entry-points.ts). Importing this file touches no
 * service: all work happens inside the functions.
 */

// Registers the time-zone reader used where Intl has no zone data (time-zones.ts).
import './time-zones';

export {
  CLUB_KPI,
  CLUB_KPIS,
  CLUB_MEMBER_SCORE,
  CLUB_NPS,
  CLUB_PERIOD,
  CLUB_RENEWAL_RATE,
} from './customFunctions';
export { runDiagnostic } from './diagnostic';
export { getSidebarState, selectIssueCell } from './endpoints';
export { applyImport, previewImport } from './imports';
export {
  eraseMember,
  exportMemberDataOf,
  menuEraseMember,
  menuExportMember,
  showMemberExport,
} from './member-data';
export { menuCheckInstallation, menuRefresh, menuSetupTabs, onInstall, onOpen, showSidebar } from './menu';
export { getRefreshProgress, refreshKpis } from './refresh';
export { setupTrackingTabs } from './setup';
export {
  createColdSurvey,
  createHotSurvey,
  listSurveyTargets,
  onSurveySubmit,
  sendSurveyInvitations,
  surveyForm,
  surveyLinks,
} from './surveys';
