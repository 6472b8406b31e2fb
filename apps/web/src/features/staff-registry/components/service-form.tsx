import { CHANNELS, type Channel, type ServiceBody } from '@yardstick/contracts';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '@/components/ui/error-summary';
import { CheckboxGroup, SelectField, TextareaField, TextField } from '@/components/ui/form-field';
import { useForm } from '@/components/ui/use-form';
import { useAgencies, useCreateService, useUpdateService } from '../api/registry';
import { CHANNEL_LABELS } from '../labels';

const LABELS = {
  serviceAgency: 'Agency',
  serviceName: 'Service name',
  serviceSlug: 'Short name for addresses',
  serviceDescription: 'Description',
  serviceCustomers: 'Customers',
  serviceChannels: 'Channels',
  serviceHisp: 'High Impact Service Provider service',
  serviceUrl: 'Public web address',
  complaintUrl: 'Complaint web address',
  complaintPhone: 'Complaint phone number',
  complaintAddress: 'Complaint postal address',
  complaintDays: 'Working days to answer a complaint',
  complaintAppeal: 'How to appeal a decision',
};
type Field = keyof typeof LABELS;
const API_FIELDS: Record<string, Field> = {
  agencyId: 'serviceAgency',
  name: 'serviceName',
  slug: 'serviceSlug',
  description: 'serviceDescription',
  customers: 'serviceCustomers',
  channels: 'serviceChannels',
  publicUrl: 'serviceUrl',
  complaints: 'complaintUrl',
  'complaints.url': 'complaintUrl',
  'complaints.phone': 'complaintPhone',
  'complaints.address': 'complaintAddress',
  'complaints.responseDays': 'complaintDays',
  'complaints.appeal': 'complaintAppeal',
};

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

