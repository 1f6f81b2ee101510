/**
 * What every sidebar panel shares: the FR/EN texts, the current language, small DOM helpers that
 * insert text only (never HTML), the alert region, error sentences and the link check.
 */
import type { Lang } from '../core/api';

/** Every text as [French, English]. */
const TEXTS = {
  tabKpis: ['Indicateurs', 'KPIs'],
  tabImport: ['Importer', 'Import'],
  tabSurveys: ['Enquêtes', 'Surveys'],
  refreshTitle: ['Actualisation', 'Refresh'],
  periodLabel: ['Période', 'Period'],
  customLabel: ['Ou période personnalisée', 'Or a custom period'],
  customHint: ['Laisser vide pour la période choisie plus haut.', 'Leave empty for the period chosen above.'],
  refresh: ['Actualiser les KPI', 'Refresh KPIs'],
  outcomeTitle: ['Résultat', 'Outcome'],
  empty: [
    'Aucune actualisation pour l’instant : cliquez sur « Actualiser les KPI ».',
    'No refresh yet: click “Refresh KPIs”.',
  ],
  setup: ['Créer les onglets de suivi', 'Set up tracking tabs'],
  membersEdition: ['Édition membres (imprimer / PDF)', "Members' edition (print / PDF)"],
  fundersEdition: ['Édition partenaires (imprimer / PDF)', "Funders' edition (print / PDF)"],
  mailEdition: ['Envoyer l’édition aux membres', 'Send the edition to the members'],
  mailQuestion: [
    'Envoyer l’édition {period} à {count} membre(s) ?',
    'Send the {period} edition to {count} member(s)?',
  ],
  mailSend: ['Confirmer l’envoi', 'Confirm the sending'],
  loading: ['Chargement…', 'Loading…'],
  starting: ['Démarrage de l’actualisation…', 'Starting the refresh…'],
  period: ['Période : {period}', 'Period: {period}'],
  previous: ['comparée {previous}', 'compared with {previous}'],
  took: ['Actualisé en {duration}', 'Refreshed in {duration}'],
  at: ['le {date}', 'on {date}'],
  issuesNone: ['Aucun problème dans les données.', 'No data issues.'],
  issuesOne: ['1 problème dans les données', '1 data issue'],
  issuesMany: ['{count} problèmes dans les données', '{count} data issues'],
  issuesShown: [
    'Les {shown} premiers sont listés. Cliquez sur un problème pour aller à sa cellule.',
    'The first {shown} are listed. Click an issue to go to its cell.',
  ],
  issuesHint: ['Cliquez sur un problème pour aller à sa cellule.', 'Click an issue to go to its cell.'],
  row: ['ligne {row}', 'row {row}'],
  colon: [' : ', ': '],
  value: ['Valeur : « {value} »', 'Value: “{value}”'],
  noCell: ['Cellule introuvable : l’onglet a peut-être changé.', 'Cell not found: the tab may have changed.'],
  setupRunning: ['Création des onglets…', 'Creating the tabs…'],
  setupCreated: ['Onglets créés : {tabs}.', 'Tabs created: {tabs}.'],
  setupNone: ['Tous les onglets de suivi existent déjà.', 'All tracking tabs already exist.'],
  settings: ['Objectifs et seuils', 'Targets and thresholds'],
  settingsTab: ['Paramètres', 'Settings'],
  settingsMissing: ['Onglet Paramètres absent.', 'No Settings tab.'],
  noAnswer: [
    'Le serveur n’a pas répondu. Réessayez dans un instant.',
    'The server did not answer. Try again in a moment.',
  ],
  failed: [
    'L’opération a échoué. Réessayez dans un instant.',
    'The operation failed. Try again in a moment.',
  ],
  up: ['en hausse', 'up'],
  down: ['en baisse', 'down'],
  good: ['bonne nouvelle', 'good news'],
  bad: ['mauvaise nouvelle', 'bad news'],
  statusGreen: ['Feu vert : objectif atteint', 'Green light: on target'],
  statusAmber: ['Feu orange : à surveiller', 'Amber light: to watch'],
  statusRed: ['Feu rouge : en alerte', 'Red light: alert'],
  statusGrey: ['Feu gris : pas de repère', 'Grey light: no reference'],
  // Import
  fileLabel: ['Fichier exporté', 'Exported file'],
  fileHint: [
    'CSV de HelloAsso, Eventbrite, Meetup, Mailchimp, MailerLite, Brevo ou Google Forms.',
    'CSV from HelloAsso, Eventbrite, Meetup, Mailchimp, MailerLite, Brevo or Google Forms.',
  ],
  sourceLabel: ['Source', 'Source'],
  sourceAuto: ['Détection automatique', 'Detect automatically'],
  eventLegend: ['Événement, si le fichier ne le précise pas', 'Event, if the file does not say'],
  eventDate: ['Date', 'Date'],
  eventTitle: ['Titre', 'Title'],
  preview: ['Aperçu', 'Preview'],
  apply: ['Importer', 'Import'],
  noFile: ['Choisissez d’abord un fichier.', 'Choose a file first.'],
  unreadable: ['Ce fichier est illisible.', 'This file cannot be read.'],
  tooBig: ['Ce fichier est trop volumineux (plus de {max} Mo).', 'This file is too large (over {max} MB).'],
  reading: ['Lecture du fichier…', 'Reading the file…'],
  previewing: ['Préparation de l’aperçu…', 'Preparing the preview…'],
  applying: ['Import en cours…', 'Importing…'],
  previewHead: ['Aperçu : rien n’est encore écrit', 'Preview: nothing written yet'],
  doneHead: ['Import terminé', 'Import done'],
  sourceLine: ['Source : {source}', 'Source: {source}'],
  toAdd: ['À ajouter', 'To add'],
  addRow: ['{tab} : {count} ligne(s)', '{tab}: {count} row(s)'],
  skippedTitle: ['Lignes ignorées ({count})', 'Lines skipped ({count})'],
  skippedLine: ['Ligne {line} : {reason}', 'Line {line}: {reason}'],
  more: ['et {count} autre(s)', 'and {count} more'],
  mappingTitle: ['Correspondance des colonnes', 'Column mapping'],
  ignoredColumn: ['(ignorée)', '(ignored)'],
  notesTitle: ['Remarques', 'Notes'],
  // Surveys
  hotTitle: ['Enquête à chaud', 'Post-event survey'],
  eventLabel: ['Événement', 'Event'],
  createHot: ['Créer l’enquête à chaud', 'Create the post-event survey'],
  coldTitle: ['Enquête à froid', 'Semester survey'],
  semesterLabel: ['Semestre', 'Semester'],
  createCold: ['Créer l’enquête à froid', 'Create the semester survey'],
  groupNew: ['Sans enquête', 'Without a survey'],
  groupUpcoming: ['À venir', 'Upcoming'],
  groupDone: ['Enquête déjà créée', 'Survey already created'],
  exists: ['déjà créée', 'already created'],
  noEvents: ['Aucun événement', 'No event'],
  noSemesters: ['Aucun semestre', 'No semester'],
  creating: ['Création du formulaire…', 'Creating the form…'],
  created: [
    'Formulaire créé et inscrit dans l’onglet Enquêtes.',
    'Form created and registered in the Surveys tab.',
  ],
  reused: [
    'Cette enquête existait déjà : son formulaire est réutilisé.',
    'This survey already existed: its form is reused.',
  ],
  newAnonymousForm: ['Créer un nouveau formulaire anonyme', 'Create a new anonymous form'],
  surveysTitle: ['Enquêtes créées', 'Surveys created'],
  surveyLabel: ['Enquête', 'Survey'],
  hotName: ['À chaud · {title}', 'Post-event · {title}'],
  coldName: ['À froid · {period}', 'Semester · {period}'],
  answers: ['{count} réponse(s)', '{count} answer(s)'],
  linkLabel: ['Lien public', 'Public link'],
  copy: ['Copier le lien', 'Copy link'],
  copied: ['Lien copié.', 'Link copied.'],
  copyManual: ['Lien sélectionné : copiez-le avec Ctrl+C.', 'Link selected: copy it with Ctrl+C.'],
  openForm: ['Ouvrir le formulaire', 'Open the form'],
  personal: [
    '{count} lien(s) personnel(s) pré-rempli(s), un par personne invitée.',
    '{count} personal pre-filled link(s), one per person invited.',
  ],
  anonymous: [
    'Enquête anonyme : un seul lien public, aucune identité enregistrée.',
    'Anonymous survey: one public link, no identity stored.',
  ],
  send: ['Envoyer les invitations', 'Send the invitations'],
  sending: ['Envoi des e-mails…', 'Sending the emails…'],
  sent: ['{count} invitation(s) envoyée(s)', '{count} invitation(s) sent'],
  reminders: ['{count} relance(s)', '{count} reminder(s)'],
  nothingToSend: [
    'Rien à envoyer : chaque personne a déjà reçu son e-mail.',
    'Nothing to send: everyone has had their email.',
  ],
  pending: [
    '{count} e-mail(s) en attente (quota du jour atteint) : cliquez à nouveau demain, sans doublon.',
    '{count} email(s) waiting (today’s quota reached): click again tomorrow, no duplicates.',
  ],
  quotaLeft: ['Quota restant aujourd’hui : {count} e-mail(s).', 'Quota left today: {count} email(s).'],
  withoutEmail: ['{count} personne(s) sans adresse e-mail.', '{count} without an email address.'],
  // Issue 22: the network snapshot.
  networkExport: ['Exporter l’instantané réseau', 'Export the network snapshot'],
  networkRunning: ['Calcul de l’instantané…', 'Computing the snapshot…'],
  networkDone: [
    'Instantané {period} ({count} indicateurs, sans nom ni e-mail) :',
    'Snapshot {period} ({count} KPIs, no names or e-mails):',
  ],
  // Membership form (issue 17)
  membershipTitle: ['Formulaire d’adhésion', 'Membership form'],
  membershipHint: [
    'Chaque réponse crée ou complète une fiche de l’onglet Membres.',
    'Each answer makes or completes a card of the Members tab.',
  ],
  membershipCreate: ["Créer le formulaire d'adhésion", 'Create the membership form'],
  membershipCreated: ['Formulaire créé : partagez son lien.', 'Form created: share its link.'],
  membershipReused: [
    'Le formulaire existait déjà : voici son lien.',
    'The form already existed: here is its link.',
  ],
  // A member's data (member-panel.ts).
  memberTitle: ['Données d’un membre (RGPD)', 'A member’s data (GDPR)'],
  memberLabel: ['Membre (ID, e-mail ou nom)', 'Member (ID, email or name)'],
  memberExport: ['Exporter les données d’un membre', 'Export a member’s data'],
  memberErase: ['Effacer un membre', 'Erase a member'],
  memberStatement: ['Bilan imprimable', 'Printable statement'],
  memberStatementShown: ['Bilan de {id} ({period}).', 'Statement of {id} ({period}).'],
  memberEraseConfirm: ['Confirmer l’effacement', 'Confirm the erasure'],
  memberCancel: ['Annuler', 'Cancel'],
  memberExported: ['{id} : {count} ligne(s), {tabs} onglet(s).', '{id}: {count} row(s), {tabs} tab(s).'],
  memberDownload: ['Télécharger le JSON', 'Download the JSON'],
  memberQuestion: [
    'Effacer pour de bon les données personnelles de {id} ({count} cellule(s)) ? L’ID et les chiffres restent.',
    'Erase the personal data of {id} for good ({count} cell(s))? The ID and figures stay.',
  ],
  memberAlready: ['{id} est déjà effacé.', '{id} is already erased.'],
  memberErased: ['Données de {id} effacées ({count} cellule(s)).', 'Data of {id} erased ({count} cell(s)).'],
  memberFormulas: [
    'Formules remplacées par leur valeur : {cells}.',
    'Formulas replaced by their value: {cells}.',
  ],
  // Automation (issue 17)
  automationTitle: ['Automatisation', 'Automation'],
  automationHint: [
    'Chaque jour, sans doublon : l’enquête du lendemain de chaque événement, le baromètre de fin de semestre, les relances.',
    'Every day, never twice: the survey the day after each event, the end-of-semester barometer, the nudges.',
  ],
  automationShow: ['Voir l’état de l’automatisation', 'Show the automation’s state'],
  automationOn: ['Automatisation activée.', 'Automation on.'],
  automationOnSince: ['Automatisation activée depuis le {since}.', 'Automation on since {since}.'],
  automationOff: ['Automatisation désactivée.', 'Automation off.'],
  automationNotMine: [
    'Votre déclencheur quotidien n’est pas installé sur ce classeur (un autre membre du bureau a le sien).',
    'Your daily trigger is not installed on this spreadsheet (another board member has theirs).',
  ],
  automationNeverRun: ['Aucun passage pour l’instant.', 'No run yet.'],
  automationLastRun: ['Dernier passage : {day} ({outcome}).', 'Last run: {day} ({outcome}).'],
  automationLastError: ['Dernière erreur ({day}) : {error}', 'Last error ({day}): {error}'],
  automationSwitchOn: ['Activer l’automatisation', 'Switch automation on'],
  automationSwitchOff: ['Désactiver l’automatisation', 'Switch automation off'],
  // Automation owner (issue 20)
  automationOwner: ['Responsable : {owner}, depuis le {since}.', 'Owner: {owner}, since {since}.'],
  automationOwnerMe: ['C’est vous.', 'That is you.'],
  automationOwnerUnknown: [
    'Responsable : non enregistré (activée avant que le module ne le note).',
    'Owner: not recorded (switched on before the add-on kept it).',
  ],
  automationTakeOver: ['Reprendre l’automatisation', 'Take over the automation'],
} satisfies Record<string, [fr: string, en: string]>;

