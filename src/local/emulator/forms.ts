/**
 * The emulated FormApp, and the respondent side of a form that Apps Script does not
 * have (Google's own submit page), faithful to reference §4, §5.4 and §6:
 *
 * - FormApp.create(title): the file is named `title` but getTitle() is '' until setTitle() (the
 *   live quirk); settings, scale items (default bounds 1..5; lower 0 or 1, upper 3..10), text and
 *   paragraph items, multiple-choice and checkbox items (new ones hold one choice ''; an empty
 *   setChoiceValues throws), 0-based getIndex; published / edit / short URLs; pre-filled URLs;
 *   script responses (createResponse, withItemResponse — last one per item wins —, submit, which
 *   appends to the destination sheet and fires no trigger); openById / openByUrl.
 * - Publishing: a form made by a script starts unpublished (SPEC §9: "forms made by a script may
 *   start unpublished"); `Form.setPublished(true)` publishes it and `isPublished()` tells. A
 *   respondent can answer only a form that is published and accepting responses. The add-on calls
 *   `setPublished(true)` then `setAcceptingResponses(true)`.
 * - setDestination(SPREADSHEET, id) inserts (first or last: platform.ts) a sheet named as Sheets names it
 *   (`Réponses au formulaire N` in a French spreadsheet, `Form Responses N` otherwise) with
 *   `Horodateur` / `Timestamp` then one column per question, and sets its form URL.
 * - Forms live in WorkbookModel.meta.forms (saved with the workbook). MailApp is in mail.ts.
 *
 * `submitFormAsRespondent` answers like a person on the published form: the row is appended to the
 * destination sheet as Google does, then every installed spreadsheet onFormSubmit trigger of that
 * spreadsheet is fired with `values`, `namedValues` and `range`, made with the realm's built-ins.
 */

import type { SheetModel, WorkbookModel } from '../workbook/model';
import { newSheetModel } from '../workbook/model';
import { enumOf } from './builders';
import { displayText, localeRules, zoneClock } from './cells';
import type { ServiceContext } from './context';
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

const FORMS_URL = /^https?:\/\/(docs\.google\.com\/forms\/|forms\.gle\/)/;

function publishedUrl(m: FormModel): string {
  return `https://docs.google.com/forms/d/e/${m.responderId}/viewform`;
}

function editUrl(m: FormModel): string {
  return `https://docs.google.com/forms/d/${m.id}/edit`;
}

