/**
 * « Enquêtes » / Surveys: create the hot survey of an event (events without one offered first) or
 * the cold survey of a semester, then for the chosen survey: its public link (opened only when it
 * is https://, or http:// on this machine), « Copier le lien », the answer count, how many personal
 * pre-filled links it has, and « Envoyer les invitations » with what was sent and what waits for
 * tomorrow's quota. Loaded when the panel is first shown, and again on each visit.
 */
import type { InvitationResult, SurveySummary, SurveyTargets } from '../core/api';
import { bySurveyOrder } from '../core/survey-order';
import { server } from './server';
import { ask, byId, dayText, el, isSafeUrl, onLanguage, sentenceOf, showAlert, t } from './ui';

let targets: SurveyTargets | null = null;
let current = '';
let busy = false;
/** Increments per shown survey so that a late surveyLinks answer never paints another survey. */
let shown = 0;

function option(value: string, text: string): HTMLOptionElement {
  const node = el('option', '', text);
  node.value = value;
  return node;
}

function eventText(e: SurveyTargets['events'][number]): string {
  return `${dayText(e.date)} · ${e.title || e.eventId}`;
}

function surveyName(s: SurveySummary): string {
  if (s.kind === 'cold') return t('coldName', { period: s.target });
  const event = targets?.events.find((e) => e.eventId === s.target);
  return t('hotName', {
    title: event ? `${event.title || event.eventId} (${dayText(event.date)})` : s.target,
  });
}

function fillSelect(select: HTMLSelectElement, children: HTMLElement[], empty: string): void {
  const keep = select.value;
  select.replaceChildren(...(children.length ? children : [option('', empty)]));
  if (keep) select.value = keep;
  if (select.selectedIndex < 0) select.selectedIndex = 0;
  select.disabled = children.length === 0;
}

function render(): void {
  if (!targets) return;
  // In date order whatever came before (a creation moves an event to the surveyed group): the most
  // recent past event without a survey comes first and is the one proposed, upcoming ones after it.
  const events = [...targets.events].sort(bySurveyOrder);
  const fresh = events.filter((e) => !e.hasSurvey && !e.upcoming);
  const upcoming = events.filter((e) => !e.hasSurvey && e.upcoming);
  const done = events.filter((e) => e.hasSurvey);
  const groups: HTMLElement[] = [];
  for (const [label, events] of [
    [t('groupNew'), fresh],
    [t('groupUpcoming'), upcoming],
    [t('groupDone'), done],
  ] as const) {
    if (events.length === 0) continue;
    const group = el('optgroup');
    group.label = label;
    group.append(...events.map((e) => option(e.eventId, eventText(e))));
    groups.push(group);
  }
  const hot = byId<HTMLSelectElement>('hot-select');
  fillSelect(hot, groups, t('noEvents'));
  byId<HTMLButtonElement>('hot-create').disabled = hot.disabled || busy;
  const cold = byId<HTMLSelectElement>('cold-select');
  fillSelect(
    cold,
    targets.semesters.map((s) => option(s.period, s.hasSurvey ? `${s.period} · ${t('exists')}` : s.period)),
    t('noSemesters'),
  );
  byId<HTMLButtonElement>('cold-create').disabled = cold.disabled || busy;
  const surveys = byId<HTMLSelectElement>('survey-select');
  fillSelect(
    surveys,
    targets.surveys.map((s) => option(s.surveyId, surveyName(s))),
    '',
  );
  byId('survey-card').hidden = targets.surveys.length === 0;
  if (targets.surveys.length > 0) {
    if (!targets.surveys.some((s) => s.surveyId === current)) current = targets.surveys[0].surveyId;
    surveys.value = current;
  }
}

/** Shows one registered survey; `note` says how it came (created, reused, trigger warning). */
function showSurvey(surveyId: string, note = ''): void {
  const survey = targets?.surveys.find((s) => s.surveyId === surveyId);
  if (!survey) return;
  current = surveyId;
  const run = ++shown;
  byId<HTMLSelectElement>('survey-select').value = surveyId;
  byId('survey-note').textContent = note;
  byId('survey-answers').textContent = t('answers', { count: survey.answers });
  byId<HTMLInputElement>('survey-url').value = survey.publicUrl;
  // A link only to a web address (never javascript: or data:), opened apart from the add-on.
  const open = byId('survey-open');
  open.replaceChildren();
  if (isSafeUrl(survey.publicUrl)) {
    const link = el('a', '', t('openForm'));
    link.href = survey.publicUrl;
    link.rel = 'noopener';
    link.target = '_blank';
    open.append(link);
  }
  byId('survey-outcome').textContent = '';
  const links = byId('survey-links');
  links.textContent = '';
  server
    .surveyLinks(surveyId)
    .then((result) => {
      if (run !== shown || !result?.ok) return;
      links.textContent = result.anonymous ? t('anonymous') : t('personal', { count: result.links.length });
    })
    .catch(() => undefined);
}

