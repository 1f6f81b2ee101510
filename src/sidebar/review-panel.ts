/**
 * « Revue des indicateurs » / "KPI review" (issue 18), opened from the foot of the KPI panel: for
 * each KPI of the chosen period — the catalogue's and the club's own `custom:<id>` — whether it has
 * data, whether it moved, how many members ticked it in the cold survey, and its target; the board
 * ticks the KPIs to follow, changes targets, and saves into Settings (`saveKpiReview`). How to add
 * a club KPI in Settings is said below the list. Every text is inserted as text.
 */
import type { KpiReview, KpiReviewRow } from '../core/kpi-review';
import { server } from './server';
import { ask, byId, currentLang, el, onLanguage, showAlert } from './ui';

const TEXTS = {
  open: ['Revue des indicateurs', 'KPI review'],
  title: ['Revue des indicateurs', 'KPI review'],
  intro: [
    'Valeur sur {period}, évolution depuis {previous}, votes des membres, objectif. Cochez les indicateurs à suivre.',
    'Value for {period}, change since {previous}, members’ votes, target. Tick the KPIs to follow.',
  ],
  voters: [
    '{count} membre(s) ont dit quels indicateurs comptent pour eux (enquête à froid).',
    '{count} member(s) said which KPIs matter to them (semester survey).',
  ],
  noVoters: ['Aucun vote des membres sur la période.', 'No member vote in the period.'],
  loading: ['Calcul de la revue…', 'Computing the review…'],
  saving: ['Enregistrement dans Paramètres…', 'Saving into Settings…'],
  save: ['Enregistrer la revue', 'Save the review'],
  close: ['Fermer', 'Close'],
  noData: ['pas de données', 'no data'],
  up: ['en hausse', 'up'],
  down: ['en baisse', 'down'],
  flat: ['stable', 'flat'],
  votes: ['{count} vote(s)', '{count} vote(s)'],
  target: ['Objectif', 'Target'],
  targetOf: ['Objectif de « {label} »', 'Target of “{label}”'],
  custom: [
    'Nouvel indicateur du club : dans Paramètres, custom_kpi.<id> = count <onglet> ou sum <onglet>.<colonne> [where <colonne> = <valeur>], son nom en custom_kpi.<id>.label.',
    'New club KPI: in Settings, custom_kpi.<id> = count <tab> or sum <tab>.<column> [where <column> = <value>], its name in custom_kpi.<id>.label.',
  ],
} satisfies Record<string, [string, string]>;

type Key = keyof typeof TEXTS;

function tr(key: Key, values: Record<string, string | number> = {}): string {
  const text = TEXTS[key][currentLang() === 'fr' ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? String(values[k]) : whole));
}

let review: KpiReview | null = null;
/** The target as first shown, by KPI id: only changed ones are sent. */
const shownTargets = new Map<string, string>();
let busy = false;
let chosenPeriod: () => string = () => '';

function labelTexts(): void {
  byId('review-open').textContent = tr('open');
  byId('review-title').textContent = tr('title');
  byId('review-save').textContent = tr('save');
  byId('review-close').textContent = tr('close');
  byId('review-custom').textContent = tr('custom');
  if (review) render(review);
}

function metaOf(row: KpiReviewRow): string {
  const parts = [row.hasData ? row.valueText : tr('noData')];
  if (row.moved) parts.push(tr(row.moved));
  parts.push(tr('votes', { count: row.votes }));
  return parts.join(' · ');
}

function kpiRow(row: KpiReviewRow, index: number): HTMLElement {
  const item = el('div', 'review-kpi');
  const check = el('label', 'check');
  const box = el('input');
  box.type = 'checkbox';
  box.checked = row.enabled;
  box.dataset.id = row.id;
  check.append(box, document.createTextNode(` ${row.label}`));
  const meta = el('p', 'meta muted', metaOf(row));
  const target = el('input', 'target');
  target.id = `review-target-${index}`;
  target.type = 'text';
  target.inputMode = 'decimal';
  target.autocomplete = 'off';
  target.dataset.id = row.id;
  target.value = row.targetText;
  target.placeholder = tr('target');
  target.title = row.formula;
  target.setAttribute('aria-label', tr('targetOf', { label: row.label }));
  shownTargets.set(row.id, target.value);
  item.append(check, meta, target);
  return item;
}

function render(r: KpiReview): void {
  byId('review-line').textContent = r.line;
  byId('review-intro').textContent = tr('intro', { period: r.period, previous: r.previous });
  byId('review-voters').textContent = r.voters > 0 ? tr('voters', { count: r.voters }) : tr('noVoters');
  const list = byId('review-list');
  const groups = new Map<string, HTMLFieldSetElement>();
  list.replaceChildren();
  r.rows.forEach((row, i) => {
    let group = groups.get(row.familyLabel);
    if (!group) {
      group = el('fieldset');
      group.append(el('legend', '', row.familyLabel));
      groups.set(row.familyLabel, group);
      list.append(group);
    }
    group.append(kpiRow(row, i));
  });
}

async function openReview(): Promise<void> {
  if (busy) return;
  busy = true;
  const section = byId('review');
  section.hidden = false;
  const status = byId('review-status');
  byId('review-outcome').textContent = '';
  status.textContent = tr('loading');
  try {
    const result = await ask(() => server.getKpiReview({ period: chosenPeriod() || null }));
    if (result?.ok) {
      review = result.review;
      render(result.review);
      byId('review-title').scrollIntoView({ block: 'start' });
    }
  } finally {
    status.textContent = '';
    busy = false;
  }
}

async function saveReview(): Promise<void> {
  if (busy || !review) return;
  busy = true;
  const button = byId<HTMLButtonElement>('review-save');
  button.disabled = true;
  const status = byId('review-status');
  status.textContent = tr('saving');
  showAlert('');
  try {
    const list = byId('review-list');
    const enabled = [...list.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]
      .filter((box) => box.checked)
      .map((box) => box.dataset.id ?? '');
    const targets: Record<string, string> = {};
    for (const input of list.querySelectorAll<HTMLInputElement>('input.target')) {
      const id = input.dataset.id ?? '';
      if (input.value.trim() !== (shownTargets.get(id) ?? '')) targets[id] = input.value.trim();
    }
    const result = await ask(() =>
      server.saveKpiReview({ period: review?.period ?? null, enabled, targets }),
    );
    if (result?.ok) {
      byId('review-outcome').textContent = result.message;
      for (const [id, text] of Object.entries(targets)) shownTargets.set(id, text);
    }
  } finally {
    status.textContent = '';
    button.disabled = false;
    busy = false;
  }
}

export function initReviewPanel(period: () => string): void {
  chosenPeriod = period;
  labelTexts();
  onLanguage(labelTexts);
  byId('review-open').addEventListener('click', () => void openReview());
  byId('review-save').addEventListener('click', () => void saveReview());
  byId('review-close').addEventListener('click', () => {
    byId('review').hidden = true;
    byId('review-open').focus();
  });
}
