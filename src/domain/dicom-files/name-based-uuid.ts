/**
 * A UUID derived from a name (FNV-1a, 128 bits, formatted as an RFC 9562 version 8 UUID): the same
 * files give the same Bundle, so output can be diffed. Not for security: nothing secret is hashed.
 */
export function nameBasedUuid(name: string): string {
  const bytes = new TextEncoder().encode(name);
  let hash = 0x6c62272e07bb014262b821756295c58dn;
  const prime = 0x0000000001000000000000000000013bn;
  const mask = (1n << 128n) - 1n;
  for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * prime) & mask;
  const hex = hash.toString(16).padStart(32, '0').split('');
  hex[12] = '8';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
