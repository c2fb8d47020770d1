/** WADO-RS frame numbers are 1-based positive integers (PS3.18 §10.4.1.1.5); 0 is a classic off-by-one. */
declare const frameBrand: unique symbol;

export type FrameNumber = number & { readonly [frameBrand]: 'FrameNumber' };

export function parseFrameNumber(raw: unknown): FrameNumber | null {
  return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 1 ? (raw as FrameNumber) : null;
}

/** Frames 1..count of a multi-frame instance; empty when count is not a positive integer. */
export function frameNumbersUpTo(count: unknown): FrameNumber[] {
  const last = parseFrameNumber(count);
  if (last === null) return [];
  return Array.from({ length: last }, (_, index) => (index + 1) as FrameNumber);
}
