/**
 * « Importer » / Import: pick an export file (read here as text: UTF-16, UTF-8 or Windows-1252, told
 * from its bytes), optionally name its source and the event it is about, preview what
 * the server would add and skip (previewImport), then write it (applyImport) with the very request
 * that was previewed. The server's sentences are shown as text.
 */

import type { ImportPreview, ImportRequest } from '../core/api';
import { decodeExport } from '../core/imports/encoding';
import { server } from './server';
import { ask, byId, currentLang, el, onLanguage, showAlert, t } from './ui';

/** The sources a club may name (ids of src/core/imports; BNI PALMS `.xls` goes through the CLI). */
const SOURCES: Array<[id: string, brand: string, fr: string, en: string]> = [
  ['helloasso_payments', 'HelloAsso', 'paiements', 'payments'],
  ['helloasso_memberships', 'HelloAsso', 'adhésions', 'memberships'],
  ['helloasso_tickets', 'HelloAsso', 'billetterie', 'ticketing'],
  ['eventbrite', 'Eventbrite', 'participants', 'attendees'],
  ['meetup', 'Meetup', 'participants', 'attendees'],
  ['mailchimp', 'Mailchimp', 'rapport de campagne', 'campaign report'],
  ['mailerlite', 'MailerLite', 'rapport de campagne', 'campaign report'],
  ['brevo', 'Brevo', 'rapport de campagnes', 'campaign report'],
  ['google_forms', 'Google Forms', 'réponses', 'responses'],
  ['network_benchmarks', 'benchmarks.csv', 'repères du réseau', 'network benchmarks'],
];
/** Sources about one event that the file may not name or date. */
const EVENT_SOURCES = ['helloasso_tickets', 'eventbrite', 'meetup'];
const MAX_MB = 20;
/** Skipped lines listed one by one; the rest are counted. */
const SKIPPED_SHOWN = 50;

let busy = false;
/** The request last previewed: « Importer » sends exactly this one. */
let previewed: ImportRequest | null = null;
/** The source the last preview detected, which may call for the event fields. */
let detected = '';

function renderSources(): void {
  const select = byId<HTMLSelectElement>('import-source');
  const chosen = select.value;
  const auto = el('option', '', t('sourceAuto'));
  auto.value = '';
  const fr = currentLang() === 'fr';
  select.replaceChildren(
    auto,
    ...SOURCES.map(([id, brand, nameFr, nameEn]) => {
      const option = el('option', '', `${brand} — ${fr ? nameFr : nameEn}`);
      option.value = id;
      return option;
    }),
  );
  select.value = chosen;
}

/** The file's text: UTF-16, UTF-8 or Windows-1252, told from its bytes (src/core/imports/encoding.ts). */
async function fileText(file: File): Promise<string> {
  try {
    return decodeExport(new Uint8Array(await file.arrayBuffer())).text;
  } catch {
    throw new Error(t('unreadable'));
  }
}

function showEventFields(): void {
  const source = byId<HTMLSelectElement>('import-source').value || detected;
  byId('import-event').hidden = !EVENT_SOURCES.includes(source);
}

/** Any change to the file or the options: the preview no longer says what « Importer » would do. */
function invalidate(clearResult: boolean): void {
  previewed = null;
  byId<HTMLButtonElement>('import-apply').disabled = true;
  if (clearResult) {
    detected = '';
    byId('import-result').replaceChildren();
  }
  showEventFields();
}

async function buildRequest(file: File): Promise<ImportRequest> {
  const request: ImportRequest = { fileName: file.name, text: await fileText(file) };
  const source = byId<HTMLSelectElement>('import-source').value;
  if (source) request.source = source;
  if (!byId('import-event').hidden) {
    const date = byId<HTMLInputElement>('event-date').value.trim();
    const title = byId<HTMLInputElement>('event-title').value.trim();
    if (date || title) request.event = { ...(date ? { date } : {}), ...(title ? { title } : {}) };
  }
  return request;
}

