/** A server's Retry-After is honoured up to this; beyond it we would rather ask again and say so. */
const MAX_RETRY_AFTER_SECONDS = 30;

/** Retry-After in seconds (delta-seconds or an HTTP date), capped; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  const seconds = /^\d+$/.test(trimmed) ? Number(trimmed) : (Date.parse(trimmed) - now) / 1000;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(seconds)));
}
