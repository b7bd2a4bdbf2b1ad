/** A merchant landing page with the snippet installed, for the demo: open it with Aflite's click parameters. */
export function demoLandingPage(): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Demo shop</title>
  <script>window.goalpost = window.goalpost || function () { (window.goalpost.q = window.goalpost.q || []).push(arguments) };</script>
  <script async src="/t/goalpost.js"></script>
  <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font:inherit;padding:.5rem 1rem}</style>
</head>
<body>
  <h1>Demo shop</h1>
  <p>This page has the Goalpost snippet installed. Opened with <code>?clickSource=aflite&amp;clickSessionID=…</code>, it records the click and sets the first-party cookie.</p>
  <button type="button" id="buy">Buy (browser goal, £10.00)</button>
  <p id="result" role="status"></p>
  <script>
    document.getElementById('buy').addEventListener('click', function () {
      var mref = 'WEB-' + Date.now();
      goalpost('goal', { goal: '5', mref: mref, value: '10.00' }).then(function (c) {
        document.getElementById('result').textContent = 'Recorded ' + c.mref + ': ' + c.status;
      }, function (e) {
        document.getElementById('result').textContent = 'Not recorded: ' + e.message;
      });
    });
  </script>
</body>
</html>`;
}