/** A stable short code for a URL (forms.gle style). */
function shortCode(text: string): string {
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

const ITEM_CLASS: Record<FormItemType, string> = {
  SCALE: 'ScaleItem',
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
};

/** The forms of one emulator: models, service objects, destination sheets. */
export class FormsWorld {
  constructor(readonly ctx: ServiceContext) {}

  get forms(): FormModel[] {
    return formsOf(this.ctx.workbook);
  }

  byId(id: string): FormModel | undefined {
    return this.forms.find((f) => f.id === id);
  }

  byUrl(url: string): FormModel | undefined {
    return this.forms.find(
      (f) =>
        url.includes(`/forms/d/${f.id}/`) ||
        url.endsWith(`/forms/d/${f.id}`) ||
        url.includes(`/forms/d/e/${f.responderId}/`) ||
        url === `https://forms.gle/${shortCode(f.responderId)}`,
    );
  }

  form(m: FormModel): unknown {
    return this.ctx.wrap('Form', new FormImpl(this, m));
  }

  item(form: FormModel, item: FormItemModel, typed: boolean): unknown {
    return this.ctx.wrap(typed ? ITEM_CLASS[item.type] : 'Item', new ItemImpl(this, form, item));
  }

  destinationSheet(m: FormModel): SheetModel | undefined {
    if (m.destinationSheetId === null) return undefined;
    return this.ctx.workbook.sheets.find((s) => s.sheetId === m.destinationSheetId);
  }

  /** Adds the column of a new question to the destination sheet, as Sheets does. */
  addColumn(m: FormModel, item: FormItemModel): void {
    const sheet = this.destinationSheet(m);
    if (!sheet) return;
    if (!sheet.values[0]) sheet.values[0] = [];
    const header = sheet.values[0];
    let last = header.length;
    while (last > 0 && header[last - 1] === '') last--;
    const used = Math.max(last, ...Object.values(m.columns));
    const column = used + 1;
    if (column > sheet.maxColumns) sheet.maxColumns = column;
    while (header.length < column - 1) header.push('');
    header[column - 1] = item.title;
    m.columns[String(item.id)] = column;
  }

  /** Appends a submitted response to the destination sheet; returns its 1-based row. */
  appendToDestination(m: FormModel, r: FormResponseModel): { sheet: SheetModel; row: number } | null {
    const sheet = this.destinationSheet(m);
    if (!sheet) return null;
    let last = sheet.values.length;
    while (last > 0 && !(sheet.values[last - 1] ?? []).some((v) => v !== '' && v !== undefined)) last--;
    const row = last + 1;
    if (row > sheet.maxRows) sheet.maxRows = row;
    while (sheet.values.length < row) sheet.values.push([]);
    const cells = sheet.values[row - 1]!;
    const meta = this.ctx.workbook.meta;
    cells[0] = { serial: zoneClock(meta.timeZone).serialOfInstant(r.timestamp) };
    sheet.numberFormats.set(`${row - 1},0`, 'dd/MM/yyyy HH:mm:ss');
    for (const a of r.answers) {
      const column = m.columns[String(a.itemId)];
      const item = m.items.find((i) => i.id === a.itemId);
      if (!column || !item) continue;
      while (cells.length < column - 1) cells.push('');
      // Scales arrive as numbers; every other answer is the text the person typed, never a formula.
      cells[column - 1] = Array.isArray(a.value)
        ? a.value.join(', ')
        : item.type === 'SCALE'
          ? Number(a.value)
          : a.value;
    }
    const width = Math.max(cells.length, ...Object.values(m.columns));
    while (cells.length < width) cells.push('');
    if (width > sheet.maxColumns) sheet.maxColumns = width;
    return { sheet, row };
  }

  /** Checks a value against an item's rules and returns it as the item's response value. */
  checkValue(item: FormItemModel, value: unknown): string | string[] {
    const bad = () => this.ctx.error(FORM_MSG.badResponse(item.title));
    switch (item.type) {
      case 'SCALE': {
        // A scale answer is one of its points: digits only when given as text (`Number('1e1')` is
        // 10, `Number('0x5')` 5 — no respondent can pick those).
        // https://developers.google.com/apps-script/reference/forms/scale-item#createResponse(Integer)
        const text = String(value).trim();
        if (typeof value !== 'number' && !/^\d+$/.test(text)) throw bad();
        const n = typeof value === 'number' ? value : Number(text);
        if (!Number.isInteger(n) || n < item.lower || n > item.upper) throw bad();
        return String(n);
      }
      case 'CHECKBOX': {
        const values = Array.isArray(value) ? value.map(String) : [String(value)];
        if (values.some((v) => !item.choices.includes(v))) throw bad();
        return values;
      }
      case 'MULTIPLE_CHOICE': {
        const v = String(value);
        if (!item.choices.includes(v)) throw bad();
        return v;
      }
      default:
        return String(value);
    }
  }
}

// -----------------------------------------------------------------------------------------------
// FormApp

export class FormAppImpl {
  readonly DestinationType = enumOf(['SPREADSHEET']);
  readonly ItemType = enumOf([
    'CHECKBOX',
    'MULTIPLE_CHOICE',
    'PARAGRAPH_TEXT',
    'SCALE',
    'TEXT',
    'LIST',
    'GRID',
    'DATE',
  ]);
  constructor(readonly _world: FormsWorld) {}

  /** The Drive file is named `title`; getTitle() stays '' until setTitle() (live, 2025). */
  create(title: string): unknown {
    if (title === null || title === undefined || String(title) === '')
      throw this._world.ctx.error(FORM_MSG.emptyTitle);
    const n = this._world.forms.length + 1;
    const m: FormModel = {
      id: `1LocalForm${String(n).padStart(4, '0')}${shortCode(`${String(title)}#${n}`).slice(0, 10)}`,
      responderId: `1FAIpQLSe${shortCode(`responder#${n}#${String(title)}`)}`,
      fileName: String(title),
      title: '',
      description: '',
      confirmationMessage: '',
      collectEmail: false,
      allowResponseEdits: false,
      limitOneResponsePerUser: false,
      acceptingResponses: true,
      published: false,
      destinationId: null,
      destinationSheetId: null,
      columns: {},
      items: [],
      responses: [],
      nextItemId: 100_000_001 + n * 1000,
    };
    this._world.forms.push(m);
    return this._world.form(m);
  }
  openById(id: string): unknown {
    const m = this._world.byId(String(id));
    if (!m) throw this._world.ctx.error(FORM_MSG.noSuchForm);
    return this._world.form(m);
  }
  openByUrl(url: string): unknown {
    const text = String(url);
    if (!FORMS_URL.test(text)) throw this._world.ctx.error(FORM_MSG.invalidUrl);
    const m = this._world.byUrl(text);
    if (!m) throw this._world.ctx.error(FORM_MSG.noSuchForm);
    return this._world.form(m);
  }
  toString(): string {
    return 'FormApp';
  }
}

class FormImpl {
  constructor(
    readonly _world: FormsWorld,
    readonly _m: FormModel,
  ) {}
  get _ctx() {
    return this._world.ctx;
  }
  getId(): string {
    return this._m.id;
  }
  getTitle(): string {
    return this._m.title;
  }
  setTitle(title: string): this {
    this._m.title = String(title);
    return this;
  }
  getDescription(): string {
    return this._m.description;
  }
  setDescription(description: string): this {
    this._m.description = String(description);
    return this;
  }
  getConfirmationMessage(): string {
    return this._m.confirmationMessage;
  }
  setConfirmationMessage(message: string): this {
    this._m.confirmationMessage = String(message);
    return this;
  }
  collectsEmail(): boolean {
    return this._m.collectEmail;
  }
  setCollectEmail(collect: boolean): this {
    this._m.collectEmail = Boolean(collect);
    return this;
  }
  canEditResponse(): boolean {
    return this._m.allowResponseEdits;
  }
  setAllowResponseEdits(enabled: boolean): this {
    this._m.allowResponseEdits = Boolean(enabled);
    return this;
  }
  hasLimitOneResponsePerUser(): boolean {
    return this._m.limitOneResponsePerUser;
  }
  setLimitOneResponsePerUser(enabled: boolean): this {
    this._m.limitOneResponsePerUser = Boolean(enabled);
    return this;
  }
  isAcceptingResponses(): boolean {
    return this._m.acceptingResponses;
  }
  setAcceptingResponses(enabled: boolean): this {
    this._m.acceptingResponses = Boolean(enabled);
    return this;
  }
  isPublished(): boolean {
    return this._m.published;
  }
  setPublished(published: boolean): this {
    this._m.published = Boolean(published);
    return this;
  }
  getPublishedUrl(): string {
    return publishedUrl(this._m);
  }
  getEditUrl(): string {
    return editUrl(this._m);
  }
  /** A forms.gle URL without `/viewform`; throws for a URL that is not a Forms URL. */
  shortenFormUrl(url: string): string {
    const text = String(url);
    if (!FORMS_URL.test(text)) throw this._ctx.error(FORM_MSG.invalidUrl);
    if (text.startsWith('https://forms.gle/')) return text;
    return `https://forms.gle/${shortCode(this._m.responderId)}`;
  }

  // Items ---------------------------------------------------------------------------------------
  _add(type: FormItemType, init: Partial<FormItemModel> = {}): unknown {
    const id = this._m.nextItemId++;
    const item: FormItemModel = {
      id,
      entryId: 1_000_000_000 + ((id * 7919) % 999_999_999),
      type,
      title: '',
      helpText: '',
      required: false,
      lower: 1,
      upper: 5,
      leftLabel: '',
      rightLabel: '',
      choices: [],
      ...init,
    };
    this._m.items.push(item);
    this._world.addColumn(this._m, item);
    return this._world.item(this._m, item, true);
  }
  addScaleItem(): unknown {
    return this._add('SCALE');
  }
  addTextItem(): unknown {
    return this._add('TEXT');
  }
  addParagraphTextItem(): unknown {
    return this._add('PARAGRAPH_TEXT');
  }
  /** New choice items hold one choice whose value is '' (live). */
  addMultipleChoiceItem(): unknown {
    return this._add('MULTIPLE_CHOICE', { choices: [''] });
  }
  addCheckboxItem(): unknown {
    return this._add('CHECKBOX', { choices: [''] });
  }
  getItems(): unknown[] {
    return this._ctx.array(this._m.items.map((i) => this._world.item(this._m, i, false)));
  }
  getItemById(id: number): unknown {
    const item = this._m.items.find((i) => i.id === Number(id));
    return item ? this._world.item(this._m, item, false) : null;
  }

  // Destination ---------------------------------------------------------------------------------
  setDestination(type: unknown, id: string): this {
    if (type !== 'SPREADSHEET')
      throw this._ctx.error(
        MSG.signature(
          `${typeof type === 'string' ? 'String' : '(class)'},String`,
          'FormApp.Form.setDestination',
        ),
      );
    const workbook = this._ctx.workbook;
    if (String(id) !== workbook.meta.spreadsheetId) throw this._ctx.error(FORM_MSG.noSuchForm);
    const old = this._world.destinationSheet(this._m);
    if (old) old.formUrl = null;
    const fr = workbook.meta.locale.toLowerCase().startsWith('fr');
    const base = fr ? 'Réponses au formulaire ' : 'Form Responses ';
    let n = 1;
    while (workbook.sheets.some((s) => s.name.toLowerCase() === `${base}${n}`.toLowerCase())) n++;
    const sheet = newSheetModel(workbook.meta.nextSheetId++, `${base}${n}`);
    const header: string[] = [fr ? 'Horodateur' : 'Timestamp'];
    if (this._m.collectEmail) header.push(fr ? 'Adresse e-mail' : 'Email Address');
    this._m.columns = {};
    for (const item of this._m.items) {
      header.push(item.title);
      this._m.columns[String(item.id)] = header.length;
    }
    sheet.values = [header];
    sheet.frozenRows = 1;
    sheet.formUrl = this._world.ctx.options.platform.sheetFormUrlHasFormId
      ? editUrl(this._m)
      : publishedUrl(this._m);
    // platform.ts `responseTabListedAtOnce`: listed by getSheets() now, or from the next flush;
    // `responseTabAppended`: after the last tab or before the first; `responseTabActivated`: it
    // becomes the active sheet or not.
    const platform = this._world.ctx.options.platform;
    const place = () => {
      if (platform.responseTabAppended) workbook.sheets.push(sheet);
      else workbook.sheets.unshift(sheet);
      if (platform.responseTabActivated) {
        this._world.ctx.activeSheetId = sheet.sheetId;
        this._world.ctx.activeRange = null;
      }
    };
    if (platform.responseTabListedAtOnce) place();
    else this._world.ctx.pending.push(place);
    this._m.destinationId = String(id);
    this._m.destinationSheetId = sheet.sheetId;
    return this;
  }
  getDestinationId(): string {
    if (this._m.destinationId === null) throw this._ctx.error(FORM_MSG.noDestination);
    return this._m.destinationId;
  }
  getDestinationType(): string {
    if (this._m.destinationId === null) throw this._ctx.error(FORM_MSG.noDestination);
    return 'SPREADSHEET';
  }
  /** "The former destination still retains a copy of all previous responses." */
  removeDestination(): this {
    const old = this._world.destinationSheet(this._m);
    if (old) old.formUrl = null;
    this._m.destinationId = null;
    this._m.destinationSheetId = null;
    return this;
  }

  // Responses -----------------------------------------------------------------------------------
  createResponse(): unknown {
    return this._ctx.wrap('FormResponse', new FormResponseImpl(this._world, this._m));
  }
  getResponses(): unknown[] {
    return this._ctx.array(
      this._m.responses.map((r) =>
        this._ctx.wrap('FormResponse', new FormResponseImpl(this._world, this._m, r)),
      ),
    );
  }
  toString(): string {
    return 'Form';
  }
}

class ItemImpl {
  constructor(
    readonly _world: FormsWorld,
    readonly _form: FormModel,
    readonly _item: FormItemModel,
  ) {}
  get _ctx() {
    return this._world.ctx;
  }
  getId(): number {
    return this._item.id;
  }
  /** 0-based position in the form. */
  getIndex(): number {
    return this._form.items.indexOf(this._item);
  }
  getType(): string {
    return this._item.type;
  }
  getTitle(): string {
    return this._item.title;
  }
  /** Sheets renames the question's column of the destination sheet. */
  setTitle(title: string): this {
    this._item.title = String(title);
    const sheet = this._world.destinationSheet(this._form);
    const column = this._form.columns[String(this._item.id)];
    if (sheet && column) {
      if (!sheet.values[0]) sheet.values[0] = [];
      sheet.values[0][column - 1] = this._item.title;
    }
    return this;
  }
  getHelpText(): string {
    return this._item.helpText;
  }
  setHelpText(text: string): this {
    this._item.helpText = String(text);
    return this;
  }
  isRequired(): boolean {
    return this._item.required;
  }
  setRequired(enabled: boolean): this {
    this._item.required = Boolean(enabled);
    return this;
  }
  _as(type: FormItemType): unknown {
    if (this._item.type !== type) throw this._ctx.error(MSG.invalidArgument('type'));
    return this._world.item(this._form, this._item, true);
  }
  asScaleItem(): unknown {
    return this._as('SCALE');
  }
  asTextItem(): unknown {
    return this._as('TEXT');
  }
  asParagraphTextItem(): unknown {
    return this._as('PARAGRAPH_TEXT');
  }
  asMultipleChoiceItem(): unknown {
    return this._as('MULTIPLE_CHOICE');
  }
  asCheckboxItem(): unknown {
    return this._as('CHECKBOX');
  }
  // Scale
  getLowerBound(): number {
    return this._item.lower;
  }
  getUpperBound(): number {
    return this._item.upper;
  }
  /** Lower 0 or 1, upper 3..10. */
  setBounds(lower: number, upper: number): this {
    if (this._item.type !== 'SCALE')
      throw this._ctx.error(MSG.notEmulated(`${ITEM_CLASS[this._item.type]}.setBounds`));
    if (![0, 1].includes(lower) || !Number.isInteger(upper) || upper < 3 || upper > 10)
      throw this._ctx.error(FORM_MSG.badBounds);
    this._item.lower = lower;
    this._item.upper = upper;
    return this;
  }
  setLabels(lower: string, upper: string): this {
    this._item.leftLabel = String(lower);
    this._item.rightLabel = String(upper);
    return this;
  }
  getLeftLabel(): string {
    return this._item.leftLabel;
  }
  getRightLabel(): string {
    return this._item.rightLabel;
  }
  // Choices
  /** Throws for an empty array. */
  setChoiceValues(values: unknown[]): this {
    if (!Array.isArray(values) || values.length === 0) throw this._ctx.error(FORM_MSG.emptyChoices);
    this._item.choices = values.map(String);
    return this;
  }
  getChoices(): unknown[] {
    return this._ctx.array(
      this._item.choices.map((v) =>
        this._ctx.wrap('Choice', { getValue: () => v, toString: () => 'Choice' }),
      ),
    );
  }
  /** An ItemResponse for this item; invalid values throw (scale out of bounds, unknown choice). */
  createResponse(value: unknown): unknown {
    const checked = this._world.checkValue(this._item, value);
    return this._ctx.wrap('ItemResponse', new ItemResponseImpl(this._world, this._form, this._item, checked));
  }
  toString(): string {
    return ITEM_CLASS[this._item.type];
  }
}

class ItemResponseImpl {
  constructor(
    readonly _world: FormsWorld,
    readonly _form: FormModel,
    readonly _item: FormItemModel,
    readonly _value: string | string[],
  ) {}
  getItem(): unknown {
    return this._world.item(this._form, this._item, false);
  }
  /** Scale → string (`'4'`), checkbox → String[], text → String. */
  getResponse(): unknown {
    return Array.isArray(this._value) ? this._world.ctx.array(this._value) : this._value;
  }
  toString(): string {
    return 'ItemResponse';
  }
}

class FormResponseImpl {
  readonly _answers = new Map<number, string | string[]>();
  constructor(
    readonly _world: FormsWorld,
    readonly _form: FormModel,
    public _submitted: FormResponseModel | null = null,
  ) {
    if (_submitted) for (const a of _submitted.answers) this._answers.set(a.itemId, a.value);
  }
  get _ctx() {
    return this._world.ctx;
  }
  /** Last one per item wins; only for unsubmitted responses. */
  withItemResponse(response: unknown): this {
    if (this._submitted) throw this._ctx.error(FORM_MSG.alreadySubmitted);
    const impl = this._ctx.unwrap<ItemResponseImpl>(response);
    if (!(impl instanceof ItemResponseImpl)) throw this._ctx.error(MSG.invalidArgument('response'));
    this._answers.set(impl._item.id, impl._value);
    return this;
  }
  getItemResponses(): unknown[] {
    const out: unknown[] = [];
    for (const item of this._form.items) {
      const v = this._answers.get(item.id);
      if (v === undefined) {
        // Unanswered text items read as ''; other unanswered items are omitted.
        if (item.type === 'TEXT' || item.type === 'PARAGRAPH_TEXT')
          out.push(this._ctx.wrap('ItemResponse', new ItemResponseImpl(this._world, this._form, item, '')));
        continue;
      }
      out.push(this._ctx.wrap('ItemResponse', new ItemResponseImpl(this._world, this._form, item, v)));
    }
    return this._ctx.array(out);
  }
  getTimestamp(): Date | null {
    return this._submitted ? new this._ctx.realm.Date(this._submitted.timestamp) : null;
  }
  getId(): string | null {
    return this._submitted ? this._submitted.id : null;
  }
  getRespondentEmail(): string | null {
    return null;
  }
  /** The published URL with this response's answers as `entry.N` parameters. */
  toPrefilledUrl(): string {
    const params: string[] = ['usp=pp_url'];
    for (const item of this._form.items) {
      const v = this._answers.get(item.id);
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v])
        params.push(`entry.${item.entryId}=${encodeURIComponent(one).replace(/%20/g, '+')}`);
    }
    return `${publishedUrl(this._form)}?${params.join('&')}`;
  }
  /** Appends the response to the destination sheet. Fires no trigger (script submission). */
  submit(): unknown {
    if (this._submitted) throw this._ctx.error(FORM_MSG.alreadySubmitted);
    if (this._form.limitOneResponsePerUser) throw this._ctx.error(FORM_MSG.limitOneResponse);
    this._submitted = recordResponse(this._world, this._form, this._answers);
    return this._ctx.wrap('FormResponse', this);
  }
  toString(): string {
    return 'FormResponse';
  }
}

