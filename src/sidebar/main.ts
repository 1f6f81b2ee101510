/**
 * The Club Pulse sidebar. Three panels behind a tab switcher: « Indicateurs » (period picker,
 * « Actualiser les KPI » with live progress, the outcome of the last refresh — KPIs by family, data
 * issues that select their cell — and tracking-tab setup; this file), « Importer »
 * (import-panel.ts) and « Enquêtes » (survey-panel.ts). French first; the language comes from the
 * server's SidebarState. Every text that comes from the club's data is inserted as text
 * (textContent / createElement), never as HTML.
 */
import type { IssueSummary, KpiSummary, Progress, RefreshSummary, SidebarState, Status } from '../core/api';
import { initAutomationPanel } from './automation-panel';
import { renderChallenges } from './challenges-panel';
import { initEditionMailPanel } from './edition-mail-panel';
import { renderHighlights } from './highlights-panel';
import { initImportPanel } from './import-panel';
import { initMemberPanel } from './member-panel';
import { initMembershipPanel } from './membership-panel';
import { exportSnapshot } from './network-panel';
import { initReviewPanel } from './review-panel';
import { server } from './server';
import { initSurveyPanel, showSurveyPanel } from './survey-panel';
import { initTabs } from './tabs';
import { applyLanguage, byId, currentLang, el, sentenceOf, showAlert, type TextKey, t } from './ui';

const STATUS_TEXT: Record<Status, TextKey> = {
  green: 'statusGreen',
  amber: 'statusAmber',
  red: 'statusRed',
  grey: 'statusGrey',
};

/** How often the progress line asks the server for the current step. */
export const PROGRESS_POLL_MS = 700;

let refreshing = false;
/** Increments per refresh so that a late progress answer never paints over a finished one. */
let refreshRun = 0;

function numberLocale(): string {
  return currentLang() === 'fr' ? 'fr-FR' : 'en-GB';
}

