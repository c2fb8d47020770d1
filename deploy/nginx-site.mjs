// The nginx `server { }` block of the deployment recipe, as text. Pure: render-nginx-config.mjs is the
// command around it, and the e2e nginx project runs exactly what it renders.
import { IMMUTABLE_CACHE, REVALIDATE_CACHE } from './security-headers.mjs';

/** nginx strings are double-quoted here; a header value never holds a double quote or a backslash. */
function quoted(value) {
  if (/["\\\n]/.test(value)) throw new Error(`cannot put ${JSON.stringify(value)} in an nginx string`);
  return `"${value}"`;
}

/** A path nginx reads literally: no spaces, quotes, semicolons or braces (say so rather than mis-render). */
function path(value) {
  if (!value.startsWith('/') || /[\s"';{}$\\]/.test(value)) {
    throw new Error(`"${value}" must be an absolute path without spaces, quotes, ; { } or $`);
  }
  return value;
}

/** An upstream nginx can proxy_pass to: an http(s) URL with nothing nginx would read otherwise. */
function upstream(value) {
  if (!/^https?:\/\/[^\s"';{}$\\?#]+$/.test(value)) {
    throw new Error(`"${value}" must be an http(s) URL without spaces, quotes, ; { } $ ? or #`);
  }
  return value;
}

/**
 * The PACSes app-config.json's `imagingProxies` names, forwarded from paths of the viewer's origin:
 * the viewer's requests to them are then same-origin (no CORS preflight; the PACS needs no CORS). Sent
 * on as they came, Authorization included (the viewer decides on the PACS's own URL whether a request
 * carries the token), and streamed both ways (a series comes as one long multipart answer).
 * @param {readonly { server: string, path: string }[]} proxies
 */
function proxyLocations(proxies) {
  return proxies
    .map((proxy) => {
      const from = `${path(proxy.path).replace(/\/+$/, '')}/`;
      const to = `${upstream(proxy.server).replace(/\/+$/, '')}/`;
      return `
    # ${to} (app-config.json imagingProxies): the viewer's requests for it come here.
    location ^~ ${from} {
        proxy_pass ${to};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_ssl_server_name on;
        proxy_buffering off;
        proxy_request_buffering off;
        proxy_read_timeout 300s;
        gzip off;
    }
`;
    })
    .join('');
}

/** The map lines that leave a proxied PACS's own Cache-Control alone (an empty add_header adds none). */
function proxyCacheLines(proxies) {
  return proxies
    .map((proxy) => {
      const from = `${proxy.path.replace(/\/+$/, '')}/`.replace(/[.]/g, '\\.');
      return `    ~^${from}  "";\n`;
    })
    .join('');
}

/**
 * @param {object} options
 * @param {string} options.root the built app (`dist/`), absolute
 * @param {string} options.appConfigFile the site's app-config.json, absolute, served at /app-config.json
 * @param {Record<string, string>} options.headers securityHeaders(…) for this site
 * @param {string} [options.listen] nginx `listen` (default 80)
 * @param {string} [options.serverName] nginx `server_name` (default `_`)
 * @param {boolean} [options.brotli] serve the build's .br files (needs libnginx-mod-http-brotli-static)
 * @param {readonly { server: string, path: string }[]} [options.proxies] app-config.json's imagingProxies
 * @param {string} [options.source] how it was rendered, for the header comment
 */
export function renderNginxSite(options) {
  const root = path(options.root);
  const appConfigFile = path(options.appConfigFile);
  const { headers } = options;
  const listen = options.listen ?? '80';
  const serverName = options.serverName ?? '_';
  const brotli = options.brotli ?? true;
  const proxies = options.proxies ?? [];
  const headerLines = Object.entries(headers)
    .map(([name, value]) => `    add_header ${name} ${quoted(value)} always;`)
    .join('\n');
  return `# The imaging viewer's site, rendered by deploy/render-nginx-config.mjs${options.source ? `:\n#   ${options.source}` : ''}
# Do not edit by hand: change app-config.json (or the options) and render again (see README, Deploying).

# Hashed build output (/assets/name-hash.js) never changes under its name: a year. index.html and
# app-config.json change in place: always revalidate (ETag / Last-Modified make that cheap).
map $uri $imaging_viewer_cache_control {
    ~^/assets/  ${quoted(IMMUTABLE_CACHE)};
${proxyCacheLines(proxies)}    default     ${quoted(REVALIDATE_CACHE)};
}

server {
    listen ${listen};
    server_name ${serverName};
    root ${root};
    server_tokens off;
    charset utf-8;
    charset_types text/css application/javascript text/javascript application/json image/svg+xml;

    # On every response, errors included (always). No location below has an add_header of its own:
    # one would silently drop all of these for its paths (nginx does not merge add_header levels).
${headerLines}
    # Not on errors: a 404 must not be cached for a year.
    add_header Cache-Control $imaging_viewer_cache_control;

    # The build wrote name.gz and name.br beside every text asset and wasm codec: send them as they are.
    gzip_static on;
${brotli ? '    brotli_static on;\n' : ''}    # Anything without a precompressed twin (app-config.json) is compressed on the fly; Vary on both.
    gzip on;
    gzip_vary on;
    gzip_types text/css application/javascript text/javascript application/json application/wasm image/svg+xml;

    # A hashed asset that is not there is a 404, never index.html (^~: the regex below does not apply).
    location ^~ /assets/ {
        try_files $uri =404;
    }

    # The runtime config lives outside the build, so a new dist/ never overwrites the site's settings.
    location = /app-config.json {
        alias ${appConfigFile};
    }
${proxyLocations(proxies)}
    # A file with an extension that is not there is a 404 (a stale chunk name must not get HTML).
    location ~ \\.[A-Za-z0-9]+$ {
        try_files $uri =404;
    }

    # Every other path is a route of the single-page app (/launch, /callback, /viewer…).
    location / {
        try_files $uri /index.html;
    }
}
`;
}
