import fastifyCompress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';

/** Public tracking paths: the snippet, the pixel and the click/goal posts, loaded by merchants' pages on other origins. */
const TRACKING_PREFIX = '/t/';

/**
 * Security headers on every answer (helmet's defaults, tightened): the dashboard and the API docs may
 * load only their own scripts, nothing may frame them, MIME sniffing is off, and other sites get the
 * origin at most as referrer. Registered before the routes so 404s and errors carry them too. helmet's
 * middleware is built once here: building it per request (as @fastify/helmet does) re-parses the CSP on
 * every answer, which cost click capture about 7% of its CPU.
 */
export function registerSecurityHeaders(app: NestFastifyApplication): void {
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Swagger UI's page (/api/docs) carries <style> blocks; React sets styles through the DOM, which CSP allows.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Goalpost is often reached over plain HTTP on a private network: upgrading would break the dashboard there.
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    // The click pixel redirects shoppers to the shop: keep the origin, never the full URL, for other sites.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    applyHeaders(request.raw, reply.raw, (error?: unknown) => {
      // helmet's same-origin would stop shops' pages from loading the snippet and the pixel.
      if (request.url.startsWith(TRACKING_PREFIX)) reply.raw.setHeader('cross-origin-resource-policy', 'cross-origin');
      done(error instanceof Error ? error : undefined);
    });
  });
}

/** gzip or brotli (quality 4, cheap enough to do per request) for text answers over 1 KB: the dashboard's bundles above all. */
export async function registerCompression(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024 });
}