function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  const nf = new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: seconds < 10 ? 1 : 0 });
  if (seconds < 60) return `${nf.format(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/**
 * The refresh instant (ISO, from the server) in the spreadsheet's locale and time zone, not the
 * browser's. A text that is not an ISO instant (a summary cached by an older version) is shown as
 * it is: parsing `04/12/2026` as a date would swap day and month.
 */
function formatWhen(iso: string, locale?: string, timeZone?: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return iso;
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat((locale || numberLocale()).replace('_', '-'), {
      ...options,
      timeZone: timeZone || undefined,
    }).format(when);
  } catch {
    // An unknown locale or time zone: the sidebar's language, the browser's zone.
    return new Intl.DateTimeFormat(numberLocale(), options).format(when);
  }
}

function renderState(state: SidebarState): void {
  applyLanguage(state.lang === 'en' ? 'en' : 'fr');
  byId('club-name').textContent = state.clubName || 'Club Pulse';
  const select = byId<HTMLSelectElement>('period-select');
  select.replaceChildren();
  const periods = state.periods.slice();
  if (state.defaultPeriod && !periods.some((p) => p.label === state.defaultPeriod)) {
    periods.unshift({ label: state.defaultPeriod, text: state.defaultPeriod });
  }
  for (const period of periods) {
    const option = el('option', '', period.text || period.label);
    option.value = period.label;
    if (period.text && period.text !== period.label) option.title = period.label;
    select.append(option);
  }
  if (state.defaultPeriod) select.value = state.defaultPeriod;
  if (state.last) renderSummary(state.last);
}

function kpiItem(kpi: KpiSummary): HTMLLIElement {
  const item = el('li', 'kpi');
  item.dataset.kpi = kpi.id;
  const dot = el('span', kpi.status ? `dot ${kpi.status}` : '');
  if (kpi.status && STATUS_TEXT[kpi.status]) {
    // The server's words say whether the light comes from a target or a benchmark.
    const words = kpi.statusText || t(STATUS_TEXT[kpi.status]);
    dot.setAttribute('role', 'img');
    dot.setAttribute('aria-label', words);
    dot.title = words;
  }
  item.append(dot, el('span', 'kpi-label', kpi.label), el('span', 'kpi-value', kpi.value));
  if (kpi.delta) {
    const sign = kpi.delta.trim().charAt(0);
    const direction = sign === '+' ? 'up' : sign === '-' || sign === '−' ? 'down' : '';
    const trend = kpi.trend === 'good' || kpi.trend === 'bad' ? kpi.trend : '';
    const delta = el('span', `delta ${trend}`.trim());
    if (direction) {
      const arrow = el('span', '', direction === 'up' ? '▲ ' : '▼ ');
      arrow.setAttribute('aria-hidden', 'true');
      delta.append(arrow);
    }
    delta.append(kpi.delta);
    const spoken = [direction ? t(direction) : '', trend ? t(trend) : ''].filter(Boolean).join(', ');
    if (spoken) delta.append(el('span', 'sr-only', ` (${spoken})`));
    item.append(delta);
  }
  return item;
}

function issueWhere(issue: IssueSummary): string {
  const parts = [issue.tab];
  if (issue.row !== null && issue.row !== undefined) parts.push(t('row', { row: issue.row }));
  if (issue.column) parts.push(issue.column);
  return parts.join(' · ');
}

function issueItem(issue: IssueSummary): HTMLLIElement {
  const item = el('li');
  const button = el('button', 'issue', `${issueWhere(issue)}${t('colon')}${issue.message}`);
  button.type = 'button';
  if (issue.value) button.append(el('span', 'issue-value', t('value', { value: issue.value })));
  button.addEventListener('click', () => void selectIssue(issue));
  item.append(button);
  return item;
}

function renderSummary(summary: RefreshSummary): void {
  byId('outcome-empty').hidden = true;
  byId('outcome-body').hidden = false;
  const periodLine = t('period', { period: summary.periodText || summary.period });
  byId('outcome-period').textContent = summary.previous
    ? `${periodLine} · ${t('previous', { previous: summary.previous })}`
    : periodLine;
  const timeLine = t('took', { duration: formatDuration(summary.durationMs) });
  const when = summary.refreshedAt ? formatWhen(summary.refreshedAt, summary.locale, summary.timeZone) : '';
  byId('outcome-time').textContent = when ? `${timeLine} · ${t('at', { date: when })}` : timeLine;

  const families = new Map<string, { label: string; kpis: KpiSummary[] }>();
  for (const kpi of summary.kpis ?? []) {
    const family = families.get(kpi.family) ?? { label: kpi.familyLabel || kpi.family, kpis: [] };
    family.kpis.push(kpi);
    families.set(kpi.family, family);
  }
  const blocks: HTMLElement[] = [];
  for (const family of families.values()) {
    const list = el('ul', 'kpis');
    list.append(...family.kpis.map(kpiItem));
    blocks.push(el('h3', '', family.label), list);
  }
  byId('kpis').replaceChildren(...blocks);
  renderHighlights(summary.highlights);
  renderChallenges(summary.challenges);

  const issues = summary.issues ?? [];
  const count = summary.issueCount ?? issues.length;
  byId('issues-title').textContent =
    count === 0 ? t('issuesNone') : count === 1 ? t('issuesOne') : t('issuesMany', { count });
  byId('issues-note').textContent =
    count > issues.length ? t('issuesShown', { shown: issues.length }) : count > 0 ? t('issuesHint') : '';
  byId('issues').replaceChildren(...issues.slice(0, 100).map(issueItem));
  byId('issue-status').textContent = '';
}

async function selectIssue(issue: IssueSummary): Promise<void> {
  const status = byId('issue-status');
  status.textContent = '';
  try {
    const found = await server.selectIssueCell(issue.tab, issue.row, issue.column);
    if (found === false) status.textContent = t('noCell');
  } catch (failure) {
    showAlert(sentenceOf(failure));
  }
}

function chosenPeriod(): string {
  const custom = byId<HTMLInputElement>('period-custom').value.trim();
  return custom || byId<HTMLSelectElement>('period-select').value;
}

function pollProgress(run: number): void {
  window.setTimeout(() => {
    if (run !== refreshRun || !refreshing) return;
    server
      .getRefreshProgress()
      .then((progress: Progress | null) => {
        if (run === refreshRun && refreshing && progress?.label)
          byId('progress').textContent = progress.label;
      })
      .catch(() => undefined)
      .then(() => pollProgress(run));
  }, PROGRESS_POLL_MS);
}

async function refresh(): Promise<void> {
  if (refreshing) return;
  refreshing = true;
  const run = ++refreshRun;
  const button = byId<HTMLButtonElement>('refresh');
  const hadFocus = document.activeElement === button;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  showAlert('');
  byId('progress').textContent = t('starting');
  pollProgress(run);
  try {
    const result = await server.refreshKpis({ period: chosenPeriod() });
    if (!result) showAlert(t('noAnswer'));
    else if (!result.ok) showAlert(sentenceOf(result.message));
    else renderSummary(result);
  } catch (failure) {
    showAlert(sentenceOf(failure));
  } finally {
    refreshing = false;
    button.disabled = false;
    button.removeAttribute('aria-busy');
    byId('progress').textContent = '';
    if (hadFocus && (document.activeElement === document.body || document.activeElement === null))
      button.focus();
  }
}

async function setupTabs(): Promise<void> {
  const button = byId<HTMLButtonElement>('setup');
  const status = byId('setup-status');
  if (button.disabled) return;
  button.disabled = true;
  status.textContent = t('setupRunning');
  try {
    const result = await server.setupTrackingTabs();
    if (!result) status.textContent = t('noAnswer');
    else
      status.textContent = result.created.length
        ? t('setupCreated', { tabs: result.created.join(', ') })
        : t('setupNone');
  } catch (failure) {
    status.textContent = '';
    showAlert(sentenceOf(failure));
  } finally {
    button.disabled = false;
  }
}

/** Opens the Settings tab, where targets, score thresholds and the language are set. */
async function openSettings(): Promise<void> {
  const status = byId('setup-status');
  try {
    const found = await server.selectIssueCell(t('settingsTab'), null, null);
    status.textContent = found === false ? t('settingsMissing') : '';
  } catch (failure) {
    showAlert(sentenceOf(failure));
  }
}

/** Opens the print dialog of an edition (issue 19) on the period of the last refresh. */
async function openEdition(kind: 'members' | 'funders'): Promise<void> {
  const status = byId('setup-status');
  try {
    const result = kind === 'members' ? await server.showMembersEdition() : await server.showFundersEdition();
    status.textContent = result && !result.ok ? result.message : '';
  } catch (failure) {
    showAlert(sentenceOf(failure));
  }
}

async function start(): Promise<void> {
  applyLanguage(currentLang());
  initTabs((panel) => {
    if (panel === 'surveys') void showSurveyPanel();
  });
  initImportPanel();
  initSurveyPanel();
  initMembershipPanel();
  initAutomationPanel();
  initReviewPanel(chosenPeriod);
  initMemberPanel();
  initEditionMailPanel();
  byId('refresh').addEventListener('click', () => void refresh());
  byId('setup').addEventListener('click', () => void setupTabs());
  byId('settings').addEventListener('click', () => void openSettings());
  byId('members-edition').addEventListener('click', () => void openEdition('members'));
  byId('funders-edition').addEventListener('click', () => void openEdition('funders'));
  byId('network-export').addEventListener('click', () => void exportSnapshot(chosenPeriod()));
  byId('period-custom').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') void refresh();
  });
  const progress = byId('progress');
  progress.textContent = t('loading');
  try {
    const state = await server.getSidebarState();
    if (state) renderState(state);
    else showAlert(t('noAnswer'));
  } catch (failure) {
    showAlert(sentenceOf(failure));
  } finally {
    if (!refreshing) progress.textContent = '';
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
