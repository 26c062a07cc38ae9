import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { ContactInput } from '../../api/clearing.ts';
import { enqueue, flushQueue, readQueue, type QueueStorage } from './contactQueue.ts';

function memory(): QueueStorage {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

const contact = (id: string): ContactInput => ({
  id,
  ageGroup: '27_44',
  gender: 'female',
  region: 'asia',
  language: 'fa',
  residence: 'protection',
  topics: ['counselling_offer'],
  wayIn: 'abh',
  welcomePackage: false,
});

const offline = () => new ApiError({ title: 'x', status: 0, detail: 'x', code: 'network_error' });

describe('offline queue of clearing contacts', () => {
  it('R-CLR-1: a contact entered while offline waits and is sent once when the connection returns', async () => {
    const storage = memory();
    enqueue(storage, contact('a'));
    enqueue(storage, contact('b'));
    enqueue(storage, contact('a'));
    expect(readQueue(storage).map((c) => c.id)).toEqual(['b', 'a']);

    const attempts: string[] = [];
    const down = await flushQueue(storage, (c) => {
      attempts.push(c.id);
      return Promise.reject(offline());
    });
    expect(down).toEqual({ sent: 0, refused: 0, waiting: 2 });

    const up = await flushQueue(storage, (c) => {
      attempts.push(c.id);
      return Promise.resolve(c);
    });
    expect(up).toEqual({ sent: 2, refused: 0, waiting: 0 });
    expect(attempts).toEqual(['b', 'b', 'a']);
    expect(readQueue(storage)).toEqual([]);
  });

  it('R-CLR-1: a contact the server refuses leaves the queue instead of blocking it', async () => {
    const storage = memory();
    enqueue(storage, contact('a'));
    enqueue(storage, contact('b'));
    const refused = new ApiError({ title: 'x', status: 400, detail: 'x', code: 'validation_failed' });
    const result = await flushQueue(storage, (c) =>
      c.id === 'a' ? Promise.reject(refused) : Promise.resolve(c),
    );
    expect(result).toEqual({ sent: 1, refused: 1, waiting: 0 });
  });
});
