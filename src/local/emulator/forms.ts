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
 * This module holds FormApp and the Form; the model, URLs and error texts are in form-model.ts,
 * the items in form-items.ts, the responses in form-responses.ts, and the respondent
 * (`submitFormAsRespondent`: a person answers the published form, the onFormSubmit triggers fire)
 * in form-respondent.ts.
 */

import type { SheetModel } from '../workbook/model';
import { newSheetModel } from '../workbook/model';
import { enumOf } from './builders';
import { zoneClock } from './cells';
import type { ServiceContext } from './context';
import { MSG } from './errors';
import { ItemImpl } from './form-items';
import {
  editUrl,
  FORM_MSG,
  FORMS_URL,
  type FormItemModel,
  type FormItemType,
  type FormModel,
  type FormResponseModel,
  formsOf,
  ITEM_CLASS,
  publishedUrl,
  shortCode,
} from './form-model';
import { FormResponseImpl } from './form-responses';

export type { FormItemModel, FormItemType, FormModel, FormResponseModel } from './form-model';
export { FORM_MSG, formsOf } from './form-model';
export {
  type RespondentAnswers,
  RespondentRefusal,
  type RespondentResult,
  respond,
  type TriggerHost,
} from './form-respondent';

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