export type TextKey = keyof typeof TEXTS;

let lang: Lang = 'fr';
const languageListeners: Array<() => void> = [];

/** Runs `listener` after every language switch (for texts built in code, e.g. select options). */
export function onLanguage(listener: () => void): void {
  languageListeners.push(listener);
}

export function currentLang(): Lang {
  return lang;
}

/** The text `key` in the current language, `{placeholders}` filled; `(s)` marks follow `count`. */
export function t(key: TextKey, values: Record<string, string | number> = {}): string {
  const text = TEXTS[key][lang === 'fr' ? 0 : 1].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
  return typeof values.count === 'number' ? text.replace(/\((e?s)\)/g, values.count > 1 ? '$1' : '') : text;
}

/** Switches every [data-t] text to `next`. */
export function applyLanguage(next: Lang): void {
  lang = next;
  document.documentElement.lang = next;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-t]'))) {
    node.textContent = t(node.dataset.t as TextKey);
  }
  for (const listener of languageListeners) listener();
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`Sidebar element #${id} is missing`);
  return found as T;
}

/** A new element; `text` is inserted as text, never parsed. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** One readable sentence from a failure: its first line, never a stack trace. */
export function sentenceOf(failure: unknown): string {
  const raw =
    failure instanceof Error
      ? failure.message
      : typeof failure === 'string'
        ? failure
        : String(failure ?? '');
  const firstLine =
    raw
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line && !/^at\s/.test(line)) ?? '';
  const message = firstLine.replace(
    /^(Uncaught\s+)?(Script)?(Error|Exception|TypeError|RangeError)\s*:\s*/i,
    '',
  );
  return message || t('failed');
}

/** The shared alert region (role="alert"), under the panel switcher. */
export function showAlert(message: string): void {
  byId('alert').textContent = message;
}

/** Runs a server call, showing a refusal, a dropped answer or a throw as one sentence; null then. */
export async function ask<R extends { ok: boolean }>(call: () => Promise<R | null>): Promise<R | null> {
  try {
    const result = await call();
    if (!result) showAlert(t('noAnswer'));
    else if (!result.ok) showAlert(sentenceOf((result as { message?: unknown }).message));
    else return result;
  } catch (failure) {
    showAlert(sentenceOf(failure));
  }
  return null;
}

/**
 * Whether a server-given URL may become a link: https only, plus http on this machine (the local
 * dev server's forms). Anything else (javascript:, data:…) stays plain text.
 */
export function isSafeUrl(url: string): boolean {
  return (
    /^https:\/\/[^\s]+$/i.test(url) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/[^\s]*)?$/i.test(url)
  );
}

/** `yyyy-MM-dd` as the club reads it: dd/MM/yyyy in French. */
export function dayText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === 'fr' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
