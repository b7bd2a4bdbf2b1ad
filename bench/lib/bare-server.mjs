// The baseline: a bare Node `http` server doing the least comparable work (read the body, JSON.parse it,
// answer) and nothing else: no framework, no validation, no database.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const CONVERSION_REPLY = JSON.stringify({ id: 1, status: 'pending', duplicate: false });
// The same script the api serves, for the framework-floor comparison (GET, no body, no database).
const TRACKER = createRequire(import.meta.url)('@goalpost/tracker').readTrackerScript();

const server = createServer((req, res) => {
  if (req.method === 'GET') {
    if (req.url === '/health') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (req.url === '/t/goalpost.js') {
      return void res.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }).end(TRACKER);
    }
    return void res.writeHead(404).end();
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.url === '/t/clicks' && typeof body.clickSessionID === 'string') {
      res.writeHead(204).end();
    } else if (req.url === '/api/v1/conversions' && typeof body.mref === 'string') {
      res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(CONVERSION_REPLY) });
      res.end(CONVERSION_REPLY);
    } else {
      res.writeHead(404).end();
    }
  });
});
// Fastify's keep-alive timeout, so neither side closes autocannon's connections mid-run.
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`bare server listening on ${process.env.PORT}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