function recordResponse(
  world: FormsWorld,
  form: FormModel,
  answers: Map<number, string | string[]>,
): FormResponseModel {
  const r: FormResponseModel = {
    id: `ACYDBN${form.responses.length + 1}${shortCode(`${form.id}#${form.responses.length}`).slice(0, 8)}`,
    timestamp: world.ctx.options.now(),
    answers: [...answers].map(([itemId, value]) => ({ itemId, value })),
  };
  form.responses.push(r);
  world.appendToDestination(form, r);
  return r;
}

// -----------------------------------------------------------------------------------------------
// The respondent

/** Answers keyed by item title (or by item id as a string); arrays for checkbox items. */
/**
 * An answer the form page refuses: the message is the form's own (English, as Google words it); `kind`
 * and `question` let a caller say it in the club's language.
 */
export class RespondentRefusal extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'required',
    readonly question: string,
  ) {
    super(message);
  }
}

export type RespondentAnswers = Record<string, string | number | string[]>;

export interface RespondentResult {
  /** The destination sheet's row, or null without destination. */
  row: number | null;
  sheetName: string | null;
  /** Handlers that ran, in order. */
  fired: string[];
  /** Handlers that threw (the answer is kept all the same). */
  failed: Array<{ handler: string; message: string }>;
}

