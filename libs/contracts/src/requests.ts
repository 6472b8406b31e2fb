// What clients send: the body or query of each request. The API's DTOs implement these (and validate them).
import type { ActorType } from './accounts.js';
import type { Permission, Role } from './auth.js';
import type { CxSurveyType, CxTransactionPoint } from './cx.js';
import type { Channel, Dimension, Direction, GoalKind, ResultChannel, StandardStatus, Unit } from './domain.js';
import type { ImportMode } from './imports.js';
import type { StandardVersionBody } from './registry.js';
import type { NotificationDelivery, NotificationKind, NotificationStatus } from './notifications.js';
import type { SortOrder } from './pagination.js';
import type { MilestoneStatus, PlanPart, PlanStatus } from './plans.js';

/** `?page=2&pageSize=50&order=desc`; each list adds its filters and its `sort`. */
export type PageQuery = { page?: number; pageSize?: number; order?: SortOrder };

export type CreateAgencyRequest = {
  name: string;
  abbreviation: string;
  slug: string;
  parentId?: string | null;
  websiteUrl?: string | null;
  /** 1-12; may be left out (October), never null. */
  fiscalYearStartMonth?: number;
  bureauCode?: string | null;
  programCodes?: string[];
  contactEmail?: string | null;
};
export type UpdateAgencyRequest = Partial<CreateAgencyRequest>;
export type ListAgenciesQuery = PageQuery & {
  parentId?: string;
  q?: string;
  sort?: 'name' | 'abbreviation' | 'createdAt';
};

export type ChannelDetailRequest = { channel: Channel; hours: string; howToReach: string };
export type ComplaintRouteRequest = {
  url?: string | null;
  phone?: string | null;
  address?: string | null;
  responseDays?: number | null;
  appeal?: string | null;
};
export type CreateServiceRequest = {
  agencyId: string;
  name: string;
  slug: string;
  description?: string | null;
  customers?: string | null;
  channels?: Channel[];
  hisp?: boolean;
  publicUrl?: string | null;
  channelDetails?: ChannelDetailRequest[];
  complaints?: ComplaintRouteRequest | null;
};
export type UpdateServiceRequest = Partial<CreateServiceRequest>;
export type ListServicesQuery = PageQuery & {
  agencyId?: string;
  hisp?: boolean;
  channel?: Channel;
  q?: string;
  sort?: 'name' | 'createdAt';
};

export type CreateGoalRequest = {
  agencyId: string;
  kind: GoalKind;
  code: string;
  title: string;
  description?: string | null;
  parentId?: string | null;
};
/** A goal stays with its agency. */
export type UpdateGoalRequest = Partial<Omit<CreateGoalRequest, 'agencyId'>>;
export type ListGoalsQuery = PageQuery & { agencyId?: string; kind?: GoalKind; sort?: 'code' | 'title' };

export type ValueRangeRequest = { min: number | null; max: number | null };
/** What a standard promises and how it is measured: the content of a version (as the version reads it back). */
export type StandardContentRequest = Pick<StandardVersionBody, StandardMeasureField> &
  Partial<
    Pick<
      StandardVersionBody,
      | 'thresholdValue'
      | 'thresholdUnit'
      | 'channelScope'
      | 'nearTolerance'
      | 'resultRounding'
      | 'valueRange'
      | 'indicatorKind'
      | 'goalId'
      | 'transactionMeasure'
    >
  >;
/** The fields every standard has to state. */
export type StandardMeasureField =
  'title' | 'statement' | 'dimension' | 'measureDescription' | 'unit' | 'computation' | 'direction' | 'frequency';
export type CreateStandardRequest = StandardContentRequest & {
  serviceId: string;
  code: string;
  benchmarkIds?: string[];
};
export type UpdateStandardRequest = Partial<StandardContentRequest>;
export type ListStandardsQuery = PageQuery & {
  agencyId?: string;
  serviceId?: string;
  dimension?: Dimension;
  status?: StandardStatus;
  fiscalYear?: number;
  q?: string;
  sort?: 'code' | 'title' | 'createdAt' | 'updatedAt';
};
export type TargetRequest = {
  fiscalYear: number;
  quarter?: number | null;
  value?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
  unit: Unit;
  baseline?: number | null;
  note?: string | null;
};
export type LinkBenchmarkRequest = { benchmarkId: string };

export type CreateBenchmarkRequest = {
  name: string;
  description?: string | null;
  sourceOrganization: string;
  sourceUrl?: string | null;
  year: number;
  value: number;
  unit: Unit;
};
export type UpdateBenchmarkRequest = Partial<CreateBenchmarkRequest>;
export type ListBenchmarksQuery = PageQuery & { unit?: Unit; year?: number; q?: string; sort?: 'name' | 'year' };

