import type { ProtectionModel } from '../workbook/model';
import type { SheetsWorld } from './spreadsheet';

type GRange = GoogleAppsScript.Spreadsheet.Range;

export class ProtectionImpl {
  constructor(
    readonly _world: SheetsWorld,
    readonly _model: ProtectionModel,
  ) {}
  getProtectionType(): string {
    return this._model.kind;
  }
  getDescription(): string {
    return this._model.description;
  }
  setDescription(description: string): this {
    this._model.description = String(description);
    return this;
  }
  /** "By default, protected ranges or sheets are not warning-based." */
  isWarningOnly(): boolean {
    return this._model.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._model.warningOnly = Boolean(warningOnly);
    return this;
  }
  getRange(): GRange | null {
    const sheet = this._world.sheetById(this._model.sheetId);
    if (!sheet) return null;
    const m = this._model;
    if (m.kind === 'SHEET') return this._world.range(sheet, 1, 1, sheet.maxRows, sheet.maxColumns);
    return this._world.range(sheet, m.row ?? 1, m.column ?? 1, m.numRows ?? 1, m.numColumns ?? 1);
  }
  /** The owner can always edit. */
  canEdit(): boolean {
    return true;
  }
  canDomainEdit(): boolean {
    return false;
  }
  /** The owner is not listed in getEditors() of a new protection (reference §1.8). */
  getEditors(): unknown[] {
    return this._world.ctx.array([]);
  }
  addEditor(_user: unknown): this {
    return this;
  }
  addEditors(_users: unknown): this {
    return this;
  }
  removeEditor(_user: unknown): this {
    return this;
  }
  removeEditors(_users: unknown): this {
    return this;
  }
  setDomainEdit(_editable: boolean): this {
    return this;
  }
  remove(): void {
    const meta = this._world.workbook.meta;
    meta.protections = meta.protections.filter((p) => p !== this._model);
  }
  toString(): string {
    return 'Protection';
  }
}
