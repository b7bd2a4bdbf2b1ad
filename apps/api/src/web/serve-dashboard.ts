import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { cacheControlFor } from './dashboard-files';

/**
 * Serves the built dashboard's files at /. Each file gets its own route (wildcard: false), so the
 * API's routes and the SPA fallback (WebController) keep the rest of the URL space. Compression comes
 * from the app-wide @fastify/compress.
 */
export async function serveDashboard(app: NestFastifyApplication, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    // Source maps would hand the dashboard's source to anyone: they are not served (a GET for one is a 404).
    globIgnore: ['**/*.map'],
    cacheControl: false,
    etag: true,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', cacheControlFor(filePath));
    },
  });
}
