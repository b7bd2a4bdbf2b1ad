import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { cacheControlFor } from './dashboard-files';

/**
 * Serves the built dashboard's files at /. Each file gets its own route (wildcard: false), so the
 * API's routes and the SPA fallback (WebController) keep the rest of the URL space.
 */
export async function serveDashboard(app: NestFastifyApplication, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    cacheControl: false,
    etag: true,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', cacheControlFor(filePath));
    },
  });
}
