/**
 * Hot and cold surveys with Google Forms (SPEC §9), by concern: the club and the Surveys tab
 * (registry), creating forms (forms), personal links and e-mails (invitations), the intake of
 * answers (intake). The pure parts are the core's: core/survey-registry.ts (rows of the Surveys
 * tab, Responses columns, intake ledger) and core/survey-invitations.ts (recipients, mail log,
 * `planInvitations`, e-mail texts).
 */

export { createColdSurvey, createHotSurvey, ensureTrigger, SURVEY_HANDLER, surveyForm } from './forms';
export { INTAKE_SHEET, type IntakeResult, onSurveySubmit, syncSurveyResponses } from './intake';
export { sendSurveyInvitations, surveyLinks } from './invitations';
export { listSurveyTargets } from './registry';
