import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The compiled server `npm start` runs (built by the tests' global setup, `build-server.ts`). */
const SERVER = fileURLToPath(new URL('../dist/server.js', import.meta.url));
const NODE_ARGUMENTS = ['--enable-source-maps', SERVER];

export type ServerProcess = { url: string; child: ChildProcess; logs: string[]; exited: Promise<number | null> };

/** Starts the compiled server as `npm start` would (with the demo unless `env` says otherwise), and waits until it listens (or exits). */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, NODE_ARGUMENTS, {
    env: { ...process.env, DEMO_DATA: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        logs.push(line);
        const match = /"message":"listening","port":(\d+)/.exec(line);
        if (match) resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${logs.join('\n')}`)));
  });
  return { url: await listening, child, logs, exited };
}

/** Runs the server expecting it to refuse to start; returns its exit code and output. */
export async function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, NODE_ARGUMENTS, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}
