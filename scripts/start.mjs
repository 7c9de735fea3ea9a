#!/usr/bin/env node
// Starts the whole system: the API (which starts the embedded PostgreSQL, migrates and seeds it)
// and the web workspace, then prints what to open. Ctrl-C stops everything cleanly.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = Number(process.env.API_PORT ?? 4000);
const webPort = Number(process.env.WEB_PORT ?? 3000);
const apiUrl = `http://localhost:${apiPort}`;
const children = [];

/**
 * Each child and what it starts (the API's embedded PostgreSQL) run in a process group of their
 * own, so that Ctrl-C in the terminal reaches only this script, which then stops each group: the
 * API drains its requests and closes its pool before it stops PostgreSQL. In the terminal's group,
 * PostgreSQL took the Ctrl-C itself and shut down at once (ending the API's sessions mid-request)
 * while the API was still draining.
 */
function run(name, args, env) {
  const child = spawn('pnpm', args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}`)
      .join('\n');
  child.stdout.on('data', (chunk) => console.log(prefix(chunk)));
  child.stderr.on('data', (chunk) => console.error(prefix(chunk)));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[${name}] exited (${signal ?? code}); stopping`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s`);
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  // Each group as a whole: pnpm, its shell and the program (PostgreSQL takes SIGTERM as a "smart"
  // shutdown: no new sessions, open ones go on until the API ends them).
  for (const child of children) {
    if (child.exitCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
  setTimeout(() => process.exit(code), 8000).unref();
  Promise.all(
    children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve() : c.on('exit', resolve)))),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
// A closed terminal: the children are in groups of their own and would not hear of it otherwise.
process.on('SIGHUP', () => stop(0));

run('api', ['--filter', '@concord/api', 'start'], {
  API_PORT: String(apiPort),
  CONCORD_DATA_DIR: process.env.CONCORD_DATA_DIR ?? join(root, '.data', 'postgres'),
  // The plan editor's live updates connect from the workspace's origin straight to the API.
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? `http://localhost:${webPort},http://127.0.0.1:${webPort}`,
});
try {
  await waitFor(`${apiUrl}/health/ready`, 120_000);
} catch (error) {
  console.error(String(error));
  stop(1);
}
run('web', ['--filter', '@concord/web', 'start'], {
  WEB_PORT: String(webPort),
  API_URL: `${apiUrl}/graphql`,
  // Where browsers open the API's WebSocket; unset, the page's own host name with port 4000 is used.
  ...(apiPort !== 4000 && !process.env.PUBLIC_API_URL ? { PUBLIC_API_URL: `${apiUrl}/graphql` } : {}),
});
await waitFor(`http://localhost:${webPort}/`, 120_000).catch((error) => console.error(String(error)));
console.log(`
  Concord is running.
    Workspace   http://localhost:${webPort}
    GraphQL     ${apiUrl}/graphql
    Health      ${apiUrl}/health/live  ${apiUrl}/health/ready
  Stop with Ctrl-C.
`);
