import type { z } from 'zod';
import type {
  counsellingStatisticsResponse,
  evaluationQuery,
  evaluationResponse,
  partnersResponse,
  publishedCellSchema,
  statisticsQuery,
} from '../../server/modules/statistics/statistics.schemas.ts';
import { api, withQuery } from './client.ts';

export { statisticsScopes } from '../../server/modules/statistics/statistics.values.ts';
export type { StatisticsScope } from '../../server/modules/statistics/statistics.values.ts';

/**
 * Counselling statistics and evaluations (R-STAT-2, R-STAT-3, R-STAT-5). Every shape is the
 * server's schema (`modules/statistics/statistics.schemas.ts`); each count is a published cell.
 */

export type PublishedCell = z.infer<typeof publishedCellSchema>;
export type CounsellingStatistics = z.infer<typeof counsellingStatisticsResponse>;
export type StatisticsTable = CounsellingStatistics['tables'][number];
export type StatisticsQuery = z.input<typeof statisticsQuery>;
export type Evaluation = z.infer<typeof evaluationResponse>;
export type EvaluationSection = Evaluation['sections'][number];
export type EvaluationQuery = z.input<typeof evaluationQuery>;
export type Partners = z.infer<typeof partnersResponse>;

const enc = encodeURIComponent;

export const statisticsApi = {
  counselling: (query: StatisticsQuery, signal?: AbortSignal) =>
    api.get<CounsellingStatistics>('/api/statistics/counselling', { query, signal }),
  counsellingUrl: (format: 'csv' | 'pdf', query: StatisticsQuery & { lang: 'de' | 'en' }) =>
    withQuery(`/api/statistics/counselling.${format}`, query),
  partners: (signal?: AbortSignal) => api.get<Partners>('/api/statistics/partners', { signal }),
  evaluation: (partnerId: string, query: EvaluationQuery, signal?: AbortSignal) =>
    api.get<Evaluation>(`/api/statistics/evaluations/${enc(partnerId)}`, { query, signal }),
  evaluationUrl: (partnerId: string, format: 'csv' | 'pdf', query: EvaluationQuery & { lang: 'de' | 'en' }) =>
    withQuery(`/api/statistics/evaluations/${enc(partnerId)}/evaluation.${format}`, query),
};
