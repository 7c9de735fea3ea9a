import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { API_NODE_FLAGS } from '../node-flags.ts';

/**
 * The API process as `pnpm start` runs it, for what starts one of its own (the benchmark, the tests
 * of whole processes). Imports only Node and node-flags, with extensions: the benchmark's server
 * entries load it through Node's type stripping.
 */

/** apps/api: the working directory of the process. */
export const API_DIR = join(import.meta.dirname, '..', '..');

let built = false;

/** Builds dist/main.js (once per calling process) and gives Node's arguments to run it from API_DIR. */
export function productionArgs(): string[] {
  if (!built) {
    execFileSync(process.execPath, ['build.mjs'], { cwd: API_DIR, stdio: 'inherit' });
    built = true;
  }
  return [...API_NODE_FLAGS, 'dist/main.js'];
}

/** The port announced by a line of the API's log, when it is the "ready" line. */
export function readyPort(line: string): number | undefined {
  try {
    const message = JSON.parse(line);
    if (message?.message === 'Concord API ready' && typeof message.port === 'number') return message.port;
  } catch {
    // not a log line
  }
  return undefined;
}
