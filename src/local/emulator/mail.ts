/**
 * The emulated MailApp (reference §6): sendEmail (every overload), getRemainingDailyQuota, a daily
 * recipient quota counted in WorkbookModel.meta.mailSent by day (spreadsheet time zone), and the
 * quota error text. The `inlineImages` option (an object mapping an image key to a Blob, shown in
 * `htmlBody` by `<img src="cid:KEY">`) is kept with each sent e-mail:
 * https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object) and
 * #sendEmail(String,String,String,Object). A value that is not a Blob is refused (our wording).
 * https://developers.google.com/apps-script/reference/mail/mail-app
 */

import type { ServiceContext } from './context';
import { MSG, unconfirmed } from './errors';
import type { BlobImpl } from './utilities';

/** Texts of MailApp errors (reference §6; UNCONFIRMED ones are our wording). */
export const MAIL_MSG = {
  // §6 [OBS] real daily-quota text.
  mailQuota: 'Service invoked too many times for one day: email.',
  // §6 [DOC] 50 recipients per message: text UNCONFIRMED.
  tooManyRecipients: unconfirmed('Limit exceeded: Email Recipients Per Message.'),
  invalidEmail: (address: string): string => `Invalid email: ${address}`,
  inlineImage: (key: string) => unconfirmed(`Invalid argument: inlineImages.${key}`),
};

/** An inline image of a sent e-mail. */
export interface SentImage {
  contentType: string | null;
  bytes: Uint8Array;
}

/** Consumer accounts: 100 recipients a day (reference §6). */
export const DEFAULT_MAIL_QUOTA = 100;
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

export interface SentMail {
  to: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  /** Image key (the `cid:` of htmlBody) → image. */
  inlineImages?: Record<string, SentImage>;
}

/** The day the quota counts in: the spreadsheet time zone's calendar day of `now`. */
function quotaDay(ctx: ServiceContext): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ctx.workbook.meta.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(ctx.options.now()));
}

export class MailAppImpl {
  constructor(
    readonly _ctx: ServiceContext,
    readonly _quota: number,
    readonly _sent: SentMail[],
  ) {}
  /** Recipients left today. */
  getRemainingDailyQuota(): number {
    const used = this._ctx.workbook.meta.mailSent[quotaDay(this._ctx)] ?? 0;
    return Math.max(0, this._quota - used);
  }
  /**
   * sendEmail(recipient, subject, body[, options]), sendEmail(to, replyTo, subject, body),
   * sendEmail(message). Each recipient (to, cc, bcc) counts against the daily quota.
   */
  sendEmail(...args: unknown[]): void {
    let mail: SentMail & { cc?: string; bcc?: string };
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
      const m = args[0] as Record<string, unknown>;
      mail = {
        to: [String(m.to ?? '')],
        subject: String(m.subject ?? ''),
        body: String(m.body ?? ''),
        htmlBody: m.htmlBody === undefined ? undefined : String(m.htmlBody),
        name: m.name === undefined ? undefined : String(m.name),
        replyTo: m.replyTo === undefined ? undefined : String(m.replyTo),
        cc: m.cc === undefined ? undefined : String(m.cc),
        bcc: m.bcc === undefined ? undefined : String(m.bcc),
        inlineImages: this._images(m.inlineImages),
      };
    } else if (args.length === 4 && typeof args[3] === 'string') {
      mail = {
        to: [String(args[0])],
        replyTo: String(args[1]),
        subject: String(args[2]),
        body: String(args[3]),
      };
    } else if (args.length === 3 || args.length === 4) {
      const options = (args[3] ?? {}) as Record<string, unknown>;
      mail = {
        to: [String(args[0])],
        subject: String(args[1]),
        body: String(args[2]),
        htmlBody: options.htmlBody === undefined ? undefined : String(options.htmlBody),
        name: options.name === undefined ? undefined : String(options.name),
        replyTo: options.replyTo === undefined ? undefined : String(options.replyTo),
        cc: options.cc === undefined ? undefined : String(options.cc),
        bcc: options.bcc === undefined ? undefined : String(options.bcc),
        inlineImages: this._images(options.inlineImages),
      };
    } else {
      throw this._ctx.error(MSG.signature(args.map((a) => typeof a).join(','), 'MailApp.sendEmail'));
    }
    const split = (s: string | undefined) =>
      (s ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    const recipients = [...split(mail.to[0]), ...split(mail.cc), ...split(mail.bcc)];
    for (const r of recipients)
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(r)) throw this._ctx.error(MAIL_MSG.invalidEmail(r));
    if (recipients.length === 0) throw this._ctx.error(MAIL_MSG.invalidEmail(''));
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) throw this._ctx.error(MAIL_MSG.tooManyRecipients);
    if (recipients.length > this.getRemainingDailyQuota()) throw this._ctx.error(MAIL_MSG.mailQuota);
    const day = quotaDay(this._ctx);
    const sent = this._ctx.workbook.meta.mailSent;
    sent[day] = (sent[day] ?? 0) + recipients.length;
    this._sent.push({ ...mail, to: split(mail.to[0]) });
  }
  /** The inline images of an e-mail: each value must be a Blob. */
  _images(value: unknown): Record<string, SentImage> | undefined {
    if (value === undefined || value === null) return undefined;
    const out: Record<string, SentImage> = {};
    for (const [key, blob] of Object.entries(value as Record<string, unknown>)) {
      const impl = this._ctx.unwrap<BlobImpl>(blob);
      if (!impl || !(impl._bytes instanceof Uint8Array)) throw this._ctx.error(MAIL_MSG.inlineImage(key));
      out[key] = { contentType: impl._contentType, bytes: impl._bytes.slice() };
    }
    return out;
  }
  toString(): string {
    return 'MailApp';
  }
}
