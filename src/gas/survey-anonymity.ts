/**
 * Anonymous surveys and the forms made before them (issue 14, SPEC §9). Switching Settings
 * `anonymous_surveys` on does not change a form that already exists: a survey created before asks
 * for the member code, so « Créer » reusing it must say so plainly and offer a new anonymous form
 * (the old one is closed, its answers already received kept). A survey whose form was made while
 * anonymous mode was on is remembered (document property `clubpulse.anonymous.<survey id>`), and
 * its answers never get a member code, even if the mode is switched off later or someone adds a
 * code question to the form by hand.
 */

import type { Bilingual } from '../core/i18n';
import { MEMBER_ITEM } from '../core/surveys';

const ANONYMOUS_KEY = 'clubpulse.anonymous.';

/** What « Créer » says when anonymous mode is on and the survey's form asks for the member code. */
export const SIGNED_FORM: Bilingual = {
  fr: 'Attention : ce formulaire a été créé avant le passage aux enquêtes anonymes et demande encore le code membre, ses réponses ne sont donc pas anonymes. Créez un nouveau formulaire anonyme pour cette enquête (l’ancien sera fermé, les réponses déjà reçues sont gardées).',
  en: 'Warning: this form was created before surveys became anonymous and still asks for the member code, so its answers are not anonymous. Create a new anonymous form for this survey (the old one will be closed; answers already received are kept).',
};

/** Remembers that the survey's form was made while anonymous mode was on. */
export function markCreatedAnonymous(surveyId: string): void {
  // https://developers.google.com/apps-script/reference/properties/properties#setProperty(String,String)
  PropertiesService.getDocumentProperties().setProperty(ANONYMOUS_KEY + surveyId, '1');
}

/** The surveys whose form was made while anonymous mode was on (one properties read). */
export function surveysCreatedAnonymous(): Set<string> {
  const all = PropertiesService.getDocumentProperties().getProperties();
  return new Set(
    Object.keys(all)
      .filter((k) => k.startsWith(ANONYMOUS_KEY) && all[k] === '1')
      .map((k) => k.slice(ANONYMOUS_KEY.length)),
  );
}

/** True when the form has the member code item (by its French or English title). */
export function formAsksMemberCode(formId: string): boolean {
  const titles = [MEMBER_ITEM.title.fr, MEMBER_ITEM.title.en];
  try {
    // https://developers.google.com/apps-script/reference/forms/form#getItems()
    return FormApp.openById(formId)
      .getItems()
      .some((i) => titles.includes(i.getTitle()));
  } catch (_e) {
    // A form that cannot be opened (deleted, no access) cannot be checked: a new one is not offered.
    return false;
  }
}

/** Closes a form replaced by a new anonymous one: it accepts no more answers (those it has stay). */
export function closeReplacedForm(formId: string): void {
  try {
    // https://developers.google.com/apps-script/reference/forms/form#setAcceptingResponses(Boolean)
    FormApp.openById(formId).setAcceptingResponses(false);
  } catch (_e) {
    // Already gone: nothing to close.
  }
}
