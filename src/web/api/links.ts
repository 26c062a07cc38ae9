import type { z } from 'zod';
import type {
  answerBody,
  answeredSchema,
  emailLinkBody,
  letterBody,
  letterOpenBody,
  linkListSchema,
  linkSchema,
  readingSchema,
} from '../../server/modules/links/links.schemas.ts';
import { api } from './client.ts';

export {
  answerPath,
  codeLength,
  defaultLinkDays,
  linkStatuses,
  longestLinkDays,
} from '../../server/modules/links/links.values.ts';
export type { LinkChannel, LinkStatus } from '../../server/modules/links/links.values.ts';

/**
 * Partners off the platform (R-REF-5): the counselling side sends a thread as a one-time link
 * by e-mail or as a letter with a code; the recipient reads it once on the answer page and
 * answers once. Every shape is the server's schema (`modules/links/links.schemas.ts`).
 */
export type Link = z.infer<typeof linkSchema>;
export type EmailLinkInput = z.input<typeof emailLinkBody>;
export type LetterInput = z.input<typeof letterBody>;
export type LetterOpenInput = z.input<typeof letterOpenBody>;
export type AnswerInput = z.input<typeof answerBody>;
export type Reading = z.infer<typeof readingSchema>;

const enc = encodeURIComponent;

export const linksApi = {
  ofThread: (threadId: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof linkListSchema>>(`/api/threads/${enc(threadId)}/links`, { signal }),
  email: (threadId: string, body: EmailLinkInput) =>
    api.post<Link>(`/api/threads/${enc(threadId)}/links`, body),
  letter: (threadId: string, body: LetterInput) =>
    api.postDocument(`/api/threads/${enc(threadId)}/letter.pdf`, body),
  revoke: (id: string) => api.post<Link>(`/api/links/${enc(id)}/revoke`),

  open: (token: string) => api.post<Reading>('/api/public/links/open', { token }),
  openLetter: (body: LetterOpenInput) => api.post<Reading>('/api/public/links/letter', body),
  current: (signal?: AbortSignal) => api.get<Reading>('/api/public/links/current', { signal }),
  answer: (body: AnswerInput) => api.post<z.infer<typeof answeredSchema>>('/api/public/links/answer', body),
};
