// An embedded PostgreSQL driven over stdin, one command a line, for tests that are not ES modules (Jest's
// CommonJS test files cannot import tools/embedded-db.mjs) and must stop and restart a database under a
// running API:
//   stop [smart|fast|immediate]   stop the server (immediate: as if it crashed; the next start replays the WAL)
//   start                         start it again, same data, same port
//   exit                          stop it (fast) and exit
// Each command is answered by one JSON line on stdout: {"event":"ready", url, adminUrl, port, logFile} once
// started, then {"event":"stopped"|"started", ms} or {"event":"error", message}. Closing stdin (the test
// process died) stops the server too.
//   node tools/embedded-db-server.mjs <dataDir> [database]
import { createInterface } from 'node:readline';
import { startEmbeddedPostgres } from './embedded-db.mjs';

const [dataDir, database = 'mentoring'] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: node tools/embedded-db-server.mjs <dataDir> [database]');
  process.exit(2);
}

const say = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);
const db = await startEmbeddedPostgres({ dataDir, database, persistent: true });
say({ event: 'ready', url: db.url, adminUrl: db.adminUrl, port: db.port, logFile: db.logFile });

let queue = Promise.resolve();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [command, mode] = line.trim().split(/\s+/);
  queue = queue.then(async () => {
    const startedAt = Date.now();
    try {
      if (command === 'stop') {
        await db.stop({ mode: mode ?? 'fast' });
        say({ event: 'stopped', ms: Date.now() - startedAt });
      } else if (command === 'start') {
        await db.start();
        say({ event: 'started', ms: Date.now() - startedAt });
      } else if (command === 'exit') {
        await db.stop();
        process.exit(0);
      } else {
        say({ event: 'error', message: `unknown command ${JSON.stringify(line)}` });
      }
    } catch (e) {
      say({ event: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
});
lines.on('close', () => {
  void queue.then(() => db.stop()).finally(() => process.exit(0));
});
