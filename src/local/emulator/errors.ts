/**
 * The exception texts of the emulated Apps Script services, in one place. Each text is quoted from
 * /work/shared/reference/apps-script-semantics.md (section given in the comment); texts the
 * reference does not give are marked UNCONFIRMED and are our best guess at Google's wording.
 */

/** Texts (or their beginnings) not in the reference: `unconfirmedErrorTextsAsGuessed` (platform.ts) rewords them. */
const UNCONFIRMED: string[] = [];

/** Marks a text (or, for a text made from arguments, its fixed beginning) as our guess. */
export function unconfirmed<T extends string>(text: T): T {
  UNCONFIRMED.push(text);
  return text;
}

/** True when `message` is, or begins with, a text marked UNCONFIRMED. */
export function isUnconfirmed(message: string): boolean {
  return UNCONFIRMED.some((t) => message === t || message.startsWith(t));
}

export const MSG = {
  // §1.1 getRange argument errors [OBS].
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColumnsTooSmall: 'The number of columns in the range must be at least 1.',
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  // §1.1 bare 'B' [COMM].
  rangeNotFound: 'Range not found',
  // §1.1 wrong argument types [GF notes].
  signature: (types: string, method: string): string =>
    `The parameters (${types}) don't match the method signature for ${method}.`,
  // §1.4 dimension mismatch [OBS].
  rowsMismatch: (data: number, range: number): string =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number): string =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  // §1.4 limits [OBS].
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  tooManyCells:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  // §1.6 [OBS].
  duplicateSheet: (name: string): string =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  lastSheet: "You can't remove all the sheets in a document.",
  // §6 [OBS].
  propertyQuota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  // §5.3 [OBS].
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  // §6 [OBS].
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  // §3: real messages name the method, e.g. `You do not have permission to call SpreadsheetApp.openById`
  // [OBS]; we name the emulated class and method the same way (`Range.setValues`).
  noPermission: (what: string): string => `You do not have permission to call ${what}`,
  // Ours (DESIGN.md "Local runtime rules").
  notEmulated: (what: string): string => `Not emulated: ${what}`,

  // UNCONFIRMED (not in the reference): Sheets' own wording as far as we know it.
  hideLastSheet: unconfirmed("You can't hide all the sheets in a document."),
  deleteAllRows: unconfirmed('Sorry, it is not possible to delete all non-frozen rows.'),
  deleteAllColumns: unconfirmed('Sorry, it is not possible to delete all non-frozen columns.'),
  rowsOutOfBounds: unconfirmed('Those rows are out of bounds.'),
  columnsOutOfBounds: unconfirmed('Those columns are out of bounds.'),
  cacheKeyTooLong: 'Argument too large: key',
  cacheValueTooLarge: 'Argument too large: value',
  cacheBadTtl: 'Invalid argument: expirationInSeconds',
  htmlFileMissing: (name: string): string => `No HTML file named ${name} was found.`,
  invalidArgument: (name: string): string => `Invalid argument: ${name}`,
  sleepTooLong: 'Invalid argument: milliseconds',
} as const;

/** The type name Apps Script gives an argument in its parameter-mismatch messages. */
export function typeName(v: unknown): string {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (v === null || v === undefined) return 'null';
  return '(class)';
}
