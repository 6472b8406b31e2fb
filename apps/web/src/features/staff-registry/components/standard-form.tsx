import {
  CHANNELS,
  type Channel,
  type Computation,
  type Dimension,
  type Direction,
  type IndicatorKind,
  type StandardBody,
  type Unit,
} from '@yardstick/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { ErrorSummary, type FieldErrors } from '@/components/ui/error-summary';
import { CheckboxGroup, SelectField, TextareaField, TextField } from '@/components/ui/form-field';
import { useAgencies, useServices, type StandardContent } from '../api/registry';
import {
  CHANNEL_LABELS,
  COMPUTATION_LABELS,
  DIMENSION_LABELS,
  DIRECTION_LABELS,
  FREQUENCY_LABELS,
  INDICATOR_LABELS,
  UNIT_LABELS,
  optionsOf,
} from '../labels';

type Values = {
  agencyId: string;
  serviceId: string;
  code: string;
  title: string;
  statement: string;
  dimension: string;
  measureDescription: string;
  unit: string;
  computation: string;
  direction: string;
  thresholdValue: string;
  thresholdUnit: string;
  channelScope: string[];
  frequency: string;
  nearTolerance: string;
  indicatorKind: string;
};

const LABELS: Record<keyof Values, string> = {
  agencyId: 'Agency',
  serviceId: 'Service',
  code: 'Code',
  title: 'Title',
  statement: 'Standard, in plain language',
  dimension: 'Dimension',
  measureDescription: 'How it is measured',
  unit: 'Unit',
  computation: 'Computation',
  direction: 'Direction',
  thresholdValue: 'Threshold',
  thresholdUnit: 'Threshold unit',
  channelScope: 'Channels',
  frequency: 'Reporting frequency',
  nearTolerance: 'Near tolerance',
  indicatorKind: 'Indicator kind',
};

const fromStandard = (standard: StandardBody | undefined): Values => {
  const v = standard ? (standard.pending ?? standard.current) : undefined;
  return {
    agencyId: standard?.agencyId ?? '',
    serviceId: standard?.serviceId ?? '',
    code: standard?.code ?? '',
    title: v?.title ?? '',
    statement: v?.statement ?? '',
    dimension: v?.dimension ?? '',
    measureDescription: v?.measureDescription ?? '',
    unit: v?.unit ?? '',
    computation: v?.computation ?? '',
    direction: v?.direction ?? '',
    thresholdValue: v?.thresholdValue?.toString() ?? '',
    thresholdUnit: v?.thresholdUnit ?? '',
    channelScope: v?.channelScope ?? [],
    frequency: v?.frequency ?? '',
    nearTolerance: v?.nearTolerance?.toString() ?? '',
    indicatorKind: v?.indicatorKind ?? '',
  };
};

const NUMBER = /^-?\d+(\.\d+)?$/;

/** The same rules as the API, said before the round trip; the API's answer is shown the same way. */
export const checkStandard = (values: Values, creating: boolean): FieldErrors => {
  const errors: FieldErrors = {};
  const length = (name: keyof Values, min: number, max: number, what: string) => {
    const text = (values[name] as string).trim();
    if (!text) errors[name] = `Enter ${what}`;
    else if (text.length < min) errors[name] = `${LABELS[name]} must be at least ${min} characters`;
    else if (text.length > max) errors[name] = `${LABELS[name]} must be at most ${max} characters`;
  };
  if (creating) {
    if (!values.serviceId) errors.serviceId = 'Choose the service this standard is about';
    if (!/^[A-Z0-9][A-Z0-9._-]{0,63}$/.test(values.code))
      errors.code = 'Use capital letters, digits, dots, hyphens or underscores, like PPT-RENEW-TIME';
  }
  length('title', 3, 200, 'a title');
  length('statement', 10, 1000, 'the standard as the public will read it');
  length('measureDescription', 10, 4000, 'how the result is measured');
  for (const name of ['dimension', 'unit', 'computation', 'direction', 'frequency'] as const) {
    if (!values[name]) errors[name] = `Choose the ${LABELS[name].toLowerCase()}`;
  }
  if (values.computation === 'share_meeting_threshold') {
    if (values.unit && values.unit !== 'percent') errors.unit = 'A share meeting a threshold is measured in percent';
    if (!NUMBER.test(values.thresholdValue)) errors.thresholdValue = 'Enter the threshold as a number, like 42';
    if (!values.thresholdUnit) errors.thresholdUnit = 'Choose the threshold’s unit, like days';
  }
  if (values.nearTolerance && !NUMBER.test(values.nearTolerance))
    errors.nearTolerance = 'Enter the tolerance as a number, or leave it blank';
  return errors;
};

/**
 * The goal link, the source's rounding rule and the declared range of values are not edited here: they are
 * kept as they were (null for a new standard).
 */
