/**
 * The hot and cold surveys of SPEC §9 as data — survey ids (`HOT-<event_id>`, `COLD-<period>`),
 * French and English titles, items with their kind, bounds and choices, the member code item — and
 * the normalisation of one answer (a row of a form's response tab, or the values of a form-submit
 * event) into a row of the Responses tab, by column id (schema.ts). Pure: no Apps Script here.
 * Free text always stays text: a number typed in a comment is kept as the string the person typed.
 */

import type { Bilingual, Lang } from './i18n';
import { normalizeLabel } from './normalize';
import { EVENT_FORMATS, RESPONSE_KINDS } from './schema';
import { ALL_VOICE_ITEMS, type ColdVoiceOptions, voiceItems } from './survey-voice';

export type SurveyKind = 'hot' | 'cold';

/** The Responses columns a form item feeds (SPEC §1). */
export type AnswerField =
  | 'member'
  | 'nps'
  | 'satisfaction'
  | 'contacts_made'
  | 'decisive_contacts'
  | 'connection_value'
  | 'belonging'
  | 'mutual_help'
  | 'preferred_formats'
  | 'most_valuable'
  | 'expectations'
  | 'comment'
  | 'workshop_wishes'
  | 'kpi_votes';

export const ANSWER_FIELDS: AnswerField[] = [
  'member',
  'nps',
  'satisfaction',
  'contacts_made',
  'decisive_contacts',
  'connection_value',
  'belonging',
  'mutual_help',
  'preferred_formats',
  'most_valuable',
  'expectations',
  'comment',
  'workshop_wishes',
  'kpi_votes',
];

/**
 * How an item is built: `scale` (FormApp ScaleItem, bounds min..max), `count` (a short text item
 * expecting a whole number), `text` (short text), `paragraph` (long text), `checkbox` (several
 * choices).
 */
export type ItemKind = 'scale' | 'count' | 'text' | 'paragraph' | 'checkbox';

export interface SurveyItem {
  field: AnswerField;
  kind: ItemKind;
  title: Bilingual;
  help?: Bilingual;
  required?: boolean;
  /** Scale bounds (FormApp: lower 0 or 1, upper 3..10). */
  min?: number;
  max?: number;
  /** Scale end labels. */
  low?: Bilingual;
  high?: Bilingual;
  /** Checkbox choices. */
  choices?: Bilingual[];
}

export interface SurveyDefinition {
  surveyId: string;
  kind: SurveyKind;
  /** The event id (hot) or the semester label (cold). */
  target: string;
  title: Bilingual;
  description: Bilingual;
  confirmation: Bilingual;
  items: SurveyItem[];
}

const c = (fr: string, en: string): Bilingual => ({ fr, en });

export const MEMBER_ITEM: SurveyItem = {
  field: 'member',
  kind: 'text',
  title: c('Code membre (prérempli, ne pas modifier)', 'Member code (pre-filled, do not change)'),
  help: c(
    'Ce code relie votre réponse à votre fiche de membre. Laissez-le tel quel.',
    'This code links your answer to your member record. Leave it as it is.',
  ),
};

const NPS_ITEM: SurveyItem = {
  field: 'nps',
  kind: 'scale',
  title: c('Recommanderiez-vous ce réseau à un proche ?', 'Would you recommend this network to a friend?'),
  min: 0,
  max: 10,
  low: c('Pas du tout', 'Not at all'),
  high: c('Certainement', 'Certainly'),
  required: true,
};

const COMMENT_ITEM: SurveyItem = {
  field: 'comment',
  kind: 'paragraph',
  title: c('Un commentaire ?', 'Any comment?'),
};

const HOT_ITEMS: SurveyItem[] = [
  {
    field: 'satisfaction',
    kind: 'scale',
    title: c("Êtes-vous satisfait(e) de l'événement ?", 'How satisfied are you with the event?'),
    min: 1,
    max: 5,
    low: c('Pas du tout', 'Not at all'),
    high: c('Très satisfait(e)', 'Very satisfied'),
    required: true,
  },
  NPS_ITEM,
  {
    field: 'contacts_made',
    kind: 'count',
    title: c('Combien de contacts avez-vous noués ?', 'How many contacts did you make?'),
    help: c('Un nombre, par exemple 3.', 'A number, e.g. 3.'),
  },
  {
    field: 'decisive_contacts',
    kind: 'count',
    title: c('Dont combien vous semblent prometteurs ?', 'How many of them look promising?'),
    help: c('Un nombre, par exemple 1.', 'A number, e.g. 1.'),
  },
  {
    field: 'connection_value',
    kind: 'scale',
    title: c(
      'Quelle valeur a eue votre rencontre la plus utile ?',
      'How valuable was your most useful meeting?',
    ),
    min: 1,
    max: 5,
    low: c('Faible', 'Low'),
    high: c('Très forte', 'Very high'),
  },
  COMMENT_ITEM,
];

