/**
 * Behaviours Google's documentation does not settle, as switches of the emulator: one options
 * object, `EmulatorOptions.platform`, also settable for a whole run with the environment variable
 * CLUB_PULSE_EMULATOR=pessimistic (or a comma list of `name=value`). docs/PLATFORM.md lists each
 * behaviour, its status, its switch and the live probe that settles it in a real spreadsheet.
 */

export interface PlatformChoices {
  /**
   * Whether two Lock objects returned by LockService.getDocumentLock() in one execution share
   * state (hasLock() of the second is true while the first holds the lock; releaseLock() of one
   * frees both). https://developers.google.com/apps-script/reference/lock/lock-service#getdocumentlock
   * only says "Gets a lock that prevents any user of the current document from concurrently
   * running a section of code". `false`: each Lock object is its own claim, and asking the second
   * one while the first holds the lock waits its timeout and fails.
   */
  lockObjectsShareState: boolean;
}

/** What the emulator assumed before the switches existed: the kindest readings. */
export const OPTIMISTIC: PlatformChoices = { lockObjectsShareState: true };

/** The readings that break the most code. */
export const PESSIMISTIC: PlatformChoices = { lockObjectsShareState: false };

const BOOLEAN_KEYS = ['lockObjectsShareState'] as const;

/** Parses CLUB_PULSE_EMULATOR: `pessimistic`, `optimistic`, or `name=value,...` over the optimistic set. */
export function platformFromEnv(text: string | undefined = process.env.CLUB_PULSE_EMULATOR): PlatformChoices {
  const spec = (text ?? '').trim();
  if (!spec || spec === 'optimistic') return { ...OPTIMISTIC };
  if (spec === 'pessimistic') return { ...PESSIMISTIC };
  const out: PlatformChoices = { ...OPTIMISTIC };
  for (const part of spec.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (
      !(BOOLEAN_KEYS as readonly string[]).includes(name ?? '') ||
      !['true', 'false'].includes(value ?? '')
    ) {
      throw new Error(`CLUB_PULSE_EMULATOR: unknown switch "${part}" (known: ${BOOLEAN_KEYS.join(', ')}).`);
    }
    out[name as (typeof BOOLEAN_KEYS)[number]] = value === 'true';
  }
  return out;
}
