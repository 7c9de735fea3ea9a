import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_NODE_FLAGS } from '../src/node-flags';

const start: string = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).scripts.start;

describe('the heap settings the API runs with', () => {
  it('are the ones the start script passes to Node (and the benchmark to every server)', () => {
    const run = start.split('&&').at(-1)!.trim().split(/\s+/);
    const node = run.indexOf('node');
    expect(run.at(-1)).toBe('dist/main.js');
    expect(run.slice(node + 1, -1)).toEqual(API_NODE_FLAGS);
  });

  it('are the ones the API image runs with', () => {
    const dockerfile = readFileSync(join(__dirname, '..', '..', '..', 'Dockerfile'), 'utf8');
    const cmd: string[] = JSON.parse(/FROM source AS api[\s\S]*?\nCMD (\[.*\])/.exec(dockerfile)![1]);
    expect(cmd).toEqual(['node', ...API_NODE_FLAGS, 'dist/main.js']);
  });

  it('bound the old generation as they say', () => {
    const limitMb = execFileSync(
      process.execPath,
      [...API_NODE_FLAGS, '-p', 'Math.round(require("v8").getHeapStatistics().heap_size_limit / 2 ** 20)'],
      { encoding: 'utf8' },
    );
    const flag = (name: string) =>
      Number(API_NODE_FLAGS.find((f) => f.startsWith(`--${name}=`))!.split('=')[1]);
    const oldSpace = flag('max-old-space-size');
    // The limit is the old generation plus the young one (at most three semi-spaces' worth).
    expect(Number(limitMb)).toBeGreaterThan(oldSpace);
    expect(Number(limitMb)).toBeLessThanOrEqual(oldSpace + 3 * flag('max-semi-space-size'));
  });
});
