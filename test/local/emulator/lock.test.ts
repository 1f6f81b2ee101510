/**
 * The emulated LockService (reference §6): tryLock/waitLock/hasLock/releaseLock semantics, the
 * exact timeout text, one document lock per workbook, and the lock file that serialises two
 * processes (the lock-file module is bundled with esbuild and run in a child `node`).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emulator, expectException, workbook } from './helpers';

const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

describe('lock semantics', () => {
  test('hasLock() is false before acquisition; tryLock(0) acquires a free lock', () => {
    const lock = emulator().globals.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
  });

  test('tryLock(-100) returns false', () => {
    const lock = emulator().globals.LockService.getDocumentLock();
    expect(lock.tryLock(-100)).toBe(false);
    expect(lock.hasLock()).toBe(false);
  });

  test('waitLock(-100) throws: Lock timeout: another process was holding the lock for too long.', () => {
    const lock = emulator().globals.LockService.getDocumentLock();
    expectException(() => lock.waitLock(-100), TIMEOUT);
  });

  test('tryLock and waitLock are no-ops when the lock is already held', () => {
    const lock = emulator().globals.LockService.getDocumentLock();
    lock.waitLock(1000);
    expect(lock.tryLock(0)).toBe(true);
    expect(() => lock.waitLock(0)).not.toThrow();
    expect(lock.hasLock()).toBe(true);
  });

  test('releaseLock() is a no-op when not held; hasLock() is false after release', () => {
    const lock = emulator().globals.LockService.getDocumentLock();
    expect(() => lock.releaseLock()).not.toThrow();
    lock.tryLock(0);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('one document lock per workbook: a second execution waits, times out, then gets it after release', () => {
    const wb = workbook();
    const first = emulator(wb).globals.LockService.getDocumentLock();
    const second = emulator(wb).globals.LockService.getDocumentLock();
    expect(first.tryLock(0)).toBe(true);
    const t0 = Date.now();
    expect(second.tryLock(60)).toBe(false);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55);
    expect(second.hasLock()).toBe(false); // false after a timeout
    expectException(() => second.waitLock(10), TIMEOUT);
    first.releaseLock();
    expect(second.tryLock(0)).toBe(true);
  });

  test('locks are released at the end of the execution', () => {
    const wb = workbook();
    const em = emulator(wb);
    em.globals.LockService.getDocumentLock().waitLock(100);
    em.endExecution();
    expect(em.globals.LockService.getDocumentLock().hasLock()).toBe(false);
    expect(emulator(wb).globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });
});

describe('lock file', () => {
  let dir: string;
  let childScript: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'club-pulse-lock-'));
    const lockModule = join(dir, 'lockfile.mjs');
    await build({
      entryPoints: [join(__dirname, '../../../src/local/emulator/lockfile.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: lockModule,
      logLevel: 'silent',
    });
    // Child: take the lock, say so, hold it for argv[3] ms (or until killed), release, exit.
    childScript = join(dir, 'child.mjs');
    writeFileSync(
      childScript,
      [
        `import { acquireFileLock, releaseFileLock, sleepSync } from ${JSON.stringify(lockModule)};`,
        'const [path, holdMs] = process.argv.slice(2);',
        "if (!acquireFileLock(path, 'child-token', 5000)) { console.log('busy'); process.exit(3); }",
        "console.log('locked');",
        'sleepSync(Number(holdMs));',
        "releaseFileLock(path, 'child-token');",
      ].join('\n'),
    );
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function startChild(lockFile: string, holdMs: number): Promise<ChildProcess> {
    const child = spawn(process.execPath, [childScript, lockFile, String(holdMs)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (b: Buffer) => {
        if (b.toString().includes('locked')) resolve(child);
        else reject(new Error(b.toString()));
      });
      child.on('error', reject);
    });
  }

  const exited = (child: ChildProcess) => new Promise<void>((resolve) => child.on('exit', () => resolve()));

  test('the lock file holds the pid of the holder and is removed on release', () => {
    const lockFile = join(dir, 'a.lock');
    const lock = emulator(workbook(), { lockFile }).globals.LockService.getDocumentLock();
    lock.waitLock(0);
    expect(readFileSync(lockFile, 'utf8').split(' ')[0]).toBe(String(process.pid));
    lock.releaseLock();
    expect(existsSync(lockFile)).toBe(false);
  });

  test('two processes: the second waits until the first releases', async () => {
    const lockFile = join(dir, 'b.lock');
    const child = await startChild(lockFile, 400);
    const done = exited(child);
    const lock = emulator(workbook(), { lockFile }).globals.LockService.getDocumentLock();
    expect(lock.tryLock(0)).toBe(false);
    const t0 = Date.now();
    lock.waitLock(10_000); // blocks until the child releases
    expect(Date.now() - t0).toBeGreaterThan(100);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    await done;
  });

  test('two processes: waiting past the timeout throws the Lock timeout text', async () => {
    const lockFile = join(dir, 'c.lock');
    const child = await startChild(lockFile, 60_000);
    const done = exited(child);
    try {
      const lock = emulator(workbook(), { lockFile }).globals.LockService.getDocumentLock();
      expectException(() => lock.waitLock(150), TIMEOUT);
    } finally {
      child.kill('SIGKILL');
      await done;
    }
  });

  test('a lock left by a dead process is stale and taken over', async () => {
    const lockFile = join(dir, 'd.lock');
    const child = await startChild(lockFile, 60_000);
    const done = exited(child);
    child.kill('SIGKILL');
    await done;
    expect(existsSync(lockFile)).toBe(true);
    const lock = emulator(workbook(), { lockFile }).globals.LockService.getDocumentLock();
    expect(lock.tryLock(0)).toBe(true);
    lock.releaseLock();
  });

  test('a child waiting for a lock held here gets it once this execution ends', () => {
    const lockFile = join(dir, 'e.lock');
    const em = emulator(workbook(), { lockFile });
    em.globals.LockService.getDocumentLock().waitLock(0);
    // Held here: a child trying for 5 s with nothing released would report busy; release first.
    em.endExecution();
    const r = spawnSync(process.execPath, [childScript, lockFile, '0'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('locked');
  });
});
