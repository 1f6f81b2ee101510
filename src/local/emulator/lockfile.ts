/**
 * A cross-process lock held as a file: created exclusively (`wx`) with the holder's pid and a
 * token, removed on release. A lock whose pid is dead (or, in this process, whose token no longer
 * belongs to a live holder) is stale and taken over. Waiting is synchronous (Atomics.wait on a
 * SharedArrayBuffer), as Apps Script's LockService blocks. Standalone (Node built-ins only), so a
 * test can bundle it and run it in another process.
 *
 * Residual race, accepted: two waiters that both find the same stale file may both remove it; the
 * second removal happens before its own create, so at worst one waiter retries.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

const POLL_MS = 20;
const heldTokens = new Set<string>();
const heldPaths = new Map<string, string>();
let exitHookInstalled = false;

/** Blocks the thread for `ms` milliseconds. */
export function sleepSync(ms: number): void {
  if (ms <= 0) return;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether process `pid` is alive (EPERM: alive, owned by another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): { pid: number; token: string; raw: string } | null {
  try {
    const raw = readFileSync(path, 'utf8');
    const [pid, token] = raw.trim().split(/\s+/);
    return { pid: Number(pid), token: token ?? '', raw };
  } catch {
    return null;
  }
}

function isStale(holder: { pid: number; token: string }): boolean {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return true;
  if (holder.pid === process.pid) return !heldTokens.has(holder.token);
  return !pidAlive(holder.pid);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [path, token] of heldPaths) releaseFileLock(path, token);
  });
}

/** One attempt: true if the lock is now held with `token`. */
export function tryAcquireFileLock(path: string, token: string): boolean {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${process.pid} ${token}\n`);
      } finally {
        closeSync(fd);
      }
      heldTokens.add(token);
      heldPaths.set(path, token);
      installExitHook();
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(path);
    if (holder === null) continue; // released meanwhile: try again
    if (holder.token === token && holder.pid === process.pid) return true;
    if (!isStale(holder)) return false;
    // Stale: remove it if it is still the same file content, then retry.
    const again = readHolder(path);
    if (again && again.raw === holder.raw) {
      try {
        unlinkSync(path);
      } catch {
        // someone else removed it
      }
    }
  }
  return false;
}

/**
 * Tries to take the lock for up to `timeoutMs` milliseconds; `timeoutMs` 0 is a single attempt,
 * a negative timeout fails at once.
 */
export function acquireFileLock(path: string, token: string, timeoutMs: number): boolean {
  if (timeoutMs < 0) return false;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tryAcquireFileLock(path, token)) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    sleepSync(Math.min(POLL_MS, left));
  }
}

/** Releases the lock if `token` holds it; a no-op otherwise. */
export function releaseFileLock(path: string, token: string): void {
  heldTokens.delete(token);
  if (heldPaths.get(path) === token) heldPaths.delete(path);
  const holder = readHolder(path);
  if (holder && holder.pid === process.pid && holder.token === token) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}
