/**
 * The add-on menu and sidebar. `onOpen` may run in AuthMode.NONE: it only reads the user's
 * language (`Session.getActiveUserLocale()`, allowed there) and builds the menu; nothing else
 * touches a service, and no global code does.
 */

import type { Lang } from '../core/i18n';
import { checkInstallation, REPORT_TAB } from './diagnostic';
import { createMembershipForm } from './membership';
import { refreshKpis } from './refresh';
import { setupTrackingTabs } from './setup';

export const MENU = {
  sidebar: { fr: 'Ouvrir Club Pulse', en: 'Open Club Pulse' },
  setup: { fr: 'Créer les onglets de suivi', en: 'Set up tracking tabs' },
  refresh: { fr: 'Actualiser les KPI', en: 'Refresh KPIs' },
  check: { fr: "Vérifier l'installation", en: 'Check installation' },
  membersEdition: { fr: 'Édition membres (imprimer / PDF)', en: "Members' edition (print / PDF)" },
  fundersEdition: { fr: 'Édition partenaires (imprimer / PDF)', en: "Funders' edition (print / PDF)" },
  membership: { fr: "Créer le formulaire d'adhésion", en: 'Create the membership form' },
  exportMember: { fr: "Exporter les données d'un membre", en: "Export a member's data" },
  eraseMember: { fr: 'Effacer un membre', en: 'Erase a member' },
};

function userLang(): Lang {
  return Session.getActiveUserLocale().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function onOpen(_e?: unknown): void {
  const lang = userLang();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(MENU.sidebar[lang], 'showSidebar')
    .addItem(MENU.refresh[lang], 'menuRefresh')
    .addItem(MENU.membersEdition[lang], 'showMembersEdition')
    .addItem(MENU.fundersEdition[lang], 'showFundersEdition')
    .addSeparator()
    .addItem(MENU.setup[lang], 'menuSetupTabs')
    .addItem(MENU.membership[lang], 'menuMembershipForm')
    .addItem(MENU.check[lang], 'menuCheckInstallation')
    .addSeparator()
    .addItem(MENU.exportMember[lang], 'menuExportMember')
    .addItem(MENU.eraseMember[lang], 'menuEraseMember')
    .addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Club Pulse');
  SpreadsheetApp.getUi().showSidebar(html);
}

export function menuSetupTabs(): void {
  const lang = userLang();
  const result = setupTrackingTabs();
  const text =
    result.created.length > 0
      ? `${lang === 'fr' ? 'Onglets créés' : 'Tabs created'} : ${result.created.join(', ')}`
      : lang === 'fr'
        ? 'Tous les onglets de suivi existent déjà.'
        : 'Every tracking tab already exists.';
  SpreadsheetApp.getActiveSpreadsheet().toast(text, 'Club Pulse');
}

export function menuRefresh(): void {
  const lang = userLang();
  const result = refreshKpis({});
  const text = result.ok
    ? lang === 'fr'
      ? `Tableau de bord actualisé (${result.period}) : ${result.issueCount} problème(s) de données.`
      : `Dashboard refreshed (${result.period}): ${result.issueCount} data issue(s).`
    : result.message;
  SpreadsheetApp.getActiveSpreadsheet().toast(text, 'Club Pulse');
}

export function menuCheckInstallation(): void {
  const { lang, rows } = checkInstallation();
  const failed = rows.filter((r) => r.verdict === 'fail').length;
  const text =
    lang === 'fr'
      ? `Vérification écrite dans l'onglet « ${REPORT_TAB.fr} » : ${failed} échec(s).`
      : `Check written to the tab "${REPORT_TAB.en}": ${failed} failure(s).`;
  SpreadsheetApp.getActiveSpreadsheet().toast(text, 'Club Pulse');
}

/** Menu item: the membership form, created once; its link in a toast (the sidebar offers to copy it). */
export function menuMembershipForm(): void {
  const lang = userLang();
  const result = createMembershipForm();
  const text = result.ok
    ? `${lang === 'fr' ? "Formulaire d'adhésion\u00a0:" : 'Membership form:'} ${result.publicUrl}${result.warning ? ` — ${result.warning}` : ''}`
    : result.message;
  SpreadsheetApp.getActiveSpreadsheet().toast(text, 'Club Pulse');
}
