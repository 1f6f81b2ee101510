// Defect 4 of issue 13: cache and property writes against the emulator's documented limits (100 KB
// a cache value, 9 KB a property value, 500 KB a store), which throw; the add-on's writes skip
// what does not fit instead of failing the work around them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeCachePut, safeSetDocumentProperty, utf8Bytes } from '../../src/gas/storage';
import { createEmulator } from '../../src/local/emulator/index';
import { newWorkbookModel } from '../../src/local/workbook/model';

function services() {
  const em = createEmulator({ workbook: newWorkbookModel() });
  vi.stubGlobal('CacheService', em.globals.CacheService);
  vi.stubGlobal('PropertiesService', em.globals.PropertiesService);
  return em;
}
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('emulated limits', () => {
  it('throws past 100 KB a cache value and 9 KB a property value', () => {
    const em = services();
    expect(() => em.globals.CacheService.getDocumentCache()!.put('k', 'x'.repeat(100 * 1024 + 1))).toThrow();
    expect(() =>
      em.globals.PropertiesService.getDocumentProperties().setProperty('k', 'é'.repeat(5000)),
    ).toThrow();
  });
});

describe('safe writes', () => {
  it('store what fits, skip what does not, never throw', () => {
    const em = services();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(safeCachePut('a', 'small', 600)).toBe(true);
    expect(em.globals.CacheService.getDocumentCache()!.get('a')).toBe('small');
    expect(safeCachePut('b', 'x'.repeat(100 * 1024 + 1), 600)).toBe(false);
    expect(em.globals.CacheService.getDocumentCache()!.get('b')).toBeNull();
    expect(safeSetDocumentProperty('p', 'ok')).toBe(true);
    expect(safeSetDocumentProperty('q', 'é'.repeat(5000))).toBe(false);
    // The store limit (500 KB): filled near it, the next write is refused by the emulator, and skipped.
    const props = em.globals.PropertiesService.getDocumentProperties();
    for (let i = 0; i < 62; i++) props.setProperty(`f${i}`, 'y'.repeat(8 * 1024));
    expect(safeSetDocumentProperty('last', 'z'.repeat(8 * 1024))).toBe(false);
    expect(props.getProperty('last')).toBeNull();
    expect(warn).toHaveBeenCalled();
  });

  it('counts bytes as UTF-8', () => {
    expect(utf8Bytes('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});
