/**
 * The emulated user interface: SpreadsheetApp.getUi() (menus, sidebars, dialogs, alerts, prompts)
 * and HtmlService (HtmlOutput from the bundle's HTML files or from a string). Nothing is shown:
 * everything is recorded in the emulator's UiRecord for the CLI, the dev server and the tests.
 */

import { enumOf } from './builders';
import type { ServiceContext } from './context';
import { MSG } from './errors';
import type { UiMenu } from './types';

const BUTTON_SETS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** The (prompt), (prompt, buttons), (title, prompt, buttons) overloads; the answer is the set's first button. */
function dialogArgs(
  a: string,
  b?: unknown,
  c?: unknown,
): { title: string; prompt: string; buttonSet: string; answer: string } {
  let title = '';
  let prompt = String(a);
  let buttonSet = 'OK';
  if (typeof b === 'string' && b in BUTTON_SETS && c === undefined) buttonSet = b;
  else if (b !== undefined) {
    title = String(a);
    prompt = String(b);
    if (typeof c === 'string' && c in BUTTON_SETS) buttonSet = c;
  }
  return { title, prompt, buttonSet, answer: BUTTON_SETS[buttonSet]![0]! };
}

export class HtmlOutputImpl {
  _title = '';
  _width = 0;
  _height = 0;
  constructor(
    readonly _ctx: ServiceContext,
    public _content: string,
  ) {}
  getContent(): string {
    return this._content;
  }
  setContent(content: string): this {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this._content += String(addedContent);
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): this {
    this._title = String(title);
    return this;
  }
  getWidth(): number {
    return this._width;
  }
  setWidth(width: number): this {
    this._width = width;
    return this;
  }
  getHeight(): number {
    return this._height;
  }
  setHeight(height: number): this {
    this._height = height;
    return this;
  }
  /** "has no effect": everything is IFRAME (reference §7). */
  setSandboxMode(_mode: unknown): this {
    return this;
  }
  setXFrameOptionsMode(_mode: unknown): this {
    return this;
  }
  addMetaTag(_name: string, _content: string): this {
    return this;
  }
  toString(): string {
    return 'HtmlOutput';
  }
}

export class HtmlServiceImpl {
  readonly SandboxMode = enumOf(['EMULATED', 'IFRAME', 'NATIVE']);
  readonly XFrameOptionsMode = enumOf(['ALLOWALL', 'DEFAULT']);
  constructor(readonly _ctx: ServiceContext) {}
  createHtmlOutput(html?: string): unknown {
    return this._ctx.wrap(
      'HtmlOutput',
      new HtmlOutputImpl(this._ctx, html === undefined ? '' : String(html)),
    );
  }
  createHtmlOutputFromFile(filename: string): unknown {
    const files = this._ctx.options.htmlFiles;
    const name = String(filename);
    const content = files[name] ?? files[`${name}.html`];
    if (content === undefined) throw this._ctx.error(MSG.htmlFileMissing(name));
    return this._ctx.wrap('HtmlOutput', new HtmlOutputImpl(this._ctx, content));
  }
  toString(): string {
    return 'HtmlService';
  }
}

class MenuImpl {
  readonly _menu: UiMenu;
  constructor(
    readonly _ctx: ServiceContext,
    caption: string,
    addon: boolean,
  ) {
    this._menu = { caption, addon, items: [] };
  }
  addItem(caption: string, functionName: string): this {
    this._menu.items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this._menu.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: unknown): this {
    const sub = this._ctx.unwrap<MenuImpl>(menu);
    if (!(sub instanceof MenuImpl)) throw this._ctx.error(MSG.invalidArgument('menu'));
    this._menu.items.push({ kind: 'subMenu', caption: sub._menu.caption, subMenu: sub._menu });
    return this;
  }
  /** Nothing shows until addToUi (reference §9). */
  addToUi(): void {
    this._ctx.ui.menus.push(this._menu);
  }
  toString(): string {
    return 'Menu';
  }
}

export class UiImpl {
  readonly ButtonSet = enumOf(Object.keys(BUTTON_SETS));
  readonly Button = enumOf(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
  constructor(readonly _ctx: ServiceContext) {}
  /** An add-on's createMenu behaves like createAddonMenu (reference §5.2); the caption is kept. */
  createMenu(caption: string): unknown {
    return this._ctx.wrap('Menu', new MenuImpl(this._ctx, String(caption), true));
  }
  createAddonMenu(): unknown {
    return this._ctx.wrap('Menu', new MenuImpl(this._ctx, '', true));
  }
  showSidebar(userInterface: unknown): void {
    const html = this._html(userInterface);
    this._ctx.ui.sidebars.push({ title: html._title, html: html._content });
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this._dialog(userInterface, title, true);
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this._dialog(userInterface, title, false);
  }
  _dialog(userInterface: unknown, title: string, modal: boolean): void {
    const html = this._html(userInterface);
    this._ctx.ui.dialogs.push({
      title: String(title),
      html: html._content,
      modal,
      width: html._width,
      height: html._height,
    });
  }
  _html(userInterface: unknown): HtmlOutputImpl {
    const html = this._ctx.unwrap<HtmlOutputImpl>(userInterface);
    if (!(html instanceof HtmlOutputImpl)) throw this._ctx.error(MSG.invalidArgument('userInterface'));
    return html;
  }
  /** alert(prompt), (prompt, buttons), (title, prompt, buttons); answers the first button of the set (OK, YES). */
  alert(a: string, b?: unknown, c?: unknown): string {
    const { title, prompt, buttonSet, answer } = dialogArgs(a, b, c);
    this._ctx.ui.alerts.push({ title, prompt, buttonSet, answer, kind: 'alert' });
    return answer;
  }
  /** prompt(...) answers the first button with an empty text. */
  prompt(a: string, b?: unknown, c?: unknown): unknown {
    const { title, prompt, buttonSet, answer } = dialogArgs(a, b, c);
    this._ctx.ui.alerts.push({ title, prompt, buttonSet, answer, kind: 'prompt' });
    return this._ctx.wrap('PromptResponse', {
      getSelectedButton: () => answer,
      getResponseText: () => '',
      toString: () => 'PromptResponse',
    });
  }
  toString(): string {
    return 'Ui';
  }
}
