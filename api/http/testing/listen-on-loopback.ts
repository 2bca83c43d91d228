import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** Serves `app` on a free loopback port for a unit test: its base URL, and how to stop it. */
export async function listenOnLoopback(app: Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await new Promise<ReturnType<Express['listen']>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
