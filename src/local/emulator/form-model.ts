/**
 * What the emulated FormApp keeps of a form (saved in WorkbookModel.meta.forms with the workbook),
 * its URLs, and the texts of its errors (reference §4, §6).
 */

import type { WorkbookModel } from '../workbook/model';
import { MSG, unconfirmed } from './errors';

export type FormItemType = 'SCALE' | 'TEXT' | 'PARAGRAPH_TEXT' | 'MULTIPLE_CHOICE' | 'CHECKBOX';

export interface FormItemModel {
  id: number;
  /** The `entry.N` name of the item on the published form (pre-filled URLs). */
  entryId: number;
  type: FormItemType;
  title: string;
  helpText: string;
  required: boolean;
  lower: number;
  upper: number;
  leftLabel: string;
  rightLabel: string;
  choices: string[];
}

export interface FormResponseModel {
  id: string;
  timestamp: number;
  answers: Array<{ itemId: number; value: string | string[] }>;
}

export interface FormModel {
  id: string;
  responderId: string;
  /** The Drive file name. */
  fileName: string;
  title: string;
  description: string;
  confirmationMessage: string;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  acceptingResponses: boolean;
  published: boolean;
  destinationId: string | null;
  destinationSheetId: number | null;
  /** Item id → 1-based column of the destination sheet. */
  columns: Record<string, number>;
  items: FormItemModel[];
  responses: FormResponseModel[];
  nextItemId: number;
}

/** The forms of a workbook (meta.forms is opaque to the workbook model). */
export function formsOf(workbook: WorkbookModel): FormModel[] {
  return workbook.meta.forms as FormModel[];
}

/** Texts of FormApp errors (reference §4, §6; UNCONFIRMED ones are our wording). */
export const FORM_MSG = {
  // §4 [GF-LIVE] openByUrl('http://invalid.url/').
  invalidUrl: MSG.invalidArgument('url'),
  // §4 [REF] "Throws an exception if the given title is null or empty": text UNCONFIRMED.
  emptyTitle: unconfirmed(MSG.invalidArgument('title')),
  // §4 [REF] setChoiceValues "Throws an exception if the given array is empty": text UNCONFIRMED.
  emptyChoices: unconfirmed(MSG.invalidArgument('values')),
  // §4 bounds rule: text UNCONFIRMED.
  badBounds: unconfirmed(MSG.invalidArgument('bounds')),
  // §4 [GF-LIVE] getDestinationId() throws without a destination: text UNCONFIRMED.
  noDestination: unconfirmed('The form currently has no response destination.'),
  // UNCONFIRMED.
  noSuchForm: unconfirmed(
    'No item with the given ID could be found, or you do not have permission to access it.',
  ),
  alreadySubmitted: unconfirmed('This response has already been submitted.'),
  // §4 [REF] scale createResponse out of bounds / checkbox value not a choice: texts UNCONFIRMED.
  badResponse: (title: string): string => `Invalid response submitted to item "${title}".`,
  // §4 [REF] "If the value is set to true, the script cannot submit form responses at all": text UNCONFIRMED.
  limitOneResponse: unconfirmed(
    'The form only accepts one response per signed-in user: a script cannot submit it.',
  ),
};

unconfirmed('Invalid response submitted to item "');

export const FORMS_URL = /^https?:\/\/(docs\.google\.com\/forms\/|forms\.gle\/)/;

export function publishedUrl(m: FormModel): string {
  return `https://docs.google.com/forms/d/e/${m.responderId}/viewform`;
}

export function editUrl(m: FormModel): string {
  return `https://docs.google.com/forms/d/${m.id}/edit`;
}

/** A stable short code for a URL (forms.gle style). */
export function shortCode(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let out = '';
  let n = h;
  for (let i = 0; i < 17; i++) {
    out += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length) + (i + 1) * 7919 + text.length;
  }
  return out;
}

export const ITEM_CLASS: Record<FormItemType, string> = {
  SCALE: 'ScaleItem',
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
};
