import type { z } from 'zod';
import type {
  countriesResponse,
  publicLanguagesResponse,
  scheduleBody,
} from '../../server/modules/directory/directory.schemas.ts';
import { api } from './client.ts';
import type { Flyer, HostedHours, Overview, Page, Schedule } from './types.ts';

const office = (id: string) => `/api/offices/${encodeURIComponent(id)}`;

/** The whole weekly schedule as sent: replaced at once. */
export type ScheduleInput = z.input<typeof scheduleBody>;

/** Hours, the partner overview and flyers of the directory (R-DIR-1, R-DIR-3, R-DIR-5). */
export const directoryApi = {
  schedule: (officeId: string, signal?: AbortSignal) =>
    api.get<Schedule>(`${office(officeId)}/schedule`, { signal }),
  saveSchedule: (officeId: string, body: ScheduleInput) =>
    api.put<Schedule>(`${office(officeId)}/schedule`, body),
  overview: (signal?: AbortSignal) => api.get<Overview>('/api/directory/overview', { signal }),
  /** Counselling hours held in a partner organisation's premises, this week and next. */
  hostedHours: (organisationId: string, signal?: AbortSignal) =>
    api.get<HostedHours>(`/api/organisations/${encodeURIComponent(organisationId)}/hosted-hours`, { signal }),
  /** The printable overview; opened by the browser, not fetched. */
  overviewPdfUrl: '/api/directory/overview.pdf',
  flyers: (officeId: string, signal?: AbortSignal) =>
    api.get<Page<Flyer>>(`${office(officeId)}/flyers`, { signal }),
  allFlyers: (signal?: AbortSignal) => api.get<Page<Flyer>>('/api/flyers', { signal }),
  createFlyer: (officeId: string, title: string) => api.post<Flyer>(`${office(officeId)}/flyers`, { title }),
  uploadFlyerFile: (flyerId: string, language: string, file: File) => {
    const form = new FormData();
    form.set('language', language);
    form.set('file', file);
    return api.postForm<Flyer>(`/api/flyers/${encodeURIComponent(flyerId)}/files`, form);
  },
  removeFlyer: (flyerId: string, version: number) =>
    api.delete(`/api/flyers/${encodeURIComponent(flyerId)}`, { query: { version } }),
  languages: (signal?: AbortSignal) =>
    api.get<z.infer<typeof publicLanguagesResponse>>('/api/meta/languages', { signal }),
  countries: (signal?: AbortSignal) =>
    api.get<z.infer<typeof countriesResponse>>('/api/meta/countries', { signal }),
};