/** Create or edit a service: who it serves, through which channels, and whether it is a HISP service. */
export const ServiceForm = ({
  service,
  onDone,
  canWriteFor,
}: {
  service?: ServiceBody;
  onDone: (text: string) => void;
  /** Whether the signed-in user may write for an agency: the agency menu offers only those. */
  canWriteFor: (agencyId: string) => boolean;
}) => {
  const agencies = useAgencies();
  const create = useCreateService();
  const update = useUpdateService();
  const { form, field, errors, check, fail, summary } = useForm(LABELS, {
    serviceAgency: service?.agencyId ?? '',
    serviceName: service?.name ?? '',
    serviceSlug: service?.slug ?? '',
    serviceDescription: service?.description ?? '',
    serviceCustomers: service?.customers ?? '',
    serviceHisp: service?.hisp ? 'yes' : 'no',
    serviceUrl: service?.publicUrl ?? '',
    complaintUrl: service?.complaints?.url ?? '',
    complaintPhone: service?.complaints?.phone ?? '',
    complaintAddress: service?.complaints?.address ?? '',
    complaintDays: service?.complaints?.responseDays?.toString() ?? '',
    complaintAppeal: service?.complaints?.appeal ?? '',
  });
  const [details, setDetails] = useState<Record<string, { hours: string; howToReach: string }>>(
    Object.fromEntries(
      (service?.channelDetails ?? []).map((d) => [d.channel, { hours: d.hours, howToReach: d.howToReach }]),
    ),
  );
  const setDetail = (channel: string, key: 'hours' | 'howToReach') => (value: string) =>
    setDetails((d) => ({ ...d, [channel]: { hours: '', howToReach: '', ...d[channel], [key]: value } }));
  const [channels, setChannels] = useState<string[]>(service?.channels ?? []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!service && !form.serviceAgency) found.serviceAgency = 'Choose the agency that provides the service';
    if (!form.serviceName.trim()) found.serviceName = 'Enter the service’s name, e.g. “Passport renewal”';
    const slug = form.serviceSlug.trim() || slugOf(form.serviceName);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))
      found.serviceSlug = 'Use lower-case letters, digits and hyphens, e.g. passport-renewal';
    if (form.serviceUrl && !/^https?:\/\/\S+$/.test(form.serviceUrl))
      found.serviceUrl = 'Enter a web address starting with https://';
    if (form.complaintUrl && !/^https?:\/\/\S+$/.test(form.complaintUrl))
      found.complaintUrl = 'Enter a web address starting with https://';
    if (form.complaintDays && !/^\d{1,3}$/.test(form.complaintDays.trim()))
      found.complaintDays = 'Enter a whole number of working days, e.g. 15';
    const hasComplaint = [form.complaintPhone, form.complaintAddress, form.complaintDays, form.complaintAppeal].some(
      (v) => v.trim(),
    );
    if (hasComplaint && !form.complaintUrl.trim() && !form.complaintPhone.trim() && !form.complaintAddress.trim())
      found.complaintUrl = 'Give at least one way to complain: a web address, a phone number or a postal address';
    if (!check(found)) return;
    const body = {
      name: form.serviceName.trim(),
      slug,
      description: form.serviceDescription.trim() || null,
      customers: form.serviceCustomers.trim() || null,
      channels: channels as Channel[],
      hisp: form.serviceHisp === 'yes',
      publicUrl: form.serviceUrl.trim() || null,
      channelDetails: channels
        .filter((c) => details[c]?.hours.trim() && details[c]?.howToReach.trim())
        .map((c) => ({
          channel: c as Channel,
          hours: details[c]!.hours.trim(),
          howToReach: details[c]!.howToReach.trim(),
        })),
      complaints:
        form.complaintUrl.trim() || form.complaintPhone.trim() || form.complaintAddress.trim()
          ? {
              url: form.complaintUrl.trim() || null,
              phone: form.complaintPhone.trim() || null,
              address: form.complaintAddress.trim() || null,
              responseDays: form.complaintDays.trim() ? Number(form.complaintDays) : null,
              appeal: form.complaintAppeal.trim() || null,
            }
          : null,
    };
    try {
      const saved = service
        ? await update.mutateAsync({ id: service.id, ...body })
        : await create.mutateAsync({ agencyId: form.serviceAgency, ...body });
      onDone(`${saved.name} ${service ? 'saved' : 'created'}.`);
    } catch (error) {
      fail(error, API_FIELDS);
    }
  };

  return (
    <>
      {summary}
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
        {service ? null : (
          <SelectField
            {...field('serviceAgency')}
            required
            options={(agencies.data?.items ?? [])
              .filter((a) => canWriteFor(a.id))
              .map((a) => ({ value: a.id, label: a.name }))}
          />
        )}
        <TextField {...field('serviceName')} required />
        <TextField {...field('serviceSlug')} hint="Left blank, it is made from the name." />
        <TextareaField {...field('serviceDescription')} />
        <TextareaField
          {...field('serviceCustomers')}
          hint="Who the service is for, e.g. “US citizens renewing an adult passport”."
        />
        <CheckboxGroup
          legend={LABELS.serviceChannels}
          name="serviceChannels"
          options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
          value={channels}
          onChange={setChannels}
          error={errors.serviceChannels}
        />
        {channels.map((c) => (
          <fieldset key={c} className="usa-fieldset">
            <legend className="usa-legend">{CHANNEL_LABELS[c as Channel]}: hours and how to reach it</legend>
            <TextField
              name={`channelHours-${c}`}
              label="Hours"
              hint="e.g. Monday to Friday, 8 a.m. to 8 p.m. Eastern"
              value={details[c]?.hours ?? ''}
              onChange={setDetail(c, 'hours')}
            />
            <TextField
              name={`channelReach-${c}`}
              label="How to reach it"
              hint="A phone number, an address or a web address"
              value={details[c]?.howToReach ?? ''}
              onChange={setDetail(c, 'howToReach')}
            />
          </fieldset>
        ))}
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">How to complain or appeal</legend>
          <TextField {...field('complaintUrl')} type="url" />
          <TextField {...field('complaintPhone')} type="tel" />
          <TextareaField {...field('complaintAddress')} />
          <TextField {...field('complaintDays')} />
          <TextareaField {...field('complaintAppeal')} />
        </fieldset>
        <SelectField
          {...field('serviceHisp')}
          required
          placeholder={null}
          options={[
            { value: 'no', label: 'No' },
            { value: 'yes', label: 'Yes' },
          ]}
        />
        <TextField {...field('serviceUrl')} type="url" />
        <button type="submit" className="usa-button" disabled={create.isPending || update.isPending}>
          {service ? 'Save service' : 'Create service'}
        </button>
      </form>
    </>
  );
};
