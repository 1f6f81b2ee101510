// The switches for what Apps Script's documentation does not settle (src/local/emulator/platform.ts).
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../src/local/emulator/index';
import { OPTIMISTIC, PESSIMISTIC, platformFromEnv } from '../../../src/local/emulator/platform';
import { newWorkbookModel } from '../../../src/local/workbook/model';

describe('CLUB_PULSE_EMULATOR', () => {
  it('names a set or single switches, and refuses what it does not know', () => {
    expect(platformFromEnv(undefined)).toEqual(OPTIMISTIC);
    expect(platformFromEnv('pessimistic')).toEqual(PESSIMISTIC);
    expect(platformFromEnv('lockObjectsShareState=false')).toEqual({
      ...OPTIMISTIC,
      lockObjectsShareState: false,
    });
    expect(() => platformFromEnv('lockObjectsShareState=maybe')).toThrow(/unknown switch/);
    expect(() => platformFromEnv('nope=true')).toThrow(/unknown switch/);
  });
});

describe('two Lock objects of one execution', () => {
  for (const share of [true, false]) {
    it(`lockObjectsShareState=${share}`, () => {
      const em = createEmulator({ workbook: newWorkbookModel(), platform: { lockObjectsShareState: share } });
      const first = em.globals.LockService.getDocumentLock();
      const second = em.globals.LockService.getDocumentLock();
      expect(first.tryLock(0)).toBe(true);
      expect(second.hasLock()).toBe(share);
      expect(second.tryLock(0)).toBe(share);
      second.releaseLock();
      expect(first.hasLock()).toBe(!share);
      em.endExecution();
      expect(em.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    });
  }
});
