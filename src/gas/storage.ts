/**
 * Cache and property writes that can never fail the work around them. Apps Script refuses a cache
 * value over 100 KB ("The maximum length of a value is 100KB",
 * https://developers.google.com/apps-script/reference/cache/cache#putkey,-value,-expirationinseconds)
 * and a property value over 9 KB or a store over 500 KB
 * (https://developers.google.com/apps-script/guides/services/quotas#current_limitations) by
 * throwing. What the add-on caches or keeps in properties is a convenience (progress, last
 * summary, a pre-filled link template): too big, or refused, it is skipped and logged, never
 * thrown at a refresh whose tabs are already written.
 */

export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;

/** UTF-8 length of a string (the limits are in bytes). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}

function skipped(what: string, key: string, e: unknown): false {
  console.warn(`Club Pulse: ${what} "${key}" not stored (${e instanceof Error ? e.message : String(e)}).`);
  return false;
}

/** Puts `text` in the document cache when it fits; true when stored. */
export function safeCachePut(key: string, text: string, seconds: number): boolean {
  if (utf8Bytes(text) > CACHE_VALUE_MAX_BYTES) return skipped('cache value', key, 'over 100 KB');
  // Keys are limited to 250 characters (https://developers.google.com/apps-script/reference/cache/cache#putkey,-value,-expirationinseconds).
  if (key.length > 250) return skipped('cache key', key.slice(0, 40), 'over 250 characters');
  try {
    const cache = CacheService.getDocumentCache();
    if (!cache) return false;
    cache.put(key, text, seconds);
    return true;
  } catch (e) {
    return skipped('cache value', key, e);
  }
}

/** Sets a document property when it fits (9 KB a value; the 500 KB store limit is caught); true when stored. */
export function safeSetDocumentProperty(key: string, text: string): boolean {
  if (utf8Bytes(key) + utf8Bytes(text) > PROPERTY_VALUE_MAX_BYTES) {
    return skipped('property', key, 'over 9 KB');
  }
  try {
    PropertiesService.getDocumentProperties().setProperty(key, text);
    return true;
  } catch (e) {
    return skipped('property', key, e);
  }
}
