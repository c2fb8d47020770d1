import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { applyCors } from '../cors.ts';
import { listen, requestUrl, safeHandler, sendJson } from '../http-helpers.ts';
import type { TokenService } from '../auth/token-service.ts';

type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * The "EHR" origin: SMART authorization server, launcher page and JWKS. The token endpoint is called
 * by the browser app from another origin, hence CORS on every route.
 */
export async function startEhrServer(options: {
  port: number;
  tokens: TokenService;
  handlers: readonly RouteHandler[];
}): Promise<Server> {
  const server = createServer(
    safeHandler('ehr', async (req, res) => {
      if (applyCors(req, res)) return;
      if (req.method === 'GET' && requestUrl(req).pathname === '/.well-known/jwks.json') {
        sendJson(res, 200, await options.tokens.jwks());
        return;
      }
      for (const handler of options.handlers) {
        if (await handler(req, res)) return;
      }
      sendJson(res, 404, { error: 'not_found' });
    }),
  );
  await listen(server, options.port);
  return server;
}
