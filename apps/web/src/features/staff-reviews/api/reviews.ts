import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CertificationReport,
  PlanBody,
  PlanReviewBody,
  ResultReviewBody,
  ReviewCommentBody,
  StandardBody,
  StandardReviewBody,
} from '@yardstick/contracts';
import { apiGet, apiPost } from '@/lib/api-client';

export const useStandardsInReview = (enabled: boolean) =>
  useQuery({
    queryKey: ['reviews', 'standards'],
    queryFn: () => apiGet<StandardReviewBody[]>('/v1/reviews/standards'),
    enabled,
  });

export const useResultsAwaiting = (enabled: boolean) =>
  useQuery({
    queryKey: ['reviews', 'results'],
    queryFn: () => apiGet<ResultReviewBody[]>('/v1/reviews/results'),
    enabled,
  });

const useReviewMutation = <V, R>(fn: (variables: V) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all(
        ['reviews', 'standards', 'standard', 'results', 'portfolio', 'comments', 'plans'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
};

export const usePublish = () => useReviewMutation((id: string) => apiPost<StandardBody>(`/v1/standards/${id}/publish`));

export const useReturnStandard = () =>
  useReviewMutation(({ id, comment }: { id: string; comment: string }) =>
    apiPost<StandardBody>(`/v1/reviews/standards/${id}/return`, { comment }),
  );

export const useCertify = () =>
  useReviewMutation((ids: string[]) => apiPost<CertificationReport>('/v1/results/certify', { ids }));

export const useReturnResult = () =>
  useReviewMutation(({ id, comment }: { id: string; comment: string }) =>
    apiPost<ReviewCommentBody>(`/v1/reviews/results/${id}/return`, { comment }),
  );

export const usePlansInReview = (enabled: boolean) =>
  useQuery({
    queryKey: ['reviews', 'plans'],
    queryFn: () => apiGet<PlanReviewBody[]>('/v1/reviews/plans'),
    enabled,
  });

export const usePublishPlan = () => useReviewMutation((id: string) => apiPost<PlanBody>(`/v1/plans/${id}/publish`, {}));

export const useReturnPlan = () =>
  useReviewMutation(({ id, comment }: { id: string; comment: string }) =>
    apiPost<PlanBody>(`/v1/reviews/plans/${id}/return`, { comment }),
  );
