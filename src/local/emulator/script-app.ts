/**
 * The emulated ScriptApp: AuthMode and trigger enums, installable triggers persisted in
 * WorkbookModel.meta.triggers with the 20-per-user limit.
 * https://developers.google.com/apps-script/reference/script/script-app
 */

import type { TriggerModel } from '../workbook/model';
import { enumOf } from './builders';
import type { ServiceContext } from './context';
import { MSG } from './errors';

/** "Triggers 20 / user / script" (reference §6). */
export const MAX_TRIGGERS = 20;

class TriggerImpl {
  constructor(readonly _model: TriggerModel) {}
  getUniqueId(): string {
    return this._model.uniqueId;
  }
  getHandlerFunction(): string {
    return this._model.handlerFunction;
  }
  getEventType(): string {
    return this._model.eventType;
  }
  getTriggerSource(): string {
    return this._model.triggerSource;
  }
  getTriggerSourceId(): string | null {
    return this._model.triggerSourceId || null;
  }
  toString(): string {
    return 'Trigger';
  }
}

/**
 * Where a user's trigger ids start: a trigger's id is unique across users (each run's event names
 * it: https://developers.google.com/apps-script/reference/script/trigger#getuniqueid), so two board
 * members' first triggers never share one. Stable for a user, so tests stay deterministic.
 */
function idBase(userEmail: string): number {
  let h = 2166136261;
  for (let i = 0; i < userEmail.length; i++) {
    h ^= userEmail.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return 1_000_000_000 + (h % 900_000) * 1000;
}

function sourceIdOf(ctx: ServiceContext, source: unknown): string {
  if (typeof source === 'string') return source;
  const impl = ctx.unwrap<{ getId?: () => string }>(source);
  if (impl && typeof impl.getId === 'function') return impl.getId();
  throw ctx.error(MSG.invalidArgument('source'));
}

class TriggerCreator {
  eventType = '';
  constructor(
    readonly _ctx: ServiceContext,
    readonly _handler: string,
    readonly _source: string,
    readonly _sourceId: string,
  ) {}
  _create(): unknown {
    const store = this._ctx.triggers();
    const triggers = store.list();
    if (triggers.length >= MAX_TRIGGERS) throw this._ctx.error(MSG.tooManyTriggers);
    const ids = triggers.map((t) => Number(t.uniqueId)).filter((n) => Number.isFinite(n));
    const model: TriggerModel = {
      uniqueId: String(Math.max(idBase(this._ctx.options.userEmail), ...ids) + 1),
      handlerFunction: this._handler,
      eventType: this.eventType,
      triggerSource: this._source,
      triggerSourceId: this._sourceId,
      documentId: this._ctx.workbook.meta.spreadsheetId,
      userEmail: this._ctx.options.userEmail,
    };
    store.save([...triggers, model]);
    return this._ctx.wrap('Trigger', new TriggerImpl(model));
  }
}

class DocumentTriggerBuilderImpl {
  constructor(readonly _creator: TriggerCreator) {}
  onOpen(): this {
    this._creator.eventType = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this._creator.eventType = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this._creator.eventType = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this._creator.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): unknown {
    if (!this._creator.eventType) throw this._creator._ctx.error(MSG.invalidArgument('eventType'));
    return this._creator._create();
  }
}

class ClockTriggerBuilderImpl {
  constructor(readonly _creator: TriggerCreator) {
    _creator.eventType = 'CLOCK';
  }
  /** n ∈ {1, 5, 10, 15, 30} (reference §5.3). */
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw this._creator._ctx.error(MSG.invalidArgument('minutes'));
    return this;
  }
  everyHours(_n: number): this {
    return this;
  }
  everyDays(_n: number): this {
    return this;
  }
  everyWeeks(_n: number): this {
    return this;
  }
  atHour(_hour: number): this {
    return this;
  }
  nearMinute(_minute: number): this {
    return this;
  }
  onWeekDay(_day: unknown): this {
    return this;
  }
  onMonthDay(_day: number): this {
    return this;
  }
  at(_date: unknown): this {
    return this;
  }
  after(_ms: number): this {
    return this;
  }
  atDate(_y: number, _m: number, _d: number): this {
    return this;
  }
  inTimezone(_tz: string): this {
    return this;
  }
  create(): unknown {
    return this._creator._create();
  }
}

class TriggerBuilderImpl {
  constructor(
    readonly _ctx: ServiceContext,
    readonly _handler: string,
  ) {}
  forSpreadsheet(sheet: unknown): unknown {
    const creator = new TriggerCreator(
      this._ctx,
      this._handler,
      'SPREADSHEETS',
      sourceIdOf(this._ctx, sheet),
    );
    return this._ctx.wrap('SpreadsheetTriggerBuilder', new DocumentTriggerBuilderImpl(creator));
  }
  forForm(form: unknown): unknown {
    const creator = new TriggerCreator(this._ctx, this._handler, 'FORMS', sourceIdOf(this._ctx, form));
    return this._ctx.wrap('FormTriggerBuilder', new DocumentTriggerBuilderImpl(creator));
  }
  timeBased(): unknown {
    const creator = new TriggerCreator(this._ctx, this._handler, 'CLOCK', '');
    return this._ctx.wrap('ClockTriggerBuilder', new ClockTriggerBuilderImpl(creator));
  }
  toString(): string {
    return 'TriggerBuilder';
  }
}

export class ScriptAppImpl {
  readonly AuthMode = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
  readonly EventType = enumOf([
    'CLOCK',
    'ON_OPEN',
    'ON_EDIT',
    'ON_FORM_SUBMIT',
    'ON_CHANGE',
    'ON_EVENT_UPDATED',
  ]);
  readonly TriggerSource = enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
  readonly WeekDay = enumOf(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
  constructor(readonly _ctx: ServiceContext) {}
  /**
   * The current user's triggers of this project, in every document (user store, see user-store.ts),
   * never another user's: "Gets all installable triggers associated with the current project and
   * current user" — https://developers.google.com/apps-script/reference/script/script-app#getprojecttriggers
   */
  getProjectTriggers(): unknown[] {
    return this._ctx.array(
      this._ctx
        .triggers()
        .list()
        .map((t) => this._ctx.wrap('Trigger', new TriggerImpl(t))),
    );
  }
  /** https://developers.google.com/apps-script/reference/script/script-app#getusertriggersspreadsheet */
  getUserTriggers(source: unknown): unknown[] {
    const id = sourceIdOf(this._ctx, source);
    return this._ctx.array(
      this._ctx
        .triggers()
        .list()
        .filter((t) => t.triggerSourceId === id)
        .map((t) => this._ctx.wrap('Trigger', new TriggerImpl(t))),
    );
  }
  newTrigger(functionName: string): unknown {
    return this._ctx.wrap('TriggerBuilder', new TriggerBuilderImpl(this._ctx, String(functionName)));
  }
  /**
   * Only the current user's own triggers can be deleted: another user's is never listed to them
   * (https://developers.google.com/apps-script/guides/triggers/installable#restrictions), and the
   * store below holds only the current user's, so deleting one they do not own changes nothing.
   */
  deleteTrigger(trigger: unknown): void {
    const impl = this._ctx.unwrap<TriggerImpl>(trigger);
    if (!(impl instanceof TriggerImpl)) throw this._ctx.error(MSG.invalidArgument('trigger'));
    const store = this._ctx.triggers();
    store.save(store.list().filter((t) => t.uniqueId !== impl._model.uniqueId));
  }
  getScriptId(): string {
    return 'local-script';
  }
  toString(): string {
    return 'ScriptApp';
  }
}
