// The response headers the built app is served with, in one place: the sandbox's static server, the nginx
// recipe (render-nginx-config.mjs) and the e2e tests all take them from here. Plain JavaScript so that a
// deployment renders its nginx config with Node alone (no npm install); types in security-headers.d.mts.

/**
 * The origin of an http(s) URL, as a CSP source expression wants it (`https://pacs.example.org:8443`).
 * Paths are dropped: a CSP source with a path matches only that path (and redirects lose it), and the
 * origin is what the browser's connection is judged by.
 */
export function originOf(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`"${url}" is not an http(s) URL`);
  }
  return parsed.origin;
}

function uniqueOrigins(urls) {
  return [...new Set(urls.map(originOf))].sort();
}

/**
 * The app's Content-Security-Policy. Everything it loads is its own (`'self'`): scripts, style sheets,
 * the decode worker, the wasm codecs. `'wasm-unsafe-eval'` lets those codecs compile (WebAssembly, not
 * JavaScript eval); images may be `data:`/`blob:` URLs (the favicon, images made in the page); measurement
 * labels need inline style attributes (below). The only other origins are the ones it talks to: the FHIR
 * server, the token endpoint and the image servers (`connectSrc`), and the EHRs that may frame it
 * (`frameAncestors`; none means no one may).
 */
export function contentSecurityPolicy({ connectSrc, frameAncestors }) {
  const connect = uniqueOrigins(connectSrc);
  const ancestors = uniqueOrigins(frameAncestors);
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "img-src 'self' data: blob:",
    "style-src 'self'",
    // Cornerstone's measurement labels set a style attribute (drawTextBox: no selection, no pointer events,
    // the drop shadow that keeps them readable on bright pixels). Attributes only: <style> elements and
    // style sheets stay 'self'. An attribute cannot run script, and React escapes all text it renders.
    "style-src-attr 'unsafe-inline'",
    ancestors.length > 0 ? ['frame-ancestors', ...ancestors].join(' ') : "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Powerful features the viewer never uses, switched off for it and anything it could embed; copying a
 * study link to the clipboard is the one it uses.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
  'clipboard-write=(self)',
].join(', ');

/** Every header of every response of the app (files, index.html, app-config.json, errors). */
export function securityHeaders(origins) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(origins),
    // A file is only ever what its Content-Type says (a DICOM or JSON file is never run as a script).
    'X-Content-Type-Options': 'nosniff',
    // Addresses carry patient and study identifiers: send none of them to other servers.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
}

/** Hashed build output (`/assets/name-hash.js`) never changes under its name: cache it for a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** index.html and app-config.json change in place (a new build, an edited config): always revalidate. */
export const REVALIDATE_CACHE = 'no-cache';

/** The Cache-Control for a path of the built app. */
export function cacheControlFor(pathname) {
  return pathname.startsWith('/assets/') ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}

/**
 * The origins of the policy from an app-config.json (the shape of public/app-config.json) and what the
 * deployment adds: each issuer's FHIR origin, `imagingTokenOrigins`, and per issuer what its SMART
 * configuration names (token endpoint, `associated_endpoints`), plus image servers and EHR origins given
 * by hand.
 */
export function cspOriginsFromAppConfig(appConfig, extra = {}) {
  const issuers = Array.isArray(appConfig?.issuers) ? appConfig.issuers : [];
  if (issuers.length === 0) throw new Error('app-config.json lists no issuers');
  const smart = extra.smartConfigurations ?? [];
  return {
    connectSrc: [
      ...issuers.map((issuer) => issuer.iss),
      ...(appConfig.imagingTokenOrigins ?? []),
      ...smart.flatMap((configuration) => [
        ...(configuration.token_endpoint ? [configuration.token_endpoint] : []),
        ...(configuration.associated_endpoints ?? []).map((endpoint) => endpoint.url),
      ]),
      ...(extra.connectSrc ?? []),
    ],
    frameAncestors: [...(extra.frameAncestors ?? [])],
  };
}
