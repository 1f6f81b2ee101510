/**
 * The emulated PropertiesService (document, user and script stores, persisted in WorkbookModel.meta,
 * with the 9 KB per value and 500 KB per store quota) and CacheService (document, script and user
 * caches in memory, with the key, value, expiry and entry-count limits of reference §6).
 */
import type { ServiceContext } from './context';
import { MSG } from './errors';

/** "Properties value size 9 KB / val", "Properties total storage 500 KB / property store" (reference §6). */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

type StoreName = 'documentProperties' | 'userProperties' | 'scriptProperties';

class PropertiesImpl {
  constructor(
    readonly _ctx: ServiceContext,
    readonly _store: StoreName,
  ) {}
  get _data(): Record<string, string> {
    return this._ctx.workbook.meta[this._store];
  }
  /** String or null. */
  getProperty(key: string): string | null {
    const v = this._data[key];
    // Own values are strings; inherited members (toString…) are functions and read as absent.
    return typeof v === 'string' ? v : null;
  }
  /** A copy, not a live view. */
  getProperties(): Record<string, string> {
    return this._ctx.object({ ...this._data });
  }
  getKeys(): string[] {
    return this._ctx.array(Object.keys(this._data));
  }
  setProperty(key: string, value: unknown): this {
    this._commit({ ...this._data, [String(key)]: String(value) });
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    const next: Record<string, string> = deleteAllOthers ? {} : { ...this._data };
    for (const [k, v] of Object.entries(properties)) next[k] = String(v);
    this._commit(next);
    return this;
  }
  deleteProperty(key: string): this {
    const next = { ...this._data };
    delete next[key];
    this._commit(next);
    return this;
  }
  deleteAllProperties(): this {
    this._commit({});
    return this;
  }
  /** Over-limit value or store: the quota error, and nothing is written. */
  _commit(next: Record<string, string>): void {
    let total = 0;
    for (const [k, v] of Object.entries(next)) {
      const size = utf8Length(v);
      if (size > PROPERTY_VALUE_MAX_BYTES) throw this._ctx.error(MSG.propertyQuota);
      total += utf8Length(k) + size;
    }
    if (total > PROPERTY_STORE_MAX_BYTES) throw this._ctx.error(MSG.propertyQuota);
    this._ctx.workbook.meta[this._store] = next;
  }
  toString(): string {
    return 'Properties';
  }
}

export class PropertiesServiceImpl {
  constructor(readonly _ctx: ServiceContext) {}
  getDocumentProperties(): unknown {
    return this._ctx.wrap('Properties', new PropertiesImpl(this._ctx, 'documentProperties'));
  }
  getUserProperties(): unknown {
    return this._ctx.wrap('Properties', new PropertiesImpl(this._ctx, 'userProperties'));
  }
  getScriptProperties(): unknown {
    return this._ctx.wrap('Properties', new PropertiesImpl(this._ctx, 'scriptProperties'));
  }
  toString(): string {
    return 'PropertiesService';
  }
}

// -----------------------------------------------------------------------------------------------
// Cache

export const CACHE_KEY_MAX = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_TTL_S = 600;
export const CACHE_MAX_TTL_S = 21_600;
export const CACHE_MAX_ENTRIES = 1000;

interface Entry {
  value: string;
  expires: number;
}

class CacheImpl {
  constructor(
    readonly _ctx: ServiceContext,
    readonly _entries: Map<string, Entry>,
  ) {}
  _live(key: string): Entry | undefined {
    const e = this._entries.get(key);
    if (e && e.expires <= this._ctx.options.now()) {
      this._entries.delete(key);
      return undefined;
    }
    return e;
  }
  _checkKey(key: string): string {
    const k = String(key);
    if (k.length > CACHE_KEY_MAX) throw this._ctx.error(MSG.cacheKeyTooLong);
    return k;
  }
  /** String or null. */
  get(key: string): string | null {
    return this._live(this._checkKey(key))?.value ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const e = this._live(this._checkKey(key));
      if (e) out[key] = e.value;
    }
    return this._ctx.object(out);
  }
  put(key: string, value: unknown, expirationInSeconds?: number): void {
    const k = this._checkKey(key);
    const v = String(value);
    if (utf8Length(v) > CACHE_VALUE_MAX_BYTES) throw this._ctx.error(MSG.cacheValueTooLarge);
    const ttl = expirationInSeconds === undefined ? CACHE_DEFAULT_TTL_S : Number(expirationInSeconds);
    if (!(ttl >= 1 && ttl <= CACHE_MAX_TTL_S)) throw this._ctx.error(MSG.cacheBadTtl);
    this._entries.delete(k);
    this._entries.set(k, { value: v, expires: this._ctx.options.now() + ttl * 1000 });
    // Past 1,000 entries the oldest go first.
    while (this._entries.size > CACHE_MAX_ENTRIES) this._entries.delete(this._entries.keys().next().value!);
  }
  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this._entries.delete(this._checkKey(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.remove(k);
  }
  toString(): string {
    return 'Cache';
  }
}

export class CacheServiceImpl {
  private readonly _caches = {
    document: new Map<string, Entry>(),
    script: new Map<string, Entry>(),
    user: new Map<string, Entry>(),
  };
  constructor(readonly _ctx: ServiceContext) {}
  getDocumentCache(): unknown {
    return this._ctx.wrap('Cache', new CacheImpl(this._ctx, this._caches.document));
  }
  getScriptCache(): unknown {
    return this._ctx.wrap('Cache', new CacheImpl(this._ctx, this._caches.script));
  }
  getUserCache(): unknown {
    return this._ctx.wrap('Cache', new CacheImpl(this._ctx, this._caches.user));
  }
  toString(): string {
    return 'CacheService';
  }
}