/** What the emulator needs to fire triggers: set by the runtime that loaded the bundle. */
export interface TriggerHost {
  ctx: ServiceContext;
  forms: FormsWorld;
  /** Calls a top-level function of the loaded project; null when nothing is loaded. */
  runHandler: ((name: string, event: unknown) => unknown) | null;
  /** A Range service object over a sheet of the spreadsheet. */
  range(sheet: SheetModel, row: number, column: number, numRows: number, numColumns: number): unknown;
  spreadsheet(): unknown;
}

/**
 * A person answers the published form: the answers are checked as the form page checks them
 * (required items, scale bounds, choices), the row is appended to the destination sheet, then
 * every installed spreadsheet onFormSubmit trigger of the destination fires with `authMode`,
 * `namedValues`, `range`, `source`, `triggerUid` and `values` (strings as displayed, sheet column
 * order, timestamp first). Throws a plain Error for a form that is not published, not accepting
 * responses, or an answer the form refuses.
 */
export function respond(host: TriggerHost, formId: string, answers: RespondentAnswers): RespondentResult {
  const { ctx, forms } = host;
  const form = forms.byId(formId);
  if (!form) throw new Error(`No form ${formId}.`);
  if (!form.published) throw new Error(`The form "${form.title}" is not published: nobody can answer it.`);
  if (!form.acceptingResponses) throw new Error(`The form "${form.title}" is not accepting responses.`);
  const values = new Map<number, string | string[]>();
  for (const [key, value] of Object.entries(answers)) {
    const item = form.items.find((i) => i.title === key || String(i.id) === key);
    if (!item) throw new Error(`The form "${form.title}" has no question "${key}".`);
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue;
    try {
      values.set(item.id, forms.checkValue(item, value));
    } catch (e) {
      throw new RespondentRefusal((e as Error).message, 'invalid', item.title);
    }
  }
  for (const item of form.items) {
    if (item.required && !values.has(item.id))
      throw new RespondentRefusal(`The question "${item.title}" is required.`, 'required', item.title);
  }
  recordResponse(forms, form, values);
  const sheet = forms.destinationSheet(form);
  const result: RespondentResult = { row: null, sheetName: sheet?.name ?? null, fired: [], failed: [] };
  if (!sheet || form.destinationId === null) return result;
  let row = sheet.values.length;
  while (row > 0 && !(sheet.values[row - 1] ?? []).some((v) => v !== '')) row--;
  result.row = row;
  const triggers = ctx
    .triggers()
    .list()
    .filter(
      (t) =>
        t.eventType === 'ON_FORM_SUBMIT' &&
        t.triggerSource === 'SPREADSHEETS' &&
        t.triggerSourceId === form.destinationId,
    );
  if (triggers.length === 0 || !host.runHandler) return result;
  const rules = localeRules(ctx.workbook.meta.locale);
  const header = sheet.values[0] ?? [];
  const cells = sheet.values[row - 1] ?? [];
  const width = Math.max(header.length, cells.length);
  const shown: string[] = [];
  for (let c = 0; c < width; c++) {
    const v = cells[c] ?? '';
    shown.push(displayText(v, sheet.numberFormats.get(`${row - 1},${c}`), rules));
  }
  for (const t of triggers) {
    const namedValues = new ctx.realm.Object() as Record<string, string[]>;
    for (let c = 0; c < width; c++) {
      const title = String(header[c] ?? '');
      if (title) namedValues[title] = ctx.array([shown[c]!]);
    }
    const event = ctx.object({
      authMode: 'FULL',
      namedValues,
      range: host.range(sheet, row, 1, 1, width),
      source: host.spreadsheet(),
      triggerUid: t.uniqueId,
      values: ctx.array(shown),
    });
    const previous = ctx.authMode;
    ctx.authMode = 'FULL';
    try {
      host.runHandler(t.handlerFunction, event);
      result.fired.push(t.handlerFunction);
    } catch (e) {
      // A failing trigger does not undo the answer: Google keeps the row and logs the failure.
      result.failed.push({ handler: t.handlerFunction, message: e instanceof Error ? e.message : String(e) });
      ctx.log(`ERROR: trigger ${t.handlerFunction} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      ctx.authMode = previous;
    }
  }
  return result;
}
