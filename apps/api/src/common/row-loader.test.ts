import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { RowLoader } from './listing';

describe('RowLoader', () => {
  const make = (batches: string[][]) =>
    new RowLoader<{ id: string }>(async (ids) => {
      batches.push([...ids]);
      return ids.map((id) => (id === 'missing' ? null : { id }));
    });

  it('answers at once for rows primed by a join, misses included, without a batch', () => {
    const batches: string[][] = [];
    const loader = make(batches);
    loader.prime('a', { id: 'a' });
    loader.prime('hidden', null);
    expect(loader.get('a')).toEqual({ id: 'a' });
    expect(loader.get('hidden')).toBeNull();
    expect(batches).toEqual([]);
  });

  it('reads the others in one batch, as a promise', async () => {
    const batches: string[][] = [];
    const loader = make(batches);
    const [b, missing] = [loader.get('b'), loader.get('missing')];
    expect(b).toBeInstanceOf(Promise);
    expect(await b).toEqual({ id: 'b' });
    expect(await missing).toBeNull();
    expect(batches).toEqual([['b', 'missing']]);
  });

  it('keeps the first value primed, as DataLoader does, and forgets on clear', async () => {
    const batches: string[][] = [];
    const loader = make(batches);
    loader.prime('a', { id: 'a' });
    loader.prime('a', { id: 'other' });
    expect(loader.get('a')).toEqual({ id: 'a' });
    expect(await loader.load('a')).toEqual({ id: 'a' });
    loader.clear('a');
    expect(await loader.get('a')).toEqual({ id: 'a' });
    expect(batches).toEqual([['a']]);
    loader.prime('c', { id: 'c' });
    loader.clearAll();
    expect(loader.get('c')).toBeInstanceOf(Promise);
  });

  it('answers load and loadMany for primed rows without a batch, and batches only the others', async () => {
    const batches: string[][] = [];
    const loader = make(batches);
    loader.prime('a', { id: 'a' });
    loader.prime('hidden', null);
    expect(await loader.load('a')).toEqual({ id: 'a' });
    expect(await loader.loadMany(['a', 'hidden', 'b'])).toEqual([{ id: 'a' }, null, { id: 'b' }]);
    expect(batches).toEqual([['b']]);
  });
});
