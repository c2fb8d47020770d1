import type { ImagingProxyConfig } from '@/config/app-config';

/**
 * Where the imaging door (imaging-http.ts) sends a request: to the URL itself, or, for a PACS the
 * deployment forwards from a path of the viewer's own origin (`imagingProxies` in app-config.json),
 * to that path, the rest of the URL kept. The request is then same-origin: no CORS preflight, and the
 * PACS needs no CORS at all. Everything else is decided on the PACS's own URL, as if it were sent
 * there: whether it carries the token (the same servers get it, through the proxy), the origin that
 * busy and unreachable notices name, the breaker that rests an unreachable server.
 */
interface Route {
  readonly origin: string;
  /** The server's path without a trailing slash ('' for its root). */
  readonly prefix: string;
  /** The viewer's path without a trailing slash. */
  readonly via: string;
}

let routes: readonly Route[] = [];

/** Set once the deployment's configuration is read (boot.ts); replaces any routes set before. */
export function routeImagingThrough(proxies: readonly ImagingProxyConfig[]): void {
  routes = proxies.map((proxy) => {
    const server = new URL(proxy.server);
    return {
      origin: server.origin,
      prefix: server.pathname.replace(/\/+$/, ''),
      via: proxy.path.replace(/\/+$/, ''),
    };
  });
}

/** The URL a request for `url` is sent to (`url` itself unless a proxy takes its server). */
export function imagingRequestUrl(url: string, appOrigin?: string): string {
  if (routes.length === 0) return url;
  const target = new URL(url);
  const route = routes.find(
    (candidate) =>
      candidate.origin === target.origin &&
      (target.pathname === candidate.prefix || target.pathname.startsWith(`${candidate.prefix}/`)),
  );
  if (!route) return url;
  // Set as a path, never parsed as a reference: `//host/…` left in the rest must not name a host.
  const routed = new URL(appOrigin ?? window.location.origin);
  routed.pathname = `${route.via}${target.pathname.slice(route.prefix.length)}`;
  routed.search = target.search;
  return routed.href;
}
