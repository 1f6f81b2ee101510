/**
 * The items of an emulated form (reference §4): scale items (default bounds 1..5; lower 0 or 1,
 * upper 3..10), text and paragraph items, multiple-choice and checkbox items (new ones hold one
 * choice ''; an empty setChoiceValues throws), 0-based getIndex, and the check of an answer
 * against an item's rules that script responses and the respondent share.
 */

import type { ServiceContext } from './context';
import { MSG } from './errors';
import { FORM_MSG, type FormItemModel, type FormItemType, type FormModel, ITEM_CLASS } from './form-model';
import { ItemResponseImpl } from './form-responses';
import type { FormsWorld } from './forms';

/** Checks a value against an item's rules and returns it as the item's response value. */
export function checkValue(ctx: ServiceContext, item: FormItemModel, value: unknown): string | string[] {
  const bad = () => ctx.error(FORM_MSG.badResponse(item.title));
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

export class ItemImpl {
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
    const checked = checkValue(this._ctx, this._item, value);
    return this._ctx.wrap('ItemResponse', new ItemResponseImpl(this._world, this._form, this._item, checked));
  }
  toString(): string {
    return ITEM_CLASS[this._item.type];
  }
}
