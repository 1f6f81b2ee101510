/**
 * The one way the add-on takes the document lock: once, by the entry point (menu item, sidebar
 * call, trigger), never again by what it calls; a callee is told the lock is "already held".
 *
 * Why once: LockService.getDocumentLock() returns a new Lock object at each call, and whether two
 * of them in one execution share state is not documented
 * (https://developers.google.com/apps-script/reference/lock/lock-service#getdocumentlock). If
 * they do not, an inner `hasLock()` is false and an inner `tryLock` waits its whole timeout for
 * the lock its own execution holds; if they do, an inner `releaseLock()` frees the outer
 * section's lock midway. Taking it once is right under both readings.
 *
 * Pending spreadsheet writes are flushed before the lock is released, as the Lock page advises:
 * "it's a good idea to call SpreadsheetApp.flush() before releasing the lock"
 * (https://developers.google.com/apps-script/reference/lock/lock#releaselock).
 */

/** What an entry point answers when another execution holds the lock past LOCK_WAIT_MS. */
export const BUSY = {
  fr: 'Une autre opération est en cours sur ce classeur. Réessayez dans une minute.',
  en: 'Another operation is running on this spreadsheet. Try again in a minute.',
} as const;

/** How long an entry point waits for another execution's lock (tryLock, in ms). */
export const LOCK_WAIT_MS = 30_000;

/**
 * Runs `work` under the document lock, or `busy()` when another execution holds it past
 * LOCK_WAIT_MS. With `alreadyHeld` (the caller's entry point holds it) the lock is not touched.
 */
export function withDocumentLock<T>(work: () => T, busy: () => T, alreadyHeld = false): T {
  if (alreadyHeld) return work();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return busy();
  try {
    return work();
  } finally {
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}
