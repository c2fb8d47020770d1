/** The encodings the built app is precompressed in (`vite-plugin-compression2`), best first. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export type Precompressed = (typeof PRECOMPRESSED)[number];

/** Each coding's weight in an Accept-Encoding header (RFC 9110 §12.5.3); `*` stands for the unnamed ones. */
function weights(header: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (name === '') continue;
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    result.set(name, Number.isFinite(weight) ? weight : 0);
  }
  return result;
}

/**
 * Which precompressed file to send for this Accept-Encoding, or null for the plain one. Among codings the
 * client weighs alike the server's order decides (brotli is smaller); `q=0` refuses a coding.
 * Hand-written rather than `negotiator`: its server-preference option, which this needs (Chrome lists
 * gzip before br, both at q=1), is missing from its published types.
 */
export function chooseEncoding(
  header: string | undefined,
  available: readonly Precompressed[],
): Precompressed | null {
  if (!header) return null;
  const accepted = weights(header);
  const weightOf = (encoding: string): number => accepted.get(encoding) ?? accepted.get('*') ?? 0;
  let best: Precompressed | null = null;
  for (const candidate of available) {
    const weight = weightOf(candidate.encoding);
    if (weight > 0 && (best === null || weight > weightOf(best.encoding))) best = candidate;
  }
  return best;
}
