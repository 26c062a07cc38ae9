import type { ContactInput } from '../../api/clearing.ts';
import { ApiError } from '../../api/client.ts';

/**
 * Contacts that could not be sent (the connection dropped) wait in this browser's storage and
 * go out when it returns (R-CLR-1). Each keeps the id the browser gave it before the first
 * attempt, so a contact that did arrive but whose answer was lost is not counted twice: the
 * server answers the same id with its first recording. A queued contact holds codes only.
 */

export const queueKey = 'koop.clearing.queue';

export interface QueueStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
}

export function readQueue(storage: QueueStorage): ContactInput[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(queueKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as ContactInput[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(storage: QueueStorage, queue: readonly ContactInput[]): void {
  storage.setItem(queueKey, JSON.stringify(queue));
}

export function enqueue(storage: QueueStorage, contact: ContactInput): void {
  const queue = readQueue(storage).filter((c) => c.id !== contact.id);
  writeQueue(storage, [...queue, contact]);
}

/** Whether a failure means "try again later": no answer at all, or the server unavailable. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504)
  );
}

/**
 * Sends the waiting contacts in order. A contact leaves the queue once the server answered it
 * (recorded or refused); on a transient failure the rest wait for the next attempt.
 * Returns how many were sent and how many the server refused.
 */
export async function flushQueue(
  storage: QueueStorage,
  send: (contact: ContactInput) => Promise<unknown>,
): Promise<{ sent: number; refused: number; waiting: number }> {
  let sent = 0;
  let refused = 0;
  for (const contact of readQueue(storage)) {
    try {
      await send(contact);
      sent += 1;
    } catch (error) {
      if (isTransient(error)) break;
      refused += 1;
    }
    writeQueue(
      storage,
      readQueue(storage).filter((c) => c.id !== contact.id),
    );
  }
  return { sent, refused, waiting: readQueue(storage).length };
}
