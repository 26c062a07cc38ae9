import type { z } from 'zod';
import type {
  contactBody,
  contactResponse,
  gapsSchema,
  offersBody,
  offersResponse,
  reportSchema,
  rotaBody,
  rotaSchema,
  settingsBody,
  settingsSchema,
  slipBody,
} from '../../server/modules/clearing/clearing.schemas.ts';
import { api } from './client.ts';

export {
  clearingAgeGroups,
  clearingGenders,
  clearingLabels,
  clearingLanguages,
  clearingReferrals,
  clearingRegions,
  clearingResidenceCategories,
  clearingTopics,
  clearingWaysIn,
  dimensionLabels,
  rotaWeekdays,
  welcomePackageItems,
} from '../../server/modules/clearing/clearing.values.ts';

/**
 * The clearing office (R-CLR-1..4, R-REF-2, R-STAT-1): contacts, settings, rota, the half-year
 * report and offers near home. Every shape is the server's schema
 * (`modules/clearing/clearing.schemas.ts`).
 */

export type ContactInput = z.input<typeof contactBody>;
export type ContactAnswer = z.infer<typeof contactResponse>;
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsBody>;
export type Rota = z.infer<typeof rotaSchema>;
export type RotaInput = z.input<typeof rotaBody>;
export type Report = z.infer<typeof reportSchema>;
export type OffersInput = z.input<typeof offersBody>;
export type Offers = z.infer<typeof offersResponse>;
export type ClearingSlipInput = z.input<typeof slipBody>;
export type Gaps = z.infer<typeof gapsSchema>;

const query = (year: number, half: number) => `year=${year}&half=${half}`;

export const clearingApi = {
  record: (body: ContactInput) => api.post<ContactAnswer>('/api/clearing/contacts', body),
  settings: (signal?: AbortSignal) => api.get<Settings>('/api/clearing/settings', { signal }),
  saveSettings: (body: SettingsInput) => api.put<Settings>('/api/clearing/settings', body),
  rota: (signal?: AbortSignal) => api.get<Rota>('/api/clearing/rota', { signal }),
  saveRota: (body: RotaInput) => api.put<Rota>('/api/clearing/rota', body),
  report: (year: number, half: number, signal?: AbortSignal) =>
    api.get<Report>('/api/clearing/report', { query: { year, half }, signal }),
  reportCsvUrl: (year: number, half: number) => `/api/clearing/report.csv?${query(year, half)}`,
  reportPdfUrl: (year: number, half: number) => `/api/clearing/report.pdf?${query(year, half)}`,
  offers: (body: OffersInput) => api.post<Offers>('/api/clearing/offers', body),
  slip: (body: ClearingSlipInput) => api.postDocument('/api/clearing/slip.pdf', body),
  gaps: (months: number, signal?: AbortSignal) =>
    api.get<Gaps>('/api/clearing/gaps', { query: { months }, signal }),
};
