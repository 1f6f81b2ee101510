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
  /**
   * The email is '' outside FULL mode (custom functions, simple triggers: reference §10). In an
   * installable trigger's run the active user is taken to be the trigger's creator. Whether the
   * address is given to a user outside the developer's Workspace domain is left open by
   * https://developers.google.com/apps-script/reference/base/session#getActiveUser() ("these
   * restrictions generally do not apply if the developer ... belongs to the same Google Workspace
   * domain as the user"): platform.ts `activeUserEmailKnown`.
   */
  getActiveUser(): unknown {
    return this._user(this._ctx.options.platform.activeUserEmailKnown);
  }
  /**
   * "If the script is running under an installable trigger, this returns the account of the user
   * who created the trigger. In most other scenarios, this returns the same account as
   * getActiveUser()": https://developers.google.com/apps-script/reference/base/session#getEffectiveUser().
   * User.getEmail() gives the address "if available" (https://developers.google.com/apps-script/reference/base/user#getEmail()):
   * platform.ts `effectiveUserEmailKnown`.
   */
  getEffectiveUser(): unknown {
    return this._user(this._ctx.options.platform.effectiveUserEmailKnown);
  }
  getTemporaryActiveUserKey(): string {
    return `local-${Buffer.from(this._ctx.options.userEmail).toString('base64url')}`;
  }
  _user(known: boolean): unknown {
    const email =
      this._ctx.authMode === 'FULL' && known ? (this._ctx.runAs ?? this._ctx.options.userEmail) : '';
    return this._ctx.wrap('User', { getEmail: () => email, toString: () => email });
  }
  toString(): string {
    return 'Session';
  }
}
