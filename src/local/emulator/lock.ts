/**
 * The emulated LockService. getDocumentLock() is one lock per workbook: backed by the lock file
 * when the emulator has one (so two processes on one workbook are serialised), else by an
 * in-process registry. getScriptLock()/getUserLock() are in-process. Semantics of reference §6: a
 * lock is not held until tryLock (boolean) or waitLock (throws the timeout text) succeeds; both are
 * no-ops when already held; tryLock(0) takes a free lock; a negative timeout fails; hasLock() is
 * false before, after a timeout and after release; releaseLock() is a no-op when not held; every
 * lock is released at the end of the execution (the bundle call).
 */
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from './context';
import { MSG } from './errors';
import { acquireFileLock, releaseFileLock, sleepSync } from './lockfile';

type Kind = 'document' | 'script' | 'user';

/** In-process holders: workbook → lock kind → token. */
const inProcess = new WeakMap<object, Map<Kind, string>>();

class LockState {
  held = false;
  readonly token = `${randomUUID()}`;
  constructor(
    readonly ctx: ServiceContext,
    readonly kind: Kind,
  ) {}

  get filePath(): string | undefined {
    return this.kind === 'document' ? this.ctx.options.lockFile : undefined;
  }

  acquire(timeoutMs: number): boolean {
    if (this.held) return true;
    const t = Number(timeoutMs);
    if (!(t >= 0)) return false;
    const path = this.filePath;
    if (path) {
      this.held = acquireFileLock(path, this.token, t);
      return this.held;
    }
    let holders = inProcess.get(this.ctx.workbook);
    if (!holders) {
      holders = new Map();
      inProcess.set(this.ctx.workbook, holders);
    }
    if (!holders.has(this.kind)) {
      holders.set(this.kind, this.token);
      this.held = true;
      return true;
    }
    // Held by another emulator of this process: nothing can release it while we block.
    sleepSync(t);
    return false;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    const path = this.filePath;
    if (path) releaseFileLock(path, this.token);
    else {
      const holders = inProcess.get(this.ctx.workbook);
      if (holders?.get(this.kind) === this.token) holders.delete(this.kind);
    }
  }
}

class LockImpl {
  constructor(
    readonly _ctx: ServiceContext,
    readonly _state: LockState,
  ) {}
  tryLock(timeoutInMillis: number): boolean {
    return this._state.acquire(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    if (!this._state.acquire(timeoutInMillis)) throw this._ctx.error(MSG.lockTimeout);
  }
  hasLock(): boolean {
    return this._state.held;
  }
  releaseLock(): void {
    this._state.release();
  }
  toString(): string {
    return 'Lock';
  }
}

export class LockServiceImpl {
  readonly _states: Record<Kind, LockState>;
  /** Every state handed out in this execution (more than three when Lock objects do not share). */
  readonly _all: LockState[] = [];
  constructor(readonly _ctx: ServiceContext) {
    this._states = {
      document: new LockState(_ctx, 'document'),
      script: new LockState(_ctx, 'script'),
      user: new LockState(_ctx, 'user'),
    };
    this._all.push(...Object.values(this._states));
    _ctx.endOfExecution.push(() => {
      for (const s of this._all) s.release();
    });
  }
  /**
   * Whether each call returns a view of one shared state or a Lock of its own is not documented
   * (platform.ts, `lockObjectsShareState`):
   * https://developers.google.com/apps-script/reference/lock/lock-service#getdocumentlock
   */
  _state(kind: Kind): LockState {
    if (this._ctx.options.platform.lockObjectsShareState) return this._states[kind];
    const own = new LockState(this._ctx, kind);
    this._all.push(own);
    return own;
  }
  /** One lock per workbook. */
  getDocumentLock(): unknown {
    return this._ctx.wrap('Lock', new LockImpl(this._ctx, this._state('document')));
  }
  getScriptLock(): unknown {
    return this._ctx.wrap('Lock', new LockImpl(this._ctx, this._state('script')));
  }
  getUserLock(): unknown {
    return this._ctx.wrap('Lock', new LockImpl(this._ctx, this._state('user')));
  }
  toString(): string {
    return 'LockService';
  }
}
