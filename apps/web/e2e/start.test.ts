import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiSession } from './journeys';
import { freePorts } from './system';

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * What the launcher started: the processes with its data directory in their environment (pnpm,
 * the API, the workspace) or on their command line (PostgreSQL).
 */
async function processesOf(dataDir: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = await readFile(`/proc/${entry}/environ`, 'utf8');
      const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (environ.includes(dataDir) || cmdline.includes(dataDir)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { redirect: 'manual' });
    return true;
  } catch {
    return false;
  }
}

describe('the launcher behind `pnpm start`', () => {
  it('starts the API with its embedded PostgreSQL and demo data, then the workspace; Ctrl-C stops all of it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'concord-start-'));
    const [apiPort, webPort] = await freePorts(2);
    // In a process group of its own, as in a terminal, where Ctrl-C reaches the foreground group.
    const launcher = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        API_PORT: String(apiPort),
        WEB_PORT: String(webPort),
        CONCORD_DATA_DIR: join(dataDir, 'postgres'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    launcher.stdout.on('data', (chunk) => {
      output += chunk;
    });
    launcher.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => launcher.on('exit', (code) => resolve(code)));
    try {
      await expect
        .poll(() => output.includes('Concord is running.') || launcher.exitCode !== null, {
          timeout: 150_000,
          interval: 250,
        })
        .toBe(true);
      expect(launcher.exitCode, output).toBeNull();

      const web = await fetch(`http://127.0.0.1:${webPort}/`, { redirect: 'manual' });
      expect([200, 307]).toContain(web.status);
      // The demo data is there: a demo liaison signs in.
      expect(await apiSession(`http://127.0.0.1:${apiPort}/graphql`, 'liaison.dpo@concord.test')).toMatch(
        /=/,
      );
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);
      expect((await processesOf(dataDir)).length).toBeGreaterThan(3);

      const pid = launcher.pid;
      if (!pid) throw new Error('the launcher has no pid');
      process.kill(-pid, 'SIGINT');
      const code = await Promise.race([
        exited,
        new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 30_000)),
      ]);
      expect(code, output).toBe(0);

      // The API drained and closed its pool before PostgreSQL stopped: one orderly shutdown each.
      expect(output.match(/"message":"shutting down"/g), output).toHaveLength(1);
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
      await expect.poll(() => processesOf(dataDir), { timeout: 10_000, interval: 250 }).toEqual([]);
      expect(await answers(`http://127.0.0.1:${apiPort}/health/live`)).toBe(false);
      expect(await answers(`http://127.0.0.1:${webPort}/`)).toBe(false);
    } finally {
      for (const pid of await processesOf(dataDir)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
