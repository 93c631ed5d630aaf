import { appTokens } from '@web/lib/api-client';
import { createSocketTransport } from './chat-transport';
import { ConnectionSupervisor } from './connection-supervisor';

let connection: ConnectionSupervisor | null = null;

/**
 * The page's one socket on `/chat`, shared by the chat, notifications and the forum: each feature `retain`s it
 * while it needs events and subscribes with `on`, so a signed-in page holds one connection, not three. It
 * presents the app's current token at every handshake and disconnects once nobody holds it (after sign-out).
 */
export function appConnection(): ConnectionSupervisor {
  connection ??= new ConnectionSupervisor({ transport: createSocketTransport, tokens: appTokens });
  return connection;
}
