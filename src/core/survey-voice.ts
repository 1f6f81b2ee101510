/**
 * The cold survey's questions of issue 18, as data: which workshops members would like (choices
 * from Settings `survey_workshops`, plus « Autre » / "Other"; asked only when Settings lists some),
 * stored in Responses `workshop_wishes`, and which indicators matter to them (a short list from
 * Settings `survey_kpis`, else a built-in one), stored in Responses `kpi_votes` as the labels ticked.
 */

import type { Bilingual } from './i18n';
import { CATALOGUE } from './kpis/catalogue';
import type { Settings } from './settings';
import type { SurveyItem } from './surveys';
import { DEFAULT_SURVEY_KPIS, OTHER_CHOICE } from './voice';

const c = (fr: string, en: string): Bilingual => ({ fr, en });

export const WORKSHOP_TITLE = c(
  'Quels ateliers aimeriez-vous que le club organise ?',
  'Which workshops would you like the club to run?',
);
export const KPI_VOTE_TITLE = c(
  'Quels indicateurs comptent le plus pour vous ?',
  'Which indicators matter most to you?',
);

/** What the cold survey offers beyond SPEC §9's questions. */
export interface ColdVoiceOptions {
  /** Workshop choices as the club typed them (empty: the question is not asked). */
  workshops?: string[];
  /** KPI choices, each label in both languages (empty: the question is not asked). */
  kpis?: Bilingual[];
}

/** A choice label as a form choice: commas would split it when the answer is read back. */
const choice = (label: string): string => label.replace(/\s*[,;]\s*/g, ' - ');

export function voiceItems(options: ColdVoiceOptions): SurveyItem[] {
  const items: SurveyItem[] = [];
  if (options.workshops && options.workshops.length > 0)
    items.push({
      field: 'workshop_wishes',
      kind: 'checkbox',
      title: WORKSHOP_TITLE,
      choices: [...options.workshops.map((w) => c(choice(w), choice(w))), OTHER_CHOICE],
    });
  if (options.kpis && options.kpis.length > 0)
    items.push({
      field: 'kpi_votes',
      kind: 'checkbox',
      title: KPI_VOTE_TITLE,
      help: c(
        'Cochez ceux que vous voulez voir suivis : le bureau revoit les indicateurs avec vous.',
        'Tick the ones you want followed: the board reviews the indicators with you.',
      ),
      choices: options.kpis.map((k) => c(choice(k.fr), choice(k.en))),
    });
  return items;
}

/**
 * The options a club's Settings give: its workshops, and its KPIs to rate (catalogue ids, or
 * `custom:<id>` labelled by `custom_kpi.<id>.label`); an unknown id is left out.
 */
export function coldVoiceOptions(settings: Settings): ColdVoiceOptions {
  const kpis: Bilingual[] = [];
  for (const id of settings.surveyKpis ?? DEFAULT_SURVEY_KPIS) {
    const def = CATALOGUE.find((k) => k.id === id);
    if (def) kpis.push(def.label);
    else if (id.startsWith('custom:')) {
      const label = settings.customKpiLabels[id.slice(7)] || id.slice(7);
      if (settings.customKpis.some((k) => k.id === id.slice(7))) kpis.push(c(label, label));
    }
  }
  return { workshops: settings.surveyWorkshops, kpis };
}

/** Options that ask every issue-18 question, to recognise their answers by title. */
export const ALL_VOICE_OPTIONS: ColdVoiceOptions = { workshops: ['-'], kpis: [c('-', '-')] };
export const ALL_VOICE_ITEMS: SurveyItem[] = voiceItems(ALL_VOICE_OPTIONS);
