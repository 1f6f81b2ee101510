// The two modules of JSZip 3 (pinned by the lock file) that zip-parts.ts uses to hand JSZip parts
// already compressed: imported, not required, so that they are the very modules JSZip's own code
// uses (one instance, whether JSZip is bundled into dist/local or loaded from node_modules).

declare module 'jszip/lib/compressedObject.js' {
  const CompressedObject: new (
    compressedSize: number,
    uncompressedSize: number,
    crc32: number,
    compression: { magic: string },
    data: Uint8Array,
  ) => object;
  export default CompressedObject;
}

declare module 'jszip/lib/compressions.js' {
  const compressions: { STORE: { magic: string }; DEFLATE: { magic: string } };
  export default compressions;
}
