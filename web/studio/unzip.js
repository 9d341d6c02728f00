// The files of a zip as casebook stores them (not compressed), each a slice of the zip's Blob:
// the grading page opens a student's feedback from the class's zip without reading the zip whole.

const CENTRAL = 0x02014b50;
const END = 0x06054b50;

// The zip's files: name → {header (where its local header starts), length}.
export async function entries(zip) {
  // The end record is in the last 22 bytes, after a comment of at most 65535.
  const from = Math.max(0, zip.size - 22 - 65535);
  const tail = new DataView(await zip.slice(from).arrayBuffer());
  let end = tail.byteLength - 22;
  while (end >= 0 && tail.getUint32(end, true) !== END) end -= 1;
  const found = new Map();
  if (end < 0) return found;
  const count = tail.getUint16(end + 10, true);
  const size = tail.getUint32(end + 12, true);
  const start = tail.getUint32(end + 16, true);
  const directory = new DataView(await zip.slice(start, start + size).arrayBuffer());
  const names = new TextDecoder();
  let at = 0;
  for (let i = 0; i < count && at + 46 <= directory.byteLength; i += 1) {
    if (directory.getUint32(at, true) !== CENTRAL) break;
    const length = directory.getUint32(at + 20, true);
    const nameLength = directory.getUint16(at + 28, true);
    const skip = directory.getUint16(at + 30, true) + directory.getUint16(at + 32, true);
    const header = directory.getUint32(at + 42, true);
    const name = names.decode(new Uint8Array(directory.buffer, at + 46, nameLength));
    found.set(name, { header, length });
    at += 46 + nameLength + skip;
  }
  return found;
}

// One of the zip's files, as a Blob of `type`.
export async function file(zip, { header, length }, type) {
  const local = new DataView(await zip.slice(header, header + 30).arrayBuffer());
  const start = header + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  return zip.slice(start, start + length, type);
}
