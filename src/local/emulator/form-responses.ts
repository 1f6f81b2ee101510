/**
 * Responses of an emulated form (reference §4): item responses, script responses
 * (createResponse, withItemResponse — last one per item wins —, submit, which appends to the
 * destination sheet and fires no trigger), pre-filled URLs, and the recording of a response that
 * the respondent shares.
 */

import { MSG } from './errors';
import {
  FORM_MSG,
  type FormItemModel,
  type FormModel,
  type FormResponseModel,
  publishedUrl,
  shortCode,
} from './form-model';
import type { FormsWorld } from './forms';

export class ItemResponseImpl {
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

export class FormResponseImpl {
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

/** Keeps a submitted response and appends it to the destination sheet. */
export function recordResponse(
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
