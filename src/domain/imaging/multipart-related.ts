/**
 * The first part of a `multipart/related` response (PS3.18 §8.6.1.2), as WADO-RS frames and bulk
 * data come: its body, and its own Content-Type (which names the transfer syntax) or else the
 * response's. A body that is not multipart is returned whole (some servers answer single parts raw).
 */
export function firstMultipartPart(
  body: Uint8Array,
  contentType: string,
): { body: Uint8Array; contentType: string } {
  const whole = { body, contentType };
  const boundary = /boundary="?([^";,\s]+)"?/i.exec(contentType)?.[1];
  if (!/^multipart\//i.test(contentType.trim()) || !boundary) return whole;
  const delimiter = bytesOf(`--${boundary}`);
  const start = indexOf(body, delimiter, 0);
  if (start < 0) return whole;
  const headersEnd = indexOf(body, bytesOf('\r\n\r\n'), start + delimiter.length);
  if (headersEnd < 0) return whole;
  const headers = new TextDecoder().decode(body.subarray(start + delimiter.length, headersEnd));
  const partType = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
  const bodyStart = headersEnd + 4;
  const next = indexOf(body, bytesOf(`\r\n--${boundary}`), bodyStart);
  return {
    body: body.subarray(bodyStart, next < 0 ? body.length : next),
    contentType: partType || contentType,
  };
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * The first place `needle` occurs from `from`. Candidates come from the typed array's own indexOf
 * (native, memchr-fast) on the needle's first byte: a frame is megabytes of pixels whose closing
 * delimiter is at the end, and a byte-by-byte loop in JS cost ~6 ms a frame on the main thread.
 */
function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first: number | undefined = needle[0];
  if (first === undefined) return from <= haystack.length ? from : -1;
  const lead: number = first;
  const last = haystack.length - needle.length;
  let i = haystack.indexOf(lead, from);
  outer: for (; i >= 0 && i <= last; i = haystack.indexOf(lead, i + 1)) {
    for (let j = 1; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Base64 of bytes, as DICOM JSON's InlineBinary holds them. */
export function toInlineBinary(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
