import {
  PLAN_PARTS,
  type Channel,
  type ComplaintRoute,
  type MilestoneBody,
  type PlanPart,
  type PlanParts,
  type ServiceChannelDetail,
  type ThemeCount,
} from '@yardstick/contracts';
import { addDays, fiscalYearStart } from '@yardstick/metrics';

// Demonstration Customer Service Plans, front-line employee feedback, and channels and complaint routes for the
// demonstration services: deterministic, like the rest of the demonstration data.

type Agency = { key: string; name: string };
type Service = { key: string; agencyKey: string; name: string; channels: Channel[]; publicUrl: string };
type Standard = { key: string; agencyKey: string; status: string; benchmarkKeys: string[] };

export type DemoPlan = {
  key: string;
  agencyKey: string;
  fiscalYear: number;
  published: boolean;
  summary: string;
  parts: PlanParts;
  standardKeys: string[];
  benchmarkKeys: string[];
  employeeFeedbackKeys: string[];
  staffNote: string;
};

export type DemoEmployeeFeedback = {
  key: string;
  serviceKey: string;
  agencyKey: string;
  periodKey: string;
  employeesSurveyed: number;
  employeesResponding: number;
  barriers: ThemeCount[];
  ideas: ThemeCount[];
  summary: string;
  published: boolean;
};

const HOURS: Record<Channel, [hours: string, reach: string]> = {
  online: ['Every day, at any hour', 'On the service’s web page'],
  phone: ['Monday to Friday, 8 a.m. to 8 p.m. Eastern', 'Call 1-800-555-0100 (TTY 711)'],
  in_person: ['Monday to Friday, 9 a.m. to 4 p.m., by appointment', 'At a local office: book on the web page'],
  mail: ['Letters are opened every working day', 'Write to the address on the form'],
  email: ['Answered Monday to Friday', 'Write from the contact form on the web page'],
  chat: ['Monday to Friday, 8 a.m. to 6 p.m. Eastern', 'Open the chat on the web page'],
  mobile_app: ['Every day, at any hour', 'In the agency’s app'],
  other: ['See the web page', 'See the web page'],
};

export function demoChannelDetails(service: Service): ServiceChannelDetail[] {
  return service.channels.map((channel) => ({ channel, hours: HOURS[channel][0], howToReach: HOURS[channel][1] }));
}

export function demoComplaints(service: Service, index: number): ComplaintRoute {
  return {
    url: `${service.publicUrl}complaints`,
    phone: `1-800-555-${String(200 + index).padStart(4, '0')}`,
    address: index % 2 === 0 ? 'Customer Experience Office, 1 Demonstration Plaza, Washington, DC 20001' : null,
    responseDays: index % 3 === 0 ? 10 : 15,
    appeal: 'Ask for a review by a supervisor within 30 days of the decision; the letter tells you how.',
  };
}

const PART_TEXT: Record<PlanPart, [approach: string, benefits: string, milestones: string[]]> = {
  signature_initiative: [
    'Let customers apply, pay and follow their case online from start to finish, with one account.',
    'Fewer trips and letters: most customers finish in one sitting and always know where their case stands.',
    ['Online status page for every case', 'Online application open to all', 'Paper-only steps retired'],
  ],
  customer_feedback: [
    'Ask a short survey after every transaction, on every channel, and review the answers every month.',
    'What customers tell us changes what we fix first; we publish what we heard and what we did.',
    ['Survey on every channel', 'Monthly review of comments with each service'],
  ],
  service_standards: [
    'Publish a standard for speed, accuracy and satisfaction for every service, and report against them each quarter.',
    'Customers know what to expect and can see whether we keep our promises.',
    ['Standards for every service published', 'Quarterly results certified on time'],
  ],
  best_practices: [
    'Give the same answer on every channel: one knowledge base for phone, chat, email and offices.',
    'No more conflicting answers, and no need to call back to check.',
    ['Shared knowledge base for all channels'],
  ],
  streamlining: [
    'Remove questions we can answer from our own records, and cut the steps of our longest processes.',
    'Shorter forms and faster decisions.',
    ['Forms shortened by a third', 'Longest process redesigned'],
  ],
  technologies: [
    'Try call-backs instead of hold queues and plain-language notices checked with customers.',
    'Less time on hold, and letters people understand the first time.',
    ['Call-back pilot', 'Plain-language notice templates'],
  ],
};