const COLD_ITEMS: SurveyItem[] = [
  NPS_ITEM,
  {
    field: 'most_valuable',
    kind: 'paragraph',
    title: c(
      "Qu'avez-vous retiré de plus bénéfique sur les 3 derniers mois ?",
      'What was the most valuable thing you got over the last 3 months?',
    ),
  },
  {
    field: 'expectations',
    kind: 'paragraph',
    title: c(
      "Qu'attendez-vous lorsque vous payez votre cotisation ?",
      'What do you expect when you pay your dues?',
    ),
  },
  {
    field: 'belonging',
    kind: 'scale',
    title: c('Vous sentez-vous membre à part entière du réseau ?', 'Do you feel you belong to the network?'),
    min: 1,
    max: 5,
    low: c('Pas du tout', 'Not at all'),
    high: c('Tout à fait', 'Completely'),
  },
  {
    field: 'mutual_help',
    kind: 'scale',
    title: c("Trouvez-vous de l'entraide entre membres ?", 'Do members help each other?'),
    min: 1,
    max: 5,
    low: c('Jamais', 'Never'),
    high: c('Toujours', 'Always'),
  },
  {
    field: 'decisive_contacts',
    kind: 'count',
    title: c(
      'Combien de mises en relation décisives ce semestre ?',
      'How many decisive connections this semester?',
    ),
    help: c('Un nombre, par exemple 2.', 'A number, e.g. 2.'),
  },
  {
    field: 'preferred_formats',
    kind: 'checkbox',
    title: c('Quels formats préférez-vous ?', 'Which formats do you prefer?'),
    choices: EVENT_FORMATS.filter((f) => f.id !== 'other').map((f) => f.label),
  },
  COMMENT_ITEM,
];

const SEMESTER = /^(\d{4})-S([12])$/;

export function isSemester(label: string): boolean {
  return SEMESTER.test(label);
}

export function hotSurveyId(eventId: string): string {
  return `HOT-${eventId}`;
}

export function coldSurveyId(period: string): string {
  return `COLD-${period}`;
}

/** The kind and target of a survey id, or null when it is not one of ours. */
export function parseSurveyId(surveyId: string): { kind: SurveyKind; target: string } | null {
  const id = surveyId.trim();
  if (id.startsWith('HOT-') && id.length > 4) return { kind: 'hot', target: id.slice(4) };
  if (id.startsWith('COLD-') && isSemester(id.slice(5))) return { kind: 'cold', target: id.slice(5) };
  return null;
}

export interface HotTarget {
  id: string;
  title: string;
  /** The event's date as the club reads it, e.g. `12/03/2026`. */
  dateText: string;
}

/** The hot survey of an event; without the member code item when surveys are anonymous. */
export function hotSurvey(event: HotTarget, options: { anonymous: boolean }): SurveyDefinition {
  const name = event.title || event.id;
  return {
    surveyId: hotSurveyId(event.id),
    kind: 'hot',
    target: event.id,
    title: c(`Votre avis : ${name} (${event.dateText})`, `Your feedback: ${name} (${event.dateText})`),
    description: c(
      'Deux minutes pour nous dire ce que cet événement vous a apporté. Merci !',
      'Two minutes to tell us what this event brought you. Thank you!',
    ),
    confirmation: c('Merci, votre réponse est enregistrée.', 'Thank you, your answer is recorded.'),
    items: options.anonymous ? [...HOT_ITEMS] : [MEMBER_ITEM, ...HOT_ITEMS],
  };
}

/** The cold survey of a semester (`2026-S1`); null when the label is not a semester. */
export function coldSurvey(
  period: string,
  options: { anonymous: boolean } & ColdVoiceOptions,
): SurveyDefinition | null {
  const m = SEMESTER.exec(period);
  if (!m) return null;
  const semester = c(`${m[2] === '1' ? '1er' : '2e'} semestre ${m[1]}`, `${m[1]} semester ${m[2]}`);
  return {
    surveyId: coldSurveyId(period),
    kind: 'cold',
    target: period,
    title: c(`Baromètre du réseau — ${semester.fr}`, `Network barometer — ${semester.en}`),
    description: c(
      'Cinq minutes pour nous dire ce que le réseau vous apporte et ce que vous en attendez.',
      'Five minutes to tell us what the network brings you and what you expect from it.',
    ),
    confirmation: c('Merci, votre réponse est enregistrée.', 'Thank you, your answer is recorded.'),
    items: [...(options.anonymous ? [] : [MEMBER_ITEM]), ...withVoiceItems(COLD_ITEMS, options)],
  };
}

/** The cold items with issue 18's questions before the closing comment. */
function withVoiceItems(items: SurveyItem[], options: ColdVoiceOptions): SurveyItem[] {
  return [...items.slice(0, -1), ...voiceItems(options), ...items.slice(-1)];
}

// -----------------------------------------------------------------------------------------------
// Normalisation

/** A Responses row by column id (schema.ts); '' = empty. Strings are free text, to be written as text. */
export type ResponseRecord = Record<string, string | number | Date | ''>;

