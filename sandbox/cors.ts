import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_HEADERS = 'Authorization, Accept, Content-Type';
const EXPOSED_HEADERS = 'Content-Type, Content-Length, Retry-After, Location, WWW-Authenticate';

/**
 * Echoes the request Origin (the app runs on another port than every API) and answers preflights.
 * Preflights never carry credentials, so they are answered before any token check.
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  }
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    // Chromium keeps a preflight at most 2 hours (Firefox 24): the longest that counts.
    'Access-Control-Max-Age': '7200',
    'Content-Length': '0',
  });
  res.end();
  return true;
}
