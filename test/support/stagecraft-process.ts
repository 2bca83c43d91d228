import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { serverNodeFlags } from './server-node-flags.ts';

export interface StagecraftProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code once the process (and its embedded PostgreSQL) has stopped. */
  stop(): Promise<number | null>;
}

const startScript = path.join(import.meta.dirname, '../../api/cli/start.ts');

/** Runs `api/cli/start.ts` — what `npm start` runs — as its own process and waits for the URL line. */
export function spawnStagecraft(env: Record<string, string>, timeoutMs = 30_000): Promise<StagecraftProcess> {
  const child = spawn(process.execPath, [...serverNodeFlags(), startScript], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Stagecraft printed no URL within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = () => {
      const match = /Stagecraft is running at (\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        url: match[1]!,
        child,
        output: () => output,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Stagecraft exited with code ${code} before printing its URL:\n${output}`));
    });
  });
}

/** Runs start.ts expecting it to fail at once; resolves with its exit code and output. */
export function runStagecraftToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [...serverNodeFlags(), startScript], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