function status(text: string): void {
  byId('surveys-status').textContent = text;
}

/** Loads (or reloads) the events, semesters and surveys; called each time the panel is shown. */
export async function showSurveyPanel(): Promise<void> {
  if (busy) return;
  busy = true;
  status(t('loading'));
  try {
    const result = await server.listSurveyTargets();
    if (!result) showAlert(t('noAnswer'));
    else {
      targets = result;
      render();
      if (current) showSurvey(current);
    }
  } catch (failure) {
    showAlert(sentenceOf(failure));
  } finally {
    busy = false;
    status('');
    render();
  }
}

/** Creates (or reuses) a survey; `replace` names the target whose signed form becomes a new anonymous one. */
async function create(kind: 'hot' | 'cold', replace = ''): Promise<void> {
  const target = replace || byId<HTMLSelectElement>(`${kind}-select`).value;
  if (busy || !target || !targets) return;
  busy = true;
  render();
  showAlert('');
  status(t('creating'));
  const extra = replace ? [{ newAnonymousForm: true }] : [];
  const result = await ask(() =>
    kind === 'hot' ? server.createHotSurvey(target, ...extra) : server.createColdSurvey(target, ...extra),
  );
  busy = false;
  status('');
  if (result?.ok) {
    const survey = result.survey;
    targets.surveys = targets.surveys.filter((s) => s.surveyId !== survey.surveyId).concat(survey);
    for (const item of kind === 'hot' ? targets.events : targets.semesters) {
      if (item.surveyId === survey.surveyId)
        Object.assign(item, { hasSurvey: true, publicUrl: survey.publicUrl });
    }
    current = survey.surveyId;
    render();
    showSurvey(
      survey.surveyId,
      [t(result.created ? 'created' : 'reused'), result.warning ?? ''].join(' ').trim(),
    );
    // Anonymous mode, but the reused form asks for the member code: offer a new anonymous form.
    if (result.signedForm) {
      const button = el('button', '', t('newAnonymousForm'));
      button.type = 'button';
      button.onclick = () => void create(kind, target);
      byId('survey-note').append(' ', button);
    }
  } else render();
}

/** What a send did, in sentences: sent, waiting for tomorrow's quota, quota left, without email. */
function sendOutcome(r: Extract<InvitationResult, { ok: true }>): string {
  const parts: string[] = [];
  if (r.invitations + r.reminders === 0 && r.pending === 0) parts.push(t('nothingToSend'));
  else {
    const sent = t('sent', { count: r.invitations });
    parts.push(r.reminders > 0 ? `${sent}, ${t('reminders', { count: r.reminders })}.` : `${sent}.`);
  }
  if (r.pending > 0) parts.push(t('pending', { count: r.pending }));
  else parts.push(t('quotaLeft', { count: r.quotaLeft }));
  if (r.withoutEmail > 0) parts.push(t('withoutEmail', { count: r.withoutEmail }));
  return parts.join(' ');
}

async function send(): Promise<void> {
  const button = byId<HTMLButtonElement>('survey-send');
  const surveyId = current;
  if (busy || !surveyId) return;
  busy = true;
  button.disabled = true;
  showAlert('');
  const outcome = byId('survey-outcome');
  outcome.textContent = t('sending');
  const result = await ask(() => server.sendSurveyInvitations(surveyId));
  outcome.textContent = result?.ok ? sendOutcome(result) : '';
  busy = false;
  button.disabled = false;
}

/** Copies the link of a read-only field, saying so in `noteId` (also for the membership form). */
export async function copyLink(inputId = 'survey-url', noteId = 'survey-outcome'): Promise<void> {
  const input = byId<HTMLInputElement>(inputId);
  const note = byId(noteId);
  try {
    await navigator.clipboard.writeText(input.value);
    note.textContent = t('copied');
  } catch (_refused) {
    // The add-on's iframe may refuse the clipboard: select the text for Ctrl+C.
    input.focus();
    input.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (_e) {
      copied = false;
    }
    note.textContent = t(copied ? 'copied' : 'copyManual');
  }
}

export function initSurveyPanel(): void {
  onLanguage(render);
  byId('hot-create').addEventListener('click', () => void create('hot'));
  byId('cold-create').addEventListener('click', () => void create('cold'));
  byId('survey-select').addEventListener('change', (event) =>
    showSurvey((event.target as HTMLSelectElement).value),
  );
  byId('survey-copy').addEventListener('click', () => void copyLink());
  byId('survey-send').addEventListener('click', () => void send());
}