export interface AnswerSource {
  surveyId: string;
  kind: SurveyKind;
  /** The event id of a hot survey; '' for a cold one. */
  eventId: string;
  anonymous: boolean;
  lang: Lang;
}

/** The field a response-tab header names (the item title in either language), or null. */
export function fieldOfHeader(header: unknown): AnswerField | null {
  const key = normalizeLabel(String(header ?? ''));
  if (!key) return null;
  return HEADER_FIELDS.get(key) ?? null;
}

const HEADER_FIELDS: Map<string, AnswerField> = (() => {
  const map = new Map<string, AnswerField>();
  for (const item of [MEMBER_ITEM, ...HOT_ITEMS, ...COLD_ITEMS, ...ALL_VOICE_ITEMS]) {
    map.set(normalizeLabel(item.title.fr), item.field);
    map.set(normalizeLabel(item.title.en), item.field);
  }
  return map;
})();

const TIMESTAMP_HEADERS = new Set(['horodateur', 'horodatage', 'timestamp', 'marqueurtemporel']);

function itemOf(field: AnswerField): SurveyItem {
  return [MEMBER_ITEM, ...HOT_ITEMS, ...COLD_ITEMS, ...ALL_VOICE_ITEMS].find((i) => i.field === field)!;
}

function textOf(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => String(x)).join(', ');
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

/** A whole number within [min, max] from a cell, or null. */
function wholeIn(v: unknown, min: number, max: number): number | null {
  const text = typeof v === 'number' ? String(v) : textOf(v);
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/**
 * One answer → one Responses row. `header` is the response tab's first row (`Horodateur` /
 * `Timestamp`, then one column per question, titled as the items); `cells` the answer's row, as
 * `getValues()` gives it or as the `values` of a form-submit event. Returns null for an empty row.
 * A value the item could not have produced (a scale out of bounds after a hand edit) is kept as
 * text so the Responses reader reports it rather than losing it.
 */
export function normalizeAnswer(
  header: unknown[],
  cells: unknown[],
  source: AnswerSource,
): ResponseRecord | null {
  if (!cells.some((v) => textOf(v) !== '')) return null;
  const kindChoice = RESPONSE_KINDS.find((k) => k.id === source.kind)!;
  const record: ResponseRecord = {
    submitted_at: '',
    survey_id: source.surveyId,
    kind: kindChoice.label[source.lang],
    event_id: source.kind === 'hot' ? source.eventId : '',
    member: '',
  };
  header.forEach((h, index) => {
    const raw = cells[index];
    const key = normalizeLabel(String(h ?? ''));
    if (index === 0 || TIMESTAMP_HEADERS.has(key)) {
      if (record.submitted_at === '')
        record.submitted_at =
          Object.prototype.toString.call(raw) === '[object Date]' ? (raw as Date) : textOf(raw);
      return;
    }
    const field = fieldOfHeader(h);
    if (!field) return;
    const item = itemOf(field);
    const text = textOf(raw);
    if (text === '') return;
    switch (item.kind) {
      case 'scale':
        record[field] = wholeIn(raw, item.min ?? 1, item.max ?? 5) ?? text;
        break;
      case 'count':
        record[field] = wholeIn(raw, 0, Number.MAX_SAFE_INTEGER) ?? text;
        break;
      default:
        record[field] = field === 'member' && source.anonymous ? '' : text;
    }
  });
  return record;
}

/** The survey-tab labels, FR/EN (the Enquêtes / Surveys tab registers every form). */
export const SURVEYS_TAB: Bilingual = c('Enquêtes', 'Surveys');

export const SURVEYS_COLUMNS: Array<{ id: string; label: Bilingual }> = [
  { id: 'survey_id', label: c('ID enquête', 'Survey ID') },
  { id: 'kind', label: c('Type', 'Kind') },
  { id: 'target', label: c('Événement ou semestre', 'Event or semester') },
  { id: 'public_url', label: c('Lien public', 'Public link') },
  { id: 'edit_url', label: c("Lien d'édition", 'Edit link') },
  { id: 'response_tab', label: c('Onglet des réponses', 'Response tab') },
  { id: 'created_on', label: c('Créée le', 'Created on') },
  { id: 'answers', label: c('Réponses', 'Answers') },
  { id: 'form_id', label: c('ID formulaire', 'Form ID') },
];

/** The kind label of the Surveys tab and the Responses tab: chaud/froid, hot/cold. */
export function kindLabel(kind: SurveyKind, lang: Lang): string {
  return RESPONSE_KINDS.find((k) => k.id === kind)!.label[lang];
}

/** Fills a pre-filled URL template: the placeholder value is replaced by the member's code. */
export const MEMBER_PLACEHOLDER = 'CLUBPULSE_MEMBER_CODE';

export function personalUrl(template: string, memberCode: string): string {
  return template.split(MEMBER_PLACEHOLDER).join(encodeURIComponent(memberCode));
}
