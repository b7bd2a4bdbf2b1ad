// A stand-in merchant site on its own origin: every path is a landing page with the Goalpost snippet.
import { createServer } from 'node:http';

const port = Number(process.env.E2E_LANDING_PORT ?? 3611);
const goalpost = process.env.E2E_GOALPOST_URL ?? `http://127.0.0.1:${process.env.E2E_API_PORT ?? 3610}`;

const page = (path) => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Shop — ${path}</title>
<script>window.goalpost=window.goalpost||function(){(window.goalpost.q=window.goalpost.q||[]).push(arguments)};</script>
<script async src="${goalpost}/t/goalpost.js"></script></head>
<body><h1>Shop page ${path}</h1></body></html>`;

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(path));
}).listen(port, '127.0.0.1');
