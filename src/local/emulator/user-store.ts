/**
 * Where the emulator keeps the current user's installable triggers. In Apps Script they belong to
 * the user and the project, not to a document: "Gets all installable triggers owned by this user
 * in the given file, for this script or add-on only" (getUserTriggers) and "Gets all installable
 * triggers associated with the current project and current user" (getProjectTriggers) —
 * https://developers.google.com/apps-script/reference/script/script-app#getprojecttriggers and
 * https://developers.google.com/apps-script/guides/triggers/installable#restrictions. An add-on is
 * one project in every document, so the triggers a user installed from spreadsheet A are listed
 * by getProjectTriggers() in spreadsheet B.
 *
 * With `EmulatorOptions.userStore` (a folder the local runtime names; each test its own temporary
 * one) the triggers live in `<folder>/triggers.json`, shared by every workbook opened with that
 * folder. Without it, they stay in the workbook (a user who only ever opens this one document).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TriggerModel, WorkbookModel } from '../workbook/model';

export interface TriggerStore {
  list(): TriggerModel[];
  save(triggers: TriggerModel[]): void;
}

/**
 * `user`: the current user's e-mail — in the workbook, each trigger is listed only to the user who
 * created it (a trigger of no recorded creator, from an older workbook, to everyone); absent, every
 * user's triggers (what the platform's scheduler fires).
 */
export function triggerStore(
  workbook: WorkbookModel,
  userStore: string | undefined,
  user?: string,
): TriggerStore {
  if (!userStore) {
    const mine = (t: TriggerModel) => user === undefined || t.userEmail === undefined || t.userEmail === user;
    return {
      list: () => workbook.meta.triggers.filter(mine),
      save: (triggers) => {
        workbook.meta.triggers = [...workbook.meta.triggers.filter((t) => !mine(t)), ...triggers];
      },
    };
  }
  const file = join(userStore, 'triggers.json');
  return {
    list: () => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TriggerModel[]) : []),
    save: (triggers) => {
      mkdirSync(userStore, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(triggers, null, 1));
      renameSync(tmp, file);
    },
  };
}
