// The chat benchmark's second baseline: the bare relay (bare-server.mjs) plus the least storage a chat can
// have: each message is stored with a plain single-row INSERT ... RETURNING into PostgreSQL (its own table,
// `bench_relay_message`, in the database named by DATABASE_URL; one pg Pool of 10) before it is emitted and
// acknowledged. No authentication, validation, membership check, idempotency or cluster adapter. What the
// gateway should beat by batching commits: one transaction and one WAL flush per message is the naive design.
// Started by run.mjs as a child process; prints `listening <port>` on stdout.
import { createServer } from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`CREATE TABLE IF NOT EXISTS bench_relay_message (
  id bigserial PRIMARY KEY, conversation_id text NOT NULL, sender_id text NOT NULL, body text NOT NULL,
  client_message_id text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);

const httpServer = createServer();
const io = new Server(httpServer, { maxHttpBufferSize: 64 * 1024, serveClient: false });
const nsp = io.of('/chat');
const seqs = new Map();

nsp.use((socket, next) => {
  const token = socket.handshake.auth?.token;
  if (typeof token !== 'string' || token.length === 0) return next(new Error('no token'));
  socket.data.userId = token;
  next();
});

nsp.on('connection', (socket) => {
  socket.on('conversation:join', (payload, ack) => {
    socket.join(payload.conversationId);
    ack?.({ ok: true, missed: [], hasMore: false, readReceipts: [] });
  });
  socket.on('message:send', async (payload, ack) => {
    let row;
    try {
      ({ rows: [row] } = await pool.query(
        'INSERT INTO bench_relay_message (conversation_id, sender_id, body, client_message_id) VALUES ($1, $2, $3, $4) RETURNING id, created_at',
        [payload.conversationId, socket.data.userId, payload.body, payload.clientMessageId],
      ));
    } catch (e) {
      return ack?.({ ok: false, code: 'UNAVAILABLE', error: e.message });
    }
    // Numbered when emitted, so receivers see seqs rise (inserts on different connections commit in any order).
    const seq = (seqs.get(payload.conversationId) ?? 0) + 1;
    seqs.set(payload.conversationId, seq);
    const message = {
      id: String(row.id),
      conversationId: payload.conversationId,
      senderId: socket.data.userId,
      body: payload.body,
      clientMessageId: payload.clientMessageId,
      createdAt: row.created_at.toISOString(),
      seq,
    };
    nsp.to(payload.conversationId).emit('message:new', message);
    ack?.({ ok: true, message });
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${httpServer.address().port}\n`);
});

process.on('SIGTERM', () => {
  io.close();
  httpServer.close(() => pool.end().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 2000).unref();
});
