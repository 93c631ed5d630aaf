import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ChatBroadcaster } from '@api/chat/chat.broadcaster';
import { AppConfig } from '@api/config/app-config';
import { NOTIFICATION_CHANNEL, NOTIFICATION_SELECT, toNotification, type NotificationRow } from './notifications.service';

/**
 * Pushes `notification:new` live. notify() raises a NOTIFY in the transaction that stores the notifications,
 * which PostgreSQL delivers only once it commits, to every listening instance; each instance then emits to
 * its own sockets of the recipient. So a rolled-back change pushes nothing, and every socket, on whichever
 * instance, gets each notification once. A push missed while the listener reconnects is not lost: the
 * notification is stored, and the dashboard re-reads the unread count when its socket reconnects. The NOTIFY
 * names each notification's recipient, so an instance reads back only those of its own connected users.
 */
@Injectable()
export class NotificationsPush implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly broadcaster: ChatBroadcaster,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'pm-notifications-listen' });
    client.on('notification', (msg) => {
      if (msg.channel === NOTIFICATION_CHANNEL && msg.payload) void this.push(this.connectedOnly(msg.payload));
    });
    client.on('error', (e) => {
      this.logger.warn(`notification listener: ${e.message}; reconnecting`);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
      this.client = client;
    } catch (e) {
      this.logger.warn(`notification listener could not connect: ${e instanceof Error ? e.message : String(e)}; retrying`);
      this.reconnect(client);
    }
  }

  private reconnect(client: Client): void {
    if (this.stopped || this.retry) return;
    if (this.client === client) this.client = undefined;
    void client.end().catch(() => undefined);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.listen();
    }, 1000);
  }

  /**
   * The announced notifications whose recipient has a socket on this instance. Each entry is
   * `<id>:<recipient id>`; a bare id (from an instance of an earlier version, during a rolling upgrade) is kept,
   * and read back to learn its recipient. Most recipients are not connected to a given instance at all, and
   * reading their notifications back and rendering them, on every instance, was work for nobody.
   */
  private connectedOnly(payload: string): string[] {
    const ids: string[] = [];
    for (const entry of payload.split(',')) {
      const [id, recipientId] = entry.split(':');
      if (id && (recipientId === undefined || this.broadcaster.isConnectedHere(recipientId))) ids.push(id);
    }
    return ids;
  }

  private async push(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      const rows: NotificationRow[] = await this.dataSource.query(`${NOTIFICATION_SELECT} WHERE n.id = ANY($1::uuid[])`, [ids]);
      for (const row of rows) this.broadcaster.notificationLocal(row.recipient_id, toNotification(row));
    } catch (e) {
      // The notification is stored: the dashboard still finds it when it next reads the list or the count.
      this.logger.warn(`notification push failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
