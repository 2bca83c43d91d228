import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { notificationChannel, type NotificationAnnouncement } from './notify-people.ts';

/** One open stream's ears: called with each new notification id of its user, or once when the connection is lost. */
export interface NotificationSubscriber {
  onNotification(id: number): void;
  onLost(): void;
}

export interface NotificationListener {
  /** Resolves once LISTEN is in effect (nothing committed after that is missed); the result unsubscribes. */
  subscribe(userId: number, subscriber: NotificationSubscriber): Promise<() => void>;
}

interface PgConnectionSource {
  mapOptions(overrides: pg.PoolConfig): pg.PoolConfig;
}

const listeners = new WeakMap<MikroORM, NotificationListener>();

/**
 * The process's one LISTEN connection for the ORM's database, shared by every open stream and dispatching each
 * announcement to the streams of its user. It opens with the first subscriber and closes with the last, so a process
 * with no browser connected holds no extra connection (and a test's ORM closes without leaving one behind). It
 * connects exactly as the ORM's pool does (same search_path), and keeps only announcements from its own schema: test
 * files share one database, each in its schema, and their user ids overlap.
 */
export function notificationListener(orm: MikroORM): NotificationListener {
  const existing = listeners.get(orm);
  if (existing !== undefined) return existing;

  const subscribers = new Map<number, Set<NotificationSubscriber>>();
  let connection: { client: pg.Client; ready: Promise<void> } | undefined;

  const loseAll = () => {
    const lost = [...subscribers.values()].flatMap((set) => [...set]);
    subscribers.clear();
    connection = undefined;
    for (const subscriber of lost) subscriber.onLost();
  };

  const connect = () => {
    const source = orm.em.getConnection() as unknown as PgConnectionSource;
    const driverOptions = (orm.config.get('driverOptions') ?? {}) as pg.PoolConfig;
    const client = new pg.Client(source.mapOptions(driverOptions));
    let schema = '';
    const opened = { client, ready: Promise.resolve() };
    client.on('notification', (message) => {
      if (message.channel !== notificationChannel || message.payload === undefined) return;
      const announced = JSON.parse(message.payload) as NotificationAnnouncement;
      if (announced.schema !== schema) return;
      for (const subscriber of subscribers.get(announced.userId) ?? []) subscriber.onNotification(announced.id);
    });
    client.on('error', () => {
      if (connection === opened) loseAll();
    });
    client.on('end', () => {
      if (connection === opened) loseAll();
    });
    opened.ready = (async () => {
      await client.connect();
      const { rows } = await client.query<{ schema: string }>('select current_schema() as schema');
      schema = rows[0]?.schema ?? '';
      await client.query(`listen ${notificationChannel}`);
    })();
    return opened;
  };

  const listener: NotificationListener = {
    async subscribe(userId, subscriber) {
      const forUser = subscribers.get(userId) ?? new Set();
      forUser.add(subscriber);
      subscribers.set(userId, forUser);
      connection ??= connect();
      const current = connection;
      let subscribed = true;
      const unsubscribe = () => {
        if (!subscribed) return;
        subscribed = false;
        forUser.delete(subscriber);
        if (forUser.size === 0 && subscribers.get(userId) === forUser) subscribers.delete(userId);
        if (subscribers.size === 0 && connection === current) {
          connection = undefined;
          void current.ready.finally(() => current.client.end()).catch(() => {});
        }
      };
      try {
        await current.ready;
      } catch (error) {
        unsubscribe();
        if (connection === current) connection = undefined;
        throw error;
      }
      return unsubscribe;
    },
  };
  listeners.set(orm, listener);
  return listener;
}
