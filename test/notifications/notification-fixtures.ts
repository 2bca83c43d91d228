import { runCommand } from '../../api/commands/run-command.ts';
import { notifyPeople, type NewNotification } from '../../api/notifications/notify-people.ts';
import type { TestApp } from '../support/test-app.ts';

let sourceSerial = 0;

/** Notifications written through the real writer, as a handler or a timer would; their ids. */
export function aNotification(app: TestApp, userIds: number[], overrides: Partial<NewNotification> = {}): Promise<number[]> {
  return runCommand(app.orm, { actorId: null }, (context) =>
    notifyPeople(context, {
      userIds,
      kind: 'notice',
      title: { en: `Notice ${++sourceSerial}`, 'zh-CN': `通知 ${sourceSerial}` },
      sourceKey: `test:${sourceSerial}`,
      ...overrides,
    }),
  );
}

export interface StreamEvent {
  event: string | undefined;
  id: string | undefined;
  data: string | undefined;
  comment: string | undefined;
}

export interface OpenStream {
  status: number;
  contentType: string | null;
  /** The next event or comment block; undefined once the server ended the stream. */
  next(): Promise<StreamEvent | undefined>;
  /** The next block that is an event named `name` (comments and other events skipped). */
  nextEvent(name: string): Promise<StreamEvent | undefined>;
  close(): void;
}

/** Opens an SSE stream the way a browser's EventSource does, over real HTTP, and reads it block by block. */
export async function openStream(url: string, cookie: string | undefined, headers: Record<string, string> = {}): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...(cookie === undefined ? {} : { cookie }), ...headers },
    signal: controller.signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const next = async (): Promise<StreamEvent | undefined> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: StreamEvent = { event: undefined, id: undefined, data: undefined, comment: undefined };
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) event.comment = line.slice(1).trim();
          else if (line.startsWith('event: ')) event.event = line.slice(7);
          else if (line.startsWith('id: ')) event.id = line.slice(4);
          else if (line.startsWith('data: ')) event.data = line.slice(6);
        }
        return event;
      }
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return undefined;
      buffer += chunk.value;
    }
  };
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    next,
    async nextEvent(name) {
      for (let block = await next(); block !== undefined; block = await next()) if (block.event === name) return block;
      return undefined;
    },
    close: () => controller.abort(),
  };
}
