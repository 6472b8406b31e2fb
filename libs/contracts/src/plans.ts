// Customer Service Plans (EO 13571 Sec. 2-3), front-line employee feedback (EO 12862 e), and each service's
// channels and complaint routes (EO 12862 f-h).
import type { Channel, VersionStatus } from './domain.js';
import type { PublicAgencyRef, PublicBenchmark, PublicServiceRef, PublicStandardSummary } from './public.js';

/** The six parts of a plan, in the order of EO 13571 Sec. 2 (a) to (f). */
export const PLAN_PARTS = [
  'signature_initiative',
  'customer_feedback',
  'service_standards',
  'best_practices',
  'streamlining',
  'technologies',
] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];

export const PLAN_PART_LABELS: Record<PlanPart, string> = {
  signature_initiative: '(a) Our signature initiative, using technology to improve the customer experience',
  customer_feedback: '(b) How we collect and use your feedback',
  service_standards: '(c) Our customer service standards',
  best_practices: '(d) Best practices and coordination across channels',
  streamlining: '(e) Making our processes simpler',
  technologies: '(f) New technologies we are using',
};

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const PLAN_STATUSES = ['draft', 'in_review', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export type MilestoneBody = { title: string; dueDate: string; status: MilestoneStatus };
export type PlanPartBody = { approach: string; benefits: string; milestones: MilestoneBody[] };
export type PlanParts = Record<PlanPart, PlanPartBody>;

export type PlanVersionBody = {
  id: string;
  version: number;
  status: VersionStatus;
  /** The plan in a few sentences, for the public. */
  summary: string;
  parts: PlanParts;
  /** Part (c): the agency's standards the plan names (shown live with their latest status). */
  standardIds: string[];
  /** EO 12862 Sec. 3: benchmarks used, from the linked standards' benchmarks. */
  benchmarkIds: string[];
  /** Part (b): the agency's customer feedback collections, where they exist (may stay empty). */
  feedbackCollectionIds: string[];
  /** Front-line employee feedback the plan draws on. */
  employeeFeedbackIds: string[];
  /** For staff only; never public. */
  staffNote: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type PlanBody = {
  id: string;
  agencyId: string;
  fiscalYear: number;
  status: PlanStatus;
  /** The published version, or the first draft. */
  current: PlanVersionBody;
  /** A draft or in-review version waiting to replace the published one. */
  pending: PlanVersionBody | null;
  createdAt: string;
  updatedAt: string;
};

export type PlanReviewBody = { plan: PlanBody; version: PlanVersionBody; published: PlanVersionBody | null };

export type ThemeCount = { theme: string; count: number };

export type EmployeeFeedbackBody = {
  id: string;
  agencyId: string;
  serviceId: string;
  /** A fiscal quarter (FY2026-Q2) or year (FY2026). */
  periodKey: string;
  employeesSurveyed: number;
  employeesResponding: number;
  barriers: ThemeCount[];
  ideas: ThemeCount[];
  summary: string;
  staffNote: string | null;
  /** Set when an approver publishes its summary; null: staff only. */
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ServiceChannelDetail = {
  channel: Channel;
  /** When it is open, in plain words: "Monday to Friday, 8 a.m. to 8 p.m. Eastern". */
  hours: string;
  /** How to reach it: an address, a phone number, a URL. */
  howToReach: string;
};

export type ComplaintRoute = {
  url: string | null;
  phone: string | null;
  address: string | null;
  /** How many working days to an answer. */
  responseDays: number | null;
  /** How to appeal a decision, in plain words. */
  appeal: string | null;
};

export const MILESTONE_STATE_LABELS = {
  done: 'Done',
  late: 'Late',
  on_track: 'On track',
  dropped: 'Dropped',
} as const;

export type PublicMilestone = MilestoneBody & { state: keyof typeof MILESTONE_STATE_LABELS };
export type PublicPlanPart = {
  key: PlanPart;
  label: string;
  approach: string;
  benefits: string;
  milestones: PublicMilestone[];
};
export type PublicEmployeeFeedback = {
  service: PublicServiceRef;
  periodKey: string;
  periodLabel: string;
  employeesSurveyed: number;
  employeesResponding: number;
  barriers: ThemeCount[];
  ideas: ThemeCount[];
  summary: string;
};
export type PublicPlan = {
  agency: PublicAgencyRef;
  fiscalYear: number;
  version: number;
  publishedAt: string | null;
  summary: string;
  parts: PublicPlanPart[];
  lateMilestones: number;
  standards: PublicStandardSummary[];
  benchmarks: PublicBenchmark[];
  /** Part (b): the published customer feedback collections the plan names, each with its service's page. */
  feedbackCollections: { id: string; title: string; serviceSlug: string }[];
  employeeFeedback: PublicEmployeeFeedback[];
  versions: { version: number; summary: string; publishedAt: string | null; current: boolean }[];
  /** The other fiscal years with a published plan, newest first. */
  otherYears: number[];
};
