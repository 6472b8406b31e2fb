import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmployeeFeedbackBody, Page, PlanBody, PlanPartBody, PlanPart } from '@yardstick/contracts';
import { apiGet, apiPatch, apiPost } from '@/lib/api-client';

// Customer Service Plans and front-line employee feedback, as the staff app reads and writes them.

export type PlanInput = {
  summary: string;
  parts: Record<PlanPart, PlanPartBody>;
  standardIds: string[];
  staffNote: string | null;
};

export const planKeys = {
  plans: ['plans'] as const,
  plan: (id: string) => ['plans', id] as const,
  feedback: ['employee-feedback'] as const,
};

export const usePlans = () =>
  useQuery({
    queryKey: planKeys.plans,
    queryFn: () => apiGet<Page<PlanBody>>('/v1/plans', { query: { pageSize: 100, sort: 'fiscalYear', order: 'desc' } }),
  });

export const usePlan = (id: string) =>
  useQuery({ queryKey: planKeys.plan(id), queryFn: () => apiGet<PlanBody>(`/v1/plans/${id}`) });

const useInvalidating = <A>(mutationFn: (args: A) => Promise<PlanBody>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.plans }) });
};

export const useCreatePlan = () =>
  useInvalidating((body: PlanInput & { agencyId: string; fiscalYear: number }) => apiPost<PlanBody>('/v1/plans', body));

export const useUpdatePlan = () =>
  useInvalidating(({ id, ...body }: PlanInput & { id: string }) => apiPatch<PlanBody>(`/v1/plans/${id}`, body));

export const usePlanStep = () =>
  useInvalidating(({ id, step }: { id: string; step: 'submit' | 'publish' }) =>
    apiPost<PlanBody>(`/v1/plans/${id}/${step}`, {}),
  );

export const useEmployeeFeedback = () =>
  useQuery({
    queryKey: planKeys.feedback,
    queryFn: () => apiGet<Page<EmployeeFeedbackBody>>('/v1/employee-feedback', { query: { pageSize: 100 } }),
  });

export type EmployeeFeedbackInput = Pick<
  EmployeeFeedbackBody,
  | 'serviceId'
  | 'periodKey'
  | 'employeesSurveyed'
  | 'employeesResponding'
  | 'barriers'
  | 'ideas'
  | 'summary'
  | 'staffNote'
>;

const useFeedbackMutation = <A>(mutationFn: (args: A) => Promise<EmployeeFeedbackBody>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.feedback }) });
};

export const useCreateEmployeeFeedback = () =>
  useFeedbackMutation((body: EmployeeFeedbackInput) => apiPost<EmployeeFeedbackBody>('/v1/employee-feedback', body));

/** Saving a change takes a published summary back to staff only, until an approver publishes it again. */
export const useUpdateEmployeeFeedback = () =>
  useFeedbackMutation(({ id, serviceId: _s, ...body }: EmployeeFeedbackInput & { id: string }) =>
    apiPatch<EmployeeFeedbackBody>(`/v1/employee-feedback/${id}`, body),
  );

export const useEmployeeFeedbackStep = () =>
  useFeedbackMutation(({ id, step }: { id: string; step: 'publish' | 'withdraw' }) =>
    apiPost<EmployeeFeedbackBody>(`/v1/employee-feedback/${id}/${step}`, {}),
  );
