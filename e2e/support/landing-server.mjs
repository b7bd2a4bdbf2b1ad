// A stand-in merchant site on its own origin: every path is a landing page with the Goalpost snippet.
// A few path prefixes add what real shops do around it:
//   /spa/…      a single-page app whose router changes the address with pushState (links marked data-spa);
//   /clean/…    a page whose own script strips the query with replaceState before the async snippet runs;
//   /consent/…  the snippet in consent mode, with an "Accept cookies" button and links to further pages.
import { createServer } from 'node:http';

const port = Number(process.env.E2E_LANDING_PORT ?? 3611);
const goalpost = process.env.E2E_GOALPOST_URL ?? `http://127.0.0.1:${process.env.E2E_API_PORT ?? 3610}`;

const STUB = `<script>window.goalpost=window.goalpost||function(){(window.goalpost.q=window.goalpost.q||[]).push(arguments)};</script>`;

const SPA_ROUTER = `<script>
window.shop = {
  navigate(url) { history.pushState({}, '', url); window.shop.render(); },
  render() { document.querySelector('h1').textContent = 'Shop page ' + location.pathname; },
};
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-spa]');
  if (!link) return;
  event.preventDefault();
  window.shop.navigate(link.href);
});
addEventListener('popstate', () => window.shop.render());
</script>`;

const STRIP_QUERY = `<script>history.replaceState(null, '', location.pathname);</script>`;

function page(path) {
  const kind = path.split('/')[1];
  const head = [STUB];
  let body = '';
  if (kind === 'spa') {
    head.push(SPA_ROUTER);
    body = `<nav><a data-spa href="/spa/">Home</a> <a data-spa href="/spa/cart">Cart</a></nav>`;
  }
  if (kind === 'clean') head.push(STRIP_QUERY);
  const consent = kind === 'consent' ? ' data-consent="required"' : '';
  if (consent) {
    body = `<nav><a href="/consent/basket">Basket</a> <a href="/consent/checkout">Checkout</a></nav>
<div role="dialog" aria-label="Cookies"><button type="button" onclick="goalpost('consent', true)">Accept cookies</button></div>`;
  }
  head.push(`<script async src="${goalpost}/t/goalpost.js"${consent}></script>`);
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Shop — ${path}</title>
${head.join('\n')}</head>
<body><h1>Shop page ${path}</h1>${body}</body></html>`;
}

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(path));
}).listen(port, '127.0.0.1');
