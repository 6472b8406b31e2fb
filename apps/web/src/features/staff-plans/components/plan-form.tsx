import {
  MILESTONE_STATUSES,
  PLAN_PART_LABELS,
  PLAN_PARTS,
  type MilestoneBody,
  type PlanBody,
  type PlanPart,
  type PlanPartBody,
} from '@yardstick/contracts';
import { useState, type FormEvent } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { ErrorSummary, type FieldErrors } from '@/components/ui/error-summary';
import { CheckboxGroup, SelectField, TextareaField, TextField, type Option } from '@/components/ui/form-field';
import { useCreatePlan, useUpdatePlan, type PlanInput } from '../api/plans';

const STATUS_LABELS: Record<MilestoneBody['status'], string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** The form's field names, in order, with their labels (the error summary links to each). */
const labelsFor = (parts: Record<PlanPart, PlanPartBody>): Record<string, string> => ({
  agencyId: 'Agency',
  fiscalYear: 'Fiscal year',
  summary: 'Summary',
  ...Object.fromEntries(
    PLAN_PARTS.flatMap((key) => [
      [`parts.${key}.approach`, `${PLAN_PART_LABELS[key]}: what we will do`],
      [`parts.${key}.benefits`, `${PLAN_PART_LABELS[key]}: what customers gain`],
      ...parts[key].milestones.flatMap((_, i) => [
        [`parts.${key}.milestones.${i}.title`, `${PLAN_PART_LABELS[key]}: milestone ${i + 1}`],
        [`parts.${key}.milestones.${i}.dueDate`, `${PLAN_PART_LABELS[key]}: milestone ${i + 1} date`],
      ]),
    ]),
  ),
  standardIds: 'Standards the plan names',
  staffNote: 'Note for staff',
});

const emptyParts = () =>
  Object.fromEntries(
    PLAN_PARTS.map((key) => [key, { approach: '', benefits: '', milestones: [] }]),
  ) as unknown as Record<PlanPart, PlanPartBody>;

/**
 * Write a Customer Service Plan: the summary, the six parts of EO 13571 (each with approach, benefits and dated
 * milestones) and the standards it names. Saving keeps a draft; the API checks dates and links.
 */