/** Days after the start of the fiscal year on which the n-th milestone of a part falls. */
const OFFSETS = [45, 150, 270];

function partsFor(fiscalYear: number, current: boolean, seed: number): PlanParts {
  const start = fiscalYearStart(fiscalYear);
  const entries = PLAN_PARTS.map((key, p): [PlanPart, PlanParts[PlanPart]] => {
    const [approach, benefits, titles] = PART_TEXT[key];
    const milestones: MilestoneBody[] = titles.map((title, i) => ({
      title,
      dueDate: addDays(start, OFFSETS[i]! + ((seed + p) % 20)),
      // Last year's milestones were done (one dropped); this year's first is running late in one part in two.
      status: current
        ? i === 0
          ? (seed + p) % 2 === 0
            ? 'in_progress'
            : 'done'
          : 'planned'
        : (seed + p + i) % 7 === 0
          ? 'dropped'
          : 'done',
    }));
    return [key, { approach, benefits, milestones }];
  });
  return Object.fromEntries(entries) as Record<PlanPart, PlanParts[PlanPart]>;
}

export function generateDemoPlans(
  agencies: Agency[],
  services: Service[],
  standards: Standard[],
  currentYear: number,
): { plans: DemoPlan[]; employeeFeedback: DemoEmployeeFeedback[] } {
  const employeeFeedback: DemoEmployeeFeedback[] = services
    .filter((_, i) => i % 5 === 0)
    .map((service, i) => {
      const surveyed = 40 + ((i * 37) % 160);
      const responding = Math.round(surveyed * (0.55 + ((i * 13) % 30) / 100));
      return {
        key: `ef${i}`,
        serviceKey: service.key,
        agencyKey: service.agencyKey,
        periodKey: `FY${currentYear - 1}`,
        employeesSurveyed: surveyed,
        employeesResponding: responding,
        barriers: [
          { theme: 'Case system is slow and needs double entry', count: Math.round(responding * 0.6) },
          { theme: 'Rules change without notice to front-line staff', count: Math.round(responding * 0.35) },
        ],
        ideas: [
          { theme: 'Let customers upload documents themselves', count: Math.round(responding * 0.45) },
          { theme: 'Call customers back instead of holding', count: Math.round(responding * 0.3) },
        ],
        summary: `Front-line staff of ${service.name} named the case system and late notice of rule changes as the main barriers, and asked for customer uploads and call-backs.`,
        published: i % 2 === 0,
      };
    });
  const plans: DemoPlan[] = agencies.flatMap((agency, a) =>
    [currentYear - 1, currentYear].map((fiscalYear) => {
      const own = standards.filter((s) => s.agencyKey === agency.key && s.status === 'published').slice(0, 6);
      const current = fiscalYear === currentYear;
      return {
        key: `plan-${agency.key}-${fiscalYear}`,
        agencyKey: agency.key,
        fiscalYear,
        // One plan is still a draft: the first agency's plan for this year.
        published: !(current && a === 0),
        summary: `In fiscal year ${fiscalYear}, ${agency.name} will let more customers finish online, answer faster on every channel, and publish how it keeps its promises.`,
        parts: partsFor(fiscalYear, current, a),
        standardKeys: own.map((s) => s.key),
        benchmarkKeys: [...new Set(own.flatMap((s) => s.benchmarkKeys))],
        employeeFeedbackKeys: current
          ? []
          : employeeFeedback.filter((f) => f.agencyKey === agency.key).map((f) => f.key),
        staffNote: 'Demonstration plan: staff note, never public.',
      };
    }),
  );
  return { plans, employeeFeedback };
}
