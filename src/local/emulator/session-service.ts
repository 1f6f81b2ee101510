/**
 * The emulated Session: locale, time zone, active and effective users.
 * https://developers.google.com/apps-script/reference/base/session
 */

import type { ServiceContext } from './context';

export class SessionImpl {
  constructor(readonly _ctx: ServiceContext) {}
  /** A language like `fr`: the only user data available in every mode. */
  getActiveUserLocale(): string {
    return this._ctx.options.userLocale;
  }
  /** Locally the script time zone is the spreadsheet's. */
  getScriptTimeZone(): string {
    return this._ctx.workbook.meta.timeZone;
  }
  /** The email is '' outside FULL mode (custom functions, simple triggers: reference §10). */
  getActiveUser(): unknown {
    return this._user();
  }
  getEffectiveUser(): unknown {
    return this._user();
  }
  getTemporaryActiveUserKey(): string {
    return `local-${Buffer.from(this._ctx.options.userEmail).toString('base64url')}`;
  }
  _user(): unknown {
    const email = this._ctx.authMode === 'FULL' ? this._ctx.options.userEmail : '';
    return this._ctx.wrap('User', { getEmail: () => email, toString: () => email });
  }
  toString(): string {
    return 'Session';
  }
}
