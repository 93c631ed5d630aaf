// Preloaded (node -r) into the API and the bare server when the chat benchmark runs with CHAT_PROFILE=<dir>:
// the first SIGUSR2 starts V8's CPU profiler, the next one stops it and writes <dir>/<label>-<pid>-<n>.cpuprofile
// (open it in Chrome DevTools, or summarise it with bench/chat/profile-summary.mjs). A signal rather than
// --cpu-prof, so that the profile holds the measured phase only: no start-up, seeding, warm-up or other target.
const { Session } = require('node:inspector');
const { writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.CHAT_PROFILE;
const label = process.env.CHAT_PROFILE_LABEL || 'process';
if (dir) {
  mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  let running = false;
  let count = 0;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, result) => {
      if (err) return process.stderr.write(`cpu-profile: ${err.message}\n`);
      const file = join(dir, `${label}-${process.pid}-${++count}.cpuprofile`);
      writeFileSync(file, JSON.stringify(result.profile));
      process.stderr.write(`cpu-profile: wrote ${file}\n`);
    });
  });
}
