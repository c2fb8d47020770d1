import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { applyCors } from '../cors.ts';
import { listen, requestUrl, safeHandler, sendJson } from '../http-helpers.ts';
import type { PacsFaults } from './pacs-faults.ts';
import type { TokenService } from '../auth/token-service.ts';

const DICOMWEB_PREFIX = '/dicom-web';
/**
 * Orthanc's WADO-URI (`/wado`), offered under the DICOMweb prefix so that it shares its authorization:
 * the same token rules, and the same SMART imaging-access base the app sends the token to.
 */
const WADO_URI_PATH = `${DICOMWEB_PREFIX}/wado`;
const ORTHANC_WADO_URI_PATH = '/wado';
/** Request headers worth passing to Orthanc; cookies, tokens and encodings stay with the gateway. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'content-length', 'range'] as const;
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'etag',
  'last-modified',
];

export interface PacsGatewayOptions {
  readonly name: string;
  readonly port: number;
  readonly orthancUrl: string;
  /** When set, the gateway behaves like a SMART imaging server: only our access tokens get through. */
  readonly tokens?: TokenService;
  /** Lets a test make this PACS busy, stopped or slow (see fault-controls.ts). */
  readonly faults?: PacsFaults;
}

function pickHeaders(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}

/**
 * The browser's door to one Orthanc: Orthanc sends no CORS headers and has no token checks, so this small
 * proxy adds both and otherwise streams requests and responses through unchanged (status, type, body).
 */
export async function startPacsGateway(options: PacsGatewayOptions): Promise<Server> {
  const orthanc = new URL(options.orthancUrl);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (await options.faults?.holdIfHung(req, res)) return;
    if (applyCors(req, res)) return;
    const url = requestUrl(req);
    if (url.pathname !== DICOMWEB_PREFIX && !url.pathname.startsWith(`${DICOMWEB_PREFIX}/`)) {
      sendJson(res, 404, {
        error: `${options.name} serves DICOMweb (and WADO-URI at ${WADO_URI_PATH}) under ${DICOMWEB_PREFIX}/ only`,
      });
      return;
    }
    if (await options.faults?.answerOrDelay(url.pathname, res)) return;
    if (options.tokens) {
      const bearer = await options.tokens.checkBearer(req.headers.authorization);
      if (!bearer.ok) {
        sendJson(res, 401, { error: 'invalid_token', error_description: bearer.reason }, 'application/json', {
          'WWW-Authenticate': `Bearer realm="${options.name}", error="invalid_token"`,
        });
        return;
      }
    }
    const upstream = httpRequest(
      {
        host: orthanc.hostname,
        port: orthanc.port,
        method: req.method,
        path: `${url.pathname === WADO_URI_PATH ? ORTHANC_WADO_URI_PATH : url.pathname}${url.search}`,
        // The Host header tells the DICOMweb plugin which origin to write into BulkDataURIs: ours.
        headers: { ...pickHeaders(req.headers, FORWARDED_REQUEST_HEADERS), host: req.headers.host ?? '' },
      },
      (upstreamRes) => {
        res.writeHead(
          upstreamRes.statusCode ?? 502,
          pickHeaders(upstreamRes.headers, FORWARDED_RESPONSE_HEADERS),
        );
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) sendJson(res, 502, { error: `${options.name} is unreachable: ${error.message}` });
      else res.destroy(error);
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  };
  const server = createServer(safeHandler(options.name, handle));
  await listen(server, options.port);
  options.faults?.bind(server, options.port);
  return server;
}
