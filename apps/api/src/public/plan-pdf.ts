import { MILESTONE_STATE_LABELS, type PublicPlan } from '@yardstick/contracts';
import { formatMeasure, STATUS_LABELS } from '@yardstick/metrics';
import { startPdf } from './public-files.js';

const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const longDate = (iso: string) => dateFormat.format(new Date(iso));

/** A published Customer Service Plan as a PDF: the same text as its page, part by part. */
export function planPdf(plan: PublicPlan, pageUrl: string): Promise<Buffer> {
  const { doc, done, heading, body } = startPdf({
    Title: `${plan.agency.name}: Customer Service Plan, fiscal year ${plan.fiscalYear}`,
    Author: plan.agency.name,
    Subject: 'Customer Service Plan (Executive Order 13571)',
  });
  heading(plan.agency.name, 20);
  heading(`Customer Service Plan, fiscal year ${plan.fiscalYear}`, 14);
  body(
    `Version ${plan.version}${plan.publishedAt ? `, published ${longDate(plan.publishedAt)}` : ''}. The web version: ${pageUrl}`,
  );
  heading('In short', 13);
  body(plan.summary);
  if (plan.lateMilestones > 0) body(`${plan.lateMilestones} milestone(s) are late: past their date and not done.`);
  for (const part of plan.parts) {
    heading(part.label, 13);
    doc.font('Helvetica-Bold').fontSize(10.5).text('What we will do');
    body(part.approach);
    doc.font('Helvetica-Bold').fontSize(10.5).text('What you gain');
    body(part.benefits);
    if (part.milestones.length > 0) {
      doc.font('Helvetica-Bold').fontSize(10.5).text('Milestones');
      for (const m of part.milestones) body(`${longDate(m.dueDate)}: ${m.title}. ${MILESTONE_STATE_LABELS[m.state]}.`);
    }
    if (part.key === 'service_standards') {
      for (const s of plan.standards) {
        const latest = s.latest
          ? `${STATUS_LABELS[s.latest.status]} (${s.latest.periodLabel}: ${formatMeasure(s.latest.value, s.unit)})`
          : 'No result yet';
        body(`${s.title}: ${s.statement} Latest status: ${latest}.`);
      }
    }
  }
  if (plan.employeeFeedback.length > 0) {
    heading('What our front-line employees told us', 13);
    for (const f of plan.employeeFeedback) {
      body(
        `${f.service.name}, ${f.periodLabel}: ${f.employeesResponding} of ${f.employeesSurveyed} employees surveyed responded. ${f.summary}`,
      );
    }
  }
  if (plan.benchmarks.length > 0) {
    heading('Benchmarks we used', 13);
    for (const b of plan.benchmarks) {
      body(
        `${b.name}: ${formatMeasure(b.value, b.unit)} (${b.sourceOrganization}, ${b.year})${b.sourceUrl ? `, ${b.sourceUrl}` : ''}.`,
      );
    }
  }
  doc.end();
  return done;
}