export const PlanForm = ({
  plan,
  agencies,
  standardsOf,
  onDone,
}: {
  plan?: PlanBody;
  agencies: Option[];
  standardsOf: (agencyId: string) => Option[];
  onDone: (plan: PlanBody, text: string) => void;
}) => {
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const base = plan ? (plan.pending ?? plan.current) : null;
  const [agencyId, setAgencyId] = useState(plan?.agencyId ?? '');
  const [fiscalYear, setFiscalYear] = useState(plan ? String(plan.fiscalYear) : '');
  const [summary, setSummary] = useState(base?.summary ?? '');
  const [parts, setParts] = useState<Record<PlanPart, PlanPartBody>>(base?.parts ?? emptyParts());
  const [standardIds, setStandardIds] = useState<string[]>(base?.standardIds ?? []);
  const [staffNote, setStaffNote] = useState(base?.staffNote ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const setPart = (key: PlanPart, change: Partial<PlanPartBody>) =>
    setParts((p) => ({ ...p, [key]: { ...p[key], ...change } }));
  const setMilestone = (key: PlanPart, i: number, change: Partial<MilestoneBody>) =>
    setPart(key, { milestones: parts[key].milestones.map((m, j) => (j === i ? { ...m, ...change } : m)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!plan && !agencyId) found.agencyId = 'Choose the agency whose plan this is';
    if (!plan && !/^\d{4}$/.test(fiscalYear)) found.fiscalYear = 'Enter a fiscal year, e.g. 2027';
    for (const key of PLAN_PARTS) {
      parts[key].milestones.forEach((m, i) => {
        if (m.title.trim().length < 2) found[`parts.${key}.milestones.${i}.title`] = 'Say what the milestone is';
        if (!/^\d{4}-\d{2}-\d{2}$/.test(m.dueDate)) found[`parts.${key}.milestones.${i}.dueDate`] = 'Enter a date';
      });
    }
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    const body: PlanInput = { summary, parts, standardIds, staffNote: staffNote.trim() || null };
    try {
      const saved = plan
        ? await update.mutateAsync({ id: plan.id, ...body })
        : await create.mutateAsync({ agencyId, fiscalYear: Number(fiscalYear), ...body });
      onDone(saved, `Plan for FY${saved.fiscalYear} saved as a draft.`);
    } catch (error) {
      const r = apiErrorToForm(error);
      setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  };

  const owner = plan?.agencyId ?? agencyId;
  return (
    <>
      <ErrorSummary errors={errors} labels={labelsFor(parts)} general={general} />
      <form className="usa-form usa-form--large maxw-tablet-lg" onSubmit={(e) => void submit(e)} noValidate>
        {plan ? null : (
          <>
            <SelectField
              name="agencyId"
              label="Agency"
              required
              value={agencyId}
              onChange={setAgencyId}
              error={errors.agencyId}
              options={agencies}
            />
            <TextField
              name="fiscalYear"
              label="Fiscal year"
              hint="e.g. 2027 for 1 October 2026 to 30 September 2027"
              inputMode="numeric"
              required
              value={fiscalYear}
              onChange={setFiscalYear}
              error={errors.fiscalYear}
            />
          </>
        )}
        <TextareaField
          name="summary"
          label="Summary"
          hint="The plan in a few sentences, in plain language, for the public."
          value={summary}
          onChange={setSummary}
          error={errors.summary}
        />
        {PLAN_PARTS.map((key) => (
          <fieldset key={key} className="usa-fieldset margin-top-4">
            <legend className="usa-legend usa-legend--large">{PLAN_PART_LABELS[key]}</legend>
            <TextareaField
              name={`parts.${key}.approach`}
              label="What we will do"
              value={parts[key].approach}
              onChange={(approach) => setPart(key, { approach })}
              error={errors[`parts.${key}.approach`]}
            />
            <TextareaField
              name={`parts.${key}.benefits`}
              label="What customers gain"
              value={parts[key].benefits}
              onChange={(benefits) => setPart(key, { benefits })}
              error={errors[`parts.${key}.benefits`]}
            />
            {parts[key].milestones.map((m, i) => (
              <fieldset key={i} className="usa-fieldset border-left-05 border-base-lighter padding-left-2 margin-top-2">
                <legend className="usa-legend">Milestone {i + 1}</legend>
                <TextField
                  name={`parts.${key}.milestones.${i}.title`}
                  label="Milestone"
                  value={m.title}
                  onChange={(title) => setMilestone(key, i, { title })}
                  error={errors[`parts.${key}.milestones.${i}.title`]}
                />
                <TextField
                  name={`parts.${key}.milestones.${i}.dueDate`}
                  label="Date"
                  type="date"
                  hint="Within the plan's fiscal year"
                  value={m.dueDate}
                  onChange={(dueDate) => setMilestone(key, i, { dueDate })}
                  error={errors[`parts.${key}.milestones.${i}.dueDate`]}
                />
                <SelectField
                  name={`parts.${key}.milestones.${i}.status`}
                  label="Status"
                  placeholder={null}
                  value={m.status}
                  onChange={(status) => setMilestone(key, i, { status: status as MilestoneBody['status'] })}
                  options={MILESTONE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
                />
                <button
                  type="button"
                  className="usa-button usa-button--unstyled margin-top-1"
                  onClick={() => setPart(key, { milestones: parts[key].milestones.filter((_, j) => j !== i) })}
                >
                  Remove milestone {i + 1}
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className="usa-button usa-button--outline margin-top-2"
              onClick={() =>
                setPart(key, { milestones: [...parts[key].milestones, { title: '', dueDate: '', status: 'planned' }] })
              }
            >
              Add a milestone to part {PLAN_PART_LABELS[key].slice(1, 2)}
            </button>
          </fieldset>
        ))}
        {owner ? (
          <CheckboxGroup
            legend="Standards the plan names (part c)"
            name="standardIds"
            options={standardsOf(owner)}
            value={standardIds}
            onChange={setStandardIds}
            error={errors.standardIds}
          />
        ) : null}
        <TextareaField
          name="staffNote"
          label="Note for staff"
          hint="Never shown to the public."
          value={staffNote}
          onChange={setStaffNote}
          error={errors.staffNote}
        />
        <button type="submit" className="usa-button margin-top-3" disabled={create.isPending || update.isPending}>
          Save draft
        </button>
      </form>
    </>
  );
};