function list(items: string[], className = ''): HTMLUListElement {
  const ul = el('ul', `lines ${className}`.trim());
  ul.append(...items.map((text) => el('li', '', text)));
  return ul;
}

function renderPreview(result: ImportPreview): void {
  const blocks: HTMLElement[] = [
    el('h3', '', t(result.written ? 'doneHead' : 'previewHead')),
    el('p', 'summary', result.summary),
    el('p', 'muted', t('sourceLine', { source: result.sourceLabel })),
  ];
  const additions = result.additions.filter((a) => a.rows > 0);
  if (additions.length > 0) {
    blocks.push(
      el('h3', '', t('toAdd')),
      list(additions.map((a) => t('addRow', { tab: a.tabName, count: a.rows }))),
    );
  }
  if (result.skipped.length > 0) {
    const shown = result.skipped.slice(0, SKIPPED_SHOWN);
    const lines = list(
      shown.map((s) => t('skippedLine', { line: s.line, reason: s.reason })),
      'skipped',
    );
    const rest = result.skipped.length - shown.length;
    if (rest > 0) lines.append(el('li', 'muted', t('more', { count: rest })));
    blocks.push(el('h3', '', t('skippedTitle', { count: result.skipped.length })), lines);
  }
  const mapping = result.mapping?.columns;
  if (mapping && Object.keys(mapping).length > 0) {
    blocks.push(
      el('h3', '', t('mappingTitle')),
      list(Object.entries(mapping).map(([column, field]) => `${column} → ${field || t('ignoredColumn')}`)),
    );
  }
  if (result.notes.length > 0) blocks.push(el('h3', '', t('notesTitle')), list(result.notes));
  byId('import-result').replaceChildren(...blocks);
}

/** Shows a step in the status line and blocks the buttons while the server works. */
function working(step: string): void {
  busy = Boolean(step);
  byId('import-status').textContent = step;
  byId<HTMLButtonElement>('import-preview').disabled = busy;
  if (busy) byId<HTMLButtonElement>('import-apply').disabled = true;
}

async function preview(): Promise<void> {
  if (busy) return;
  const file = byId<HTMLInputElement>('import-file').files?.[0];
  showAlert('');
  if (!file) {
    showAlert(t('noFile'));
    return;
  }
  if (file.size > MAX_MB * 1024 * 1024) {
    showAlert(t('tooBig', { max: MAX_MB }));
    return;
  }
  invalidate(false);
  byId('import-result').replaceChildren();
  working(t('reading'));
  let request: ImportRequest;
  try {
    request = await buildRequest(file);
  } catch (_failure) {
    working('');
    showAlert(t('unreadable'));
    return;
  }
  working(t('previewing'));
  const result = await ask(() => server.previewImport(request));
  working('');
  if (!result?.ok) return;
  detected = result.source;
  renderPreview(result);
  showEventFields();
  previewed = request;
  byId<HTMLButtonElement>('import-apply').disabled = !result.additions.some((a) => a.rows > 0);
}

async function apply(): Promise<void> {
  const request = previewed;
  if (busy || !request) return;
  showAlert('');
  const hadFocus = document.activeElement === byId('import-apply');
  working(t('applying'));
  const result = await ask(() => server.applyImport(request));
  working('');
  if (!result?.ok) {
    byId<HTMLButtonElement>('import-apply').disabled = false;
    return;
  }
  previewed = null;
  renderPreview(result);
  // The button is now disabled: keep keyboard users next to what happened.
  if (hadFocus) byId('import-result').focus();
}

export function initImportPanel(): void {
  renderSources();
  onLanguage(renderSources);
  byId('import-file').addEventListener('change', () => invalidate(true));
  byId('import-source').addEventListener('change', () => invalidate(false));
  for (const id of ['event-date', 'event-title']) byId(id).addEventListener('input', () => invalidate(false));
  byId('import-preview').addEventListener('click', () => void preview());
  byId('import-apply').addEventListener('click', () => void apply());
}