export type CreateResultRequest = {
  standardId: string;
  period: string;
  channel?: ResultChannel;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  sampleSize?: number | null;
  source?: string | null;
  dataQualityNote?: string | null;
};
export type UpdateResultRequest = Partial<
  Pick<CreateResultRequest, 'value' | 'numerator' | 'denominator' | 'sampleSize' | 'source' | 'dataQualityNote'>
>;
export type ListResultsQuery = PageQuery & {
  standardId?: string;
  agencyId?: string;
  fiscalYear?: number;
  channel?: ResultChannel;
  certified?: boolean;
  sort?: 'periodStart' | 'createdAt';
};
export type ExplanationRequest = { why: string; action: string };
export type CertifyResultsRequest = { ids?: string[]; standardId?: string; agencyId?: string; period?: string };

export type MilestoneRequest = { title: string; dueDate: string; status: MilestoneStatus };
export type PlanPartRequest = { approach?: string; benefits?: string; milestones?: MilestoneRequest[] };
export type PlanPartsRequest = Partial<Record<PlanPart, PlanPartRequest>>;
export type PlanContentRequest = {
  summary?: string;
  parts?: PlanPartsRequest;
  standardIds?: string[];
  benchmarkIds?: string[];
  feedbackCollectionIds?: string[];
  employeeFeedbackIds?: string[];
  staffNote?: string | null;
};
export type CreatePlanRequest = PlanContentRequest & { agencyId: string; fiscalYear: number };
export type UpdatePlanRequest = PlanContentRequest;
export type ListPlansQuery = PageQuery & {
  agencyId?: string;
  fiscalYear?: number;
  status?: PlanStatus;
  sort?: 'fiscalYear' | 'updatedAt';
};

export type ThemeCountRequest = { theme: string; count: number };
export type CreateEmployeeFeedbackRequest = {
  serviceId: string;
  periodKey: string;
  employeesSurveyed: number;
  employeesResponding: number;
  barriers?: ThemeCountRequest[];
  ideas?: ThemeCountRequest[];
  summary?: string;
  staffNote?: string | null;
};
export type UpdateEmployeeFeedbackRequest = Partial<CreateEmployeeFeedbackRequest>;
export type ListEmployeeFeedbackQuery = PageQuery & { agencyId?: string; serviceId?: string };

export type CreateCxCollectionRequest = {
  serviceId: string;
  fiscalYear: number;
  quarter: number;
  notRandomSample?: boolean;
  surveyMethod?: string;
};
export type UpdateCxCollectionRequest = Partial<Pick<CreateCxCollectionRequest, 'notRandomSample' | 'surveyMethod'>>;
export type PutCxDetailRequest = {
  channel: Channel;
  transactionPoint?: CxTransactionPoint;
  surveyType: CxSurveyType;
  trustQuestion?: string;
  ombControlNumber?: string;
  customersServed?: number;
  surveysOffered?: number;
  respondents?: number;
};
export type ListCxCollectionsQuery = { agencyId?: string; serviceId?: string; fiscalYear?: number };
export type CxDueQuery = { agencyId?: string };
export type LinkCxStandardRequest = { question: string | null };

export type PortfolioQuery = {
  fiscalYear?: number;
  quarter?: number;
  agencyId?: string;
  serviceId?: string;
  dimension?: Dimension;
};
export type DueQuery = { agencyId?: string; standardId?: string };

export type ReturnRequest = { comment: string };
export type ReviewQueueQuery = { agencyId?: string };
export type ReviewCommentsQuery = { entityType: 'standard' | 'result' | 'plan' | 'cx_collection'; entityId: string };

export type NotificationSettingsRequest = Partial<Record<NotificationKind, NotificationDelivery>>;
export type NotificationKindsRequest = Partial<Record<NotificationKind, boolean>>;
export type OutboxQuery = { status?: NotificationStatus; limit?: number };

export type LoginRequest = { email: string; password: string };
export type CreateTokenRequest = {
  name: string;
  kind: 'personal' | 'machine';
  agencyId?: string;
  permissions?: Permission[];
  /** ISO 8601. */
  expiresAt?: Date | string;
};
export type RoleAssignmentRequest = { role: Role; agencyId: string | null };
export type CreateUserRequest = { email: string; name: string; password?: string; roles: RoleAssignmentRequest[] };
export type UpdateUserRequest = { name?: string; active?: boolean; password?: string; roles?: RoleAssignmentRequest[] };
export type ListUsersQuery = PageQuery & { q?: string };

export type ListAuditEventsQuery = PageQuery & {
  actorId?: string;
  actorType?: ActorType;
  action?: string;
  entityType?: string;
  entityId?: string;
  agencyId?: string;
  from?: string;
  to?: string;
  sort?: 'occurredAt';
};

/** The query of an upload (its body is the file). */
export type ImportQuery = {
  format: string;
  mode: ImportMode;
  batchId?: string;
  agency?: string;
  blankDirection?: Direction;
  serviceId?: string;
  fiscalYear?: number;
  quarter?: number;
  channel?: string;
  surveyType?: string;
};
