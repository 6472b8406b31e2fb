import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AgencyBody, Page, PortfolioBody, ServiceBody, StandardTrendBody } from '@yardstick/contracts';
import { apiGet } from '@/lib/api-client';

export type PortfolioFilters = {
  fiscalYear: number;
  quarter: number | null;
  agencyId: string | null;
  serviceId: string | null;
  dimension: string | null;
};

export const usePortfolio = (filters: PortfolioFilters) =>
  useQuery({
    queryKey: ['portfolio', filters],
    queryFn: () =>
      apiGet<PortfolioBody>('/v1/portfolio', {
        query: {
          fiscalYear: filters.fiscalYear,
          quarter: filters.quarter,
          agencyId: filters.agencyId,
          serviceId: filters.serviceId,
          dimension: filters.dimension,
        },
      }),
    placeholderData: keepPreviousData,
  });

export const useTrend = (id: string) =>
  useQuery({
    queryKey: ['portfolio', 'trend', id],
    queryFn: () => apiGet<StandardTrendBody>(`/v1/portfolio/standards/${id}/trend`),
  });

export const usePortfolioAgencies = () =>
  useQuery({
    queryKey: ['agencies'],
    queryFn: () => apiGet<Page<AgencyBody>>('/v1/agencies', { query: { pageSize: 100, sort: 'name' } }),
  });

export const usePortfolioServices = (agencyId: string | null) =>
  useQuery({
    queryKey: ['services', agencyId ?? 'all'],
    queryFn: () => apiGet<Page<ServiceBody>>('/v1/services', { query: { pageSize: 100, sort: 'name', agencyId } }),
  });
