/** Where text stops being UTF-8, so the error can name a line (1-based; column counts bytes). */
export interface InvalidUtf8 {
  offset: number;
  byte: number;
  line: number;
  column: number;
  /** The bytes start with a UTF-16 byte order mark. */
  utf16: boolean;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when it is not one (RFC 3629). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const [length, min, max] =
    b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
    : b === 0xe0 ? [3, 0xa0, 0xbf]
    : b === 0xed ? [3, 0x80, 0x9f]
    : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
    : b === 0xf0 ? [4, 0x90, 0xbf]
    : b === 0xf4 ? [4, 0x80, 0x8f]
    : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
    : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1]!;
  if (second < min || second > max) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k]!;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

export function locateInvalidUtf8(bytes: Uint8Array): InvalidUtf8 {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) break;
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
    i += length;
  }
  return { offset: i, byte: bytes[i] ?? 0, line, column: i - lineStart + 1, utf16 };
}
