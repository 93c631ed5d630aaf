// The chat benchmark's baseline: a bare socket.io 4 server that speaks the same events as the gateway on the
// same namespace and does the least a relay can: no authentication beyond taking the handshake token as the
// user id, no validation, no storage, no cluster adapter. `conversation:join` puts the socket in the
// conversation's room; `message:send` builds a message, emits `message:new` to the room (both members, as the
// gateway does) and acks. Same packet limit and transport (ws) as the gateway. Started by run.mjs as a child
// process, so it has its own event loop like the API; prints `listening <port>` on stdout.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

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
  socket.on('message:send', (payload, ack) => {
    const seq = (seqs.get(payload.conversationId) ?? 0) + 1;
    seqs.set(payload.conversationId, seq);
    const message = {
      id: randomUUID(),
      conversationId: payload.conversationId,
      senderId: socket.data.userId,
      body: payload.body,
      clientMessageId: payload.clientMessageId,
      createdAt: new Date().toISOString(),
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
  httpServer.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