const toContent = (
  values: Values,
  kept: Pick<StandardContent, 'goalId' | 'resultRounding' | 'valueRange'>,
): StandardContent => {
  const share = values.computation === 'share_meeting_threshold';
  return {
    title: values.title.trim(),
    statement: values.statement.trim(),
    dimension: values.dimension as Dimension,
    measureDescription: values.measureDescription.trim(),
    unit: values.unit as Unit,
    computation: values.computation as Computation,
    direction: values.direction as Direction,
    thresholdValue: share ? Number(values.thresholdValue) : null,
    thresholdUnit: share ? (values.thresholdUnit as Unit) : null,
    channelScope: values.channelScope as Channel[],
    frequency: values.frequency as StandardContent['frequency'],
    nearTolerance: values.nearTolerance ? Number(values.nearTolerance) : null,
    indicatorKind: (values.indicatorKind || null) as IndicatorKind | null,
    ...kept,
  };
};

export type StandardFormProps = {
  standard?: StandardBody;
  submitLabel: string;
  busy: boolean;
  onSubmit: (body: StandardContent & { serviceId: string; code: string }) => Promise<unknown>;
  /** More fields, before the submit button (the create form's benchmarks). */
  children?: ReactNode;
  /** Whether the signed-in user may write for an agency: the agency menu offers only those. */
  canWriteFor: (agencyId: string) => boolean;
};

/** Create or edit a standard: USWDS form, errors tied to their fields and summarised at the top. */
export const StandardForm = ({ standard, submitLabel, busy, onSubmit, children, canWriteFor }: StandardFormProps) => {
  const creating = !standard;
  const [values, setValues] = useState<Values>(() => fromStandard(standard));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const agencies = useAgencies();
  const services = useServices(values.agencyId || undefined);
  const set =
    <K extends keyof Values>(name: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkStandard(values, creating);
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    try {
      await onSubmit({
        ...toContent(values, {
          goalId: (standard?.pending ?? standard?.current)?.goalId ?? null,
          resultRounding: (standard?.pending ?? standard?.current)?.resultRounding ?? null,
          valueRange: (standard?.pending ?? standard?.current)?.valueRange ?? null,
        }),
        serviceId: values.serviceId,
        code: values.code,
      });
    } catch (error) {
      const form = apiErrorToForm(error);
      setErrors(form.fieldErrors);
      setGeneral(form.general);
    }
  };

  const field = (name: keyof Values) => ({
    name,
    label: LABELS[name],
    error: errors[name],
    value: values[name] as string,
    onChange: set(name) as (value: string) => void,
  });

  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} general={general} />
      <form className="usa-form usa-form--large maxw-tablet-lg" onSubmit={(e) => void submit(e)} noValidate>
        {creating ? (
          <>
            <SelectField
              {...field('agencyId')}
              onChange={(agencyId) => setValues((v) => ({ ...v, agencyId, serviceId: '' }))}
              hint="Narrows the list of services."
              options={(agencies.data?.items ?? [])
                .filter((a) => canWriteFor(a.id))
                .map((a) => ({
                  value: a.id,
                  label: `${a.name} (${a.abbreviation})`,
                }))}
              placeholder="- All agencies -"
            />
            <SelectField
              {...field('serviceId')}
              required
              options={(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
            <TextField
              {...field('code')}
              required
              hint="A stable key within the agency, used by uploads, e.g. PPT-RENEW-TIME."
            />
          </>
        ) : null}
        <TextField {...field('title')} required />
        <TextareaField
          {...field('statement')}
          required
          hint="What the public is promised, e.g. “We process 90% of passport renewals within 6 weeks.”"
        />
        <SelectField {...field('dimension')} required options={optionsOf(DIMENSION_LABELS)} />
        <TextareaField {...field('measureDescription')} required hint="What is counted, from which system, and how." />
        <SelectField {...field('computation')} required options={optionsOf(COMPUTATION_LABELS)} />
        <SelectField {...field('unit')} required options={optionsOf(UNIT_LABELS)} />
        {values.computation === 'share_meeting_threshold' ? (
          <>
            <TextField
              {...field('thresholdValue')}
              required
              inputMode="decimal"
              hint="E.g. 42, for “within 42 days”."
            />
            <SelectField {...field('thresholdUnit')} required options={optionsOf(UNIT_LABELS)} />
          </>
        ) : null}
        <SelectField {...field('direction')} required options={optionsOf(DIRECTION_LABELS)} />
        <SelectField {...field('frequency')} required options={optionsOf(FREQUENCY_LABELS)} />
        <CheckboxGroup
          legend={LABELS.channelScope}
          name="channelScope"
          hint="Leave all unchecked for every channel of the service."
          options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
          value={values.channelScope}
          onChange={set('channelScope')}
          error={errors.channelScope}
        />
        <TextField
          {...field('nearTolerance')}
          inputMode="decimal"
          hint="How far short of the target still counts as near, in the unit. Blank: 5% of the target."
        />
        <SelectField {...field('indicatorKind')} options={optionsOf(INDICATOR_LABELS)} />
        {children}
        <button type="submit" className="usa-button margin-top-3" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </form>
    </>
  );
};
