// Preloaded into the api (node --require) when BENCH_PROFILE is set. The bench sends {profile:'start'} and
// {profile:'stop', file} over the IPC channel, so exactly the measured window is profiled (--cpu-prof covers
// start to exit, and signals are taken: Nest's shutdown hooks listen to SIGUSR2 too).
'use strict';
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new Session();
session.connect();
// The channel must not keep the api alive on its own.
process.channel?.unref();

process.on('message', (message) => {
  if (!message || typeof message !== 'object' || !('profile' in message)) return;
  if (message.profile === 'start') {
    session.post('Profiler.enable', () => session.post('Profiler.start'));
  } else if (message.profile === 'stop') {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(message.file, JSON.stringify(result.profile));
      process.send?.({ profileWritten: error ? null : message.file });
    });
  }
});
