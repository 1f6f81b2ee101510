/**
 * The parts of an xlsx package (a zip) as JSZip holds them, read and written with Node's native
 * zlib instead of JSZip's JavaScript one (pako), which was the largest single cost of loading and
 * saving a big workbook (issue 21: at 5,000 members, ~6 s of a 25 s CLI refresh):
 *
 * - reading: a part's stored bytes are inflated by `zlib.inflateRaw` (`readText`,
 *   `textOf` chunk by chunk for the big sheets);
 * - writing: `putPart` deflates new content with `zlib.deflateRawSync` and hands JSZip the result as
 *   its own "compressed object", and `copyPart` hands over a part of another package as it is stored
 *   in that file, so `generateAsync` with the same method copies those bytes without inflating or
 *   deflating anything (JSZip's `ZipObject._compressWorker` passes a compressed object through when
 *   its method is the one asked for).
 *
 * The compressed-object constructor and the compression methods are JSZip 3's own modules
 * (`jszip/lib/compressedObject`, `jszip/lib/compressions`, pinned by the lock file); whatever JSZip
 * holds in another form (a part it has already inflated, a string set by a caller) falls back to
 * its own API, so nothing is lost, only slower.
 */
import { promisify } from 'node:util';
import { crc32, createInflateRaw, deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import type JSZip from 'jszip';
import CompressedObject from 'jszip/lib/compressedObject.js';
import COMPRESSIONS from 'jszip/lib/compressions.js';

/** Parts are added without folder entries, as Excel and ExcelJS write packages. */
const FLAT = { createFolders: false };
/** zlib's level for parts this module deflates: its default, as ExcelJS's writer (archiver) uses. */
const DEFLATE_LEVEL = 6;

/** JSZip's own stream of a part (the browser build JSZip may resolve to has no `nodeStream`). */
interface PartStream {
  on(event: 'data', handler: (chunk: Uint8Array) => void): PartStream;
  on(event: 'end', handler: () => void): PartStream;
  on(event: 'error', handler: (error: Error) => void): PartStream;
  pause(): PartStream;
  resume(): PartStream;
}

/** What JSZip 3 keeps of a part read from a file: its bytes as stored and their compression. */
interface StoredPart {
  compressedSize?: number;
  uncompressedSize?: number;
  crc32?: number;
  compressedContent?: unknown;
  compression?: { magic?: string };
}

const STORE_MAGIC = '\x00\x00';
const DEFLATE_MAGIC = '\x08\x00';
/** Inflated bytes handed on at a time: large enough for few calls, small enough to stream. */
const INFLATE_CHUNK = 64 * 1024;
/** Parts up to this size are inflated at once (cheaper), larger ones streamed (lighter). */
const INFLATE_AT_ONCE = 16 * 1024 * 1024;

/**
 * The part's bytes as stored in the file, when JSZip still holds them untouched (a part read from a
 * file and not replaced since) and they are stored or deflated: Node's native zlib inflates them
 * several times faster than JSZip's JavaScript inflater (pako). Null otherwise.
 */
function storedBytes(file: JSZip.JSZipObject): { bytes: Uint8Array; deflated: boolean; size: number } | null {
  const stored = (file as unknown as { _data?: StoredPart })._data;
  const content = stored?.compressedContent;
  const magic = stored?.compression?.magic;
  if (!(content instanceof Uint8Array) || (magic !== STORE_MAGIC && magic !== DEFLATE_MAGIC)) return null;
  const size = typeof stored?.uncompressedSize === 'number' ? stored.uncompressedSize : Infinity;
  return { bytes: content, deflated: magic === DEFLATE_MAGIC, size };
}

/**
 * The part inflated chunk by chunk: by Node's zlib where it can (at once up to `atOnce` bytes,
 * streamed above), else by JSZip's own stream.
 */
async function* bytesOf(file: JSZip.JSZipObject, atOnce = INFLATE_AT_ONCE): AsyncGenerator<Uint8Array> {
  const stored = storedBytes(file);
  if (!stored) {
    yield* jszipBytesOf(file);
    return;
  }
  if (!stored.deflated || stored.size <= atOnce) {
    // Into one buffer of the size the zip says (one more byte, so zlib sees the end without asking
    // for another), instead of 16 KB pieces joined at the end; a wrong size only costs a copy.
    const all = stored.deflated
      ? inflateRawSync(stored.bytes, { chunkSize: Math.max(64, stored.size + 1) })
      : stored.bytes;
    for (let at = 0; at < all.length; at += INFLATE_CHUNK) yield all.subarray(at, at + INFLATE_CHUNK);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
  inflater.end(stored.bytes);
  for await (const chunk of inflater as AsyncIterable<Buffer>) yield chunk;
}

/** A whole part as text, inflated as `bytesOf` does. */
export async function partText(file: JSZip.JSZipObject): Promise<string> {
  let text = '';
  for await (const piece of textOf(file)) text += piece;
  return text;
}

/** The part inflated by JSZip chunk by chunk, paused while a chunk waits to be read. */
async function* jszipBytesOf(file: JSZip.JSZipObject): AsyncGenerator<Uint8Array> {
  const stream = (file as unknown as { internalStream(type: 'uint8array'): PartStream }).internalStream(
    'uint8array',
  );
  const queue: Uint8Array[] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    wake?.();
    wake = null;
  };
  stream
    .on('data', (chunk) => {
      queue.push(chunk);
      stream.pause();
      signal();
    })
    .on('end', () => {
      done = true;
      signal();
    })
    .on('error', (error) => {
      failure = error;
      signal();
    });
  stream.resume();
  for (;;) {
    if (failure) throw failure;
    const chunk = queue.shift();
    if (chunk) {
      yield chunk;
      if (queue.length === 0 && !done) stream.resume();
      continue;
    }
    if (done) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

/** The part's text, chunk by chunk (see `bytesOf`). */
export async function* textOf(file: JSZip.JSZipObject, atOnce = INFLATE_AT_ONCE): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytesOf(file, atOnce)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A whole part as text (native inflate where it can), or null when the package has no such part. */
export async function readText(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? partText(file) : null;
}

/**
 * Sets a part to `content`, deflated here by the native zlib, so that a DEFLATE `generateAsync`
 * only copies it.
 */
export function putPart(zip: JSZip, path: string, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  putDeflated(zip, path, bytes, bytes.length === 0 ? bytes : deflateRawSync(bytes, { level: DEFLATE_LEVEL }));
}

const deflateRawAsync = promisify(deflateRaw);

/**
 * The same, the deflating done on libuv's thread pool: the part takes its place in the package now
 * (the order of `zip`'s parts is the order of these calls) and its bytes when the promise settles,
 * so that the caller can build the next part meanwhile (on a second core).
 */
export function putPartAsync(zip: JSZip, path: string, content: string | Uint8Array): Promise<void> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  zip.file(path, '', FLAT);
  if (bytes.length === 0) return Promise.resolve();
  return deflateRawAsync(bytes, { level: DEFLATE_LEVEL }).then((packed) =>
    putDeflated(zip, path, bytes, packed),
  );
}

function putDeflated(zip: JSZip, path: string, bytes: Uint8Array, packed: Uint8Array): void {
  // JSZip stores an empty part as an empty STORE entry whatever it is given (object.js).
  if (bytes.length === 0) {
    zip.file(path, '', FLAT);
    return;
  }
  const object = new CompressedObject(
    packed.length,
    bytes.length,
    crc32(bytes) >>> 0,
    COMPRESSIONS.DEFLATE,
    packed,
  );
  zip.file(path, object as unknown as Uint8Array, FLAT);
}

/**
 * Sets `to`'s part `path` to `from`'s part as it is stored in `from`'s file (no inflate, no deflate
 * when both packages use its method); through JSZip's API when `from` no longer holds it so.
 */
export async function copyPart(from: JSZip.JSZipObject, to: JSZip, path: string): Promise<void> {
  const stored = (from as unknown as { _data?: StoredPart })._data;
  if (stored instanceof CompressedObject) {
    to.file(path, stored as unknown as Uint8Array, FLAT);
    return;
  }
  to.file(path, await from.async('uint8array'), FLAT);
}
