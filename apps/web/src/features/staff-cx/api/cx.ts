import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CxCollectionBody, CxDueItemBody, Page, ReviewCommentBody, ServiceBody } from '@yardstick/contracts';
import { apiGet, apiPost, apiPut } from '@/lib/api-client';

export const useCxCollections = () =>
  useQuery({ queryKey: ['cx', 'collections'], queryFn: () => apiGet<CxCollectionBody[]>('/v1/cx-collections') });

export const useCxDue = () =>
  useQuery({ queryKey: ['cx', 'due'], queryFn: () => apiGet<CxDueItemBody[]>('/v1/cx-collections/due') });

export const useCxAwaiting = (enabled: boolean) =>
  useQuery({
    queryKey: ['cx', 'review'],
    queryFn: () => apiGet<CxCollectionBody[]>('/v1/reviews/cx-collections'),
    enabled,
  });

/** The HISP services the caller can see, for the upload form. */
export const useHispServices = () =>
  useQuery({
    queryKey: ['cx', 'services'],
    queryFn: async () =>
      (await apiGet<Page<ServiceBody>>('/v1/services', { query: { pageSize: 100, sort: 'name' } })).items.filter(
        (s) => s.hisp,
      ),
  });

const useCxMutation = <V, R>(fn: (variables: V) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all(
        ['cx', 'comments', 'results', 'reviews'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      ),
  });
};

export const useSubmitCx = () =>
  useCxMutation((id: string) => apiPost<CxCollectionBody>(`/v1/cx-collections/${id}/submit`));
export const usePublishCx = () =>
  useCxMutation((id: string) => apiPost<CxCollectionBody>(`/v1/cx-collections/${id}/publish`));
export const useReturnCx = () =>
  useCxMutation(({ id, comment }: { id: string; comment: string }) =>
    apiPost<ReviewCommentBody>(`/v1/reviews/cx-collections/${id}/return`, { comment }),
  );
export const useInvalidateCx = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['cx'] });
};

export const STATUS_WORDS: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted, awaiting publication',
  published: 'Published',
  returned: 'Returned to the officer',
  not_reported: 'Not reported',
};

/** Trust, share positive, in words: "76.2% of 41 (95%: 61.0% to 86.1%)". */
export const describeTrust = (collection: CxCollectionBody): string => {
  const trust = collection.scores.questions.find((q) => q.question === 'trust');
  if (!trust) return 'no trust answers';
  if (trust.percentPositive === null) return trust.mean !== null ? `average ${trust.mean.toFixed(2)}` : 'no answers';
  return `${trust.percentPositive.toFixed(1)}% of ${trust.respondents ?? 0} (95%: ${trust.lower!.toFixed(1)}% to ${trust.upper!.toFixed(1)}%)${trust.smallSample ? ', small sample' : ''}`;
};

export type StandardQuestionBody = { standardId: string; question: string | null };

/** The A-11 question a survey-based standard is measured by (null: none). */
export const useStandardQuestion = (standardId: string) =>
  useQuery({
    queryKey: ['cx', 'standard-question', standardId],
    queryFn: () => apiGet<StandardQuestionBody>(`/v1/cx-collections/standard-questions/${standardId}`),
  });

export const useLinkStandardQuestion = (standardId: string) =>
  useCxMutation((question: string | null) =>
    apiPut<StandardQuestionBody>(`/v1/cx-collections/standard-questions/${standardId}`, { question }),
  );
