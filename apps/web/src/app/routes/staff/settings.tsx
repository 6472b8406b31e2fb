import {
  NOTIFICATION_DELIVERIES,
  type NotificationDelivery,
  type NotificationKind,
  type NotificationSettingBody,
} from '@yardstick/contracts';
import { useState, type FormEvent } from 'react';
import { FocusedNotice, Notice, QueryState, StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import {
  useNotificationKinds,
  useNotificationSettings,
  useOutbox,
  useRunReminders,
  useUpdateNotificationKinds,
  useUpdateNotificationSettings,
} from '@/features/staff-notifications/api/notifications';
import { isApiError } from '@/lib/api-client';

const DELIVERY_LABELS: Record<NotificationDelivery, string> = {
  none: 'None',
  immediate: 'As it happens (on the day)',
  weekly_digest: 'Weekly digest (Mondays)',
};

const SettingFieldset = ({
  setting,
  value,
  onChange,
}: {
  setting: NotificationSettingBody;
  value: NotificationDelivery;
  onChange: (value: NotificationDelivery) => void;
}) => (
  <fieldset className="usa-fieldset margin-bottom-3">
    <legend className="usa-legend usa-legend">{setting.label}</legend>
    {!setting.enabledForEveryone ? (
      <p className="usa-hint">An administrator has turned these messages off for everyone.</p>
    ) : !setting.applies ? (
      <p className="usa-hint">Your roles do not include these messages.</p>
    ) : null}
    {NOTIFICATION_DELIVERIES.map((delivery) => (
      <div className="usa-radio" key={delivery}>
        <input
          className="usa-radio__input"
          id={`${setting.kind}-${delivery}`}
          type="radio"
          name={setting.kind}
          value={delivery}
          checked={value === delivery}
          onChange={() => onChange(delivery)}
        />
        <label className="usa-radio__label" htmlFor={`${setting.kind}-${delivery}`}>
          {DELIVERY_LABELS[delivery]}
        </label>
      </div>
    ))}
  </fieldset>
);

/** Each user's choice of e-mail: none, as it happens, or a weekly digest, for each kind of message. */
export const SettingsRoute = () => {
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const [choices, setChoices] = useState<Partial<Record<NotificationKind, NotificationDelivery>>>({});
  const [saved, setSaved] = useState(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(choices, { onSuccess: () => setSaved((n) => n + 1) });
  };
  return (
    <StaffPage
      title="E-mail settings"
      breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}
      intro="Choose which messages Yardstick sends you. Each message links to the page that resolves what it is about."
    >
      <QueryState isPending={settings.isPending} error={settings.error} what="your settings">
        {() => (
          <form onSubmit={submit} className="usa-form usa-form--large">
            {settings.data!.settings.map((setting) => (
              <SettingFieldset
                key={setting.kind}
                setting={setting}
                value={choices[setting.kind] ?? setting.delivery}
                onChange={(value) => setChoices((c) => ({ ...c, [setting.kind]: value }))}
              />
            ))}
            {update.error ? (
              <Notice type="error">
                {isApiError(update.error) ? update.error.message : 'The settings could not be saved.'}
              </Notice>
            ) : null}
            {saved > 0 && !update.error ? (
              <FocusedNotice type="success" focusKey={saved}>
                Your settings are saved.
              </FocusedNotice>
            ) : null}
            <button type="submit" className="usa-button" disabled={update.isPending}>
              Save settings
            </button>
          </form>
        )}
      </QueryState>
    </StaffPage>
  );
};

/** Administrators: every kind on or off for everyone, today's job by hand, and the outbox with each attempt. */
export const OutboxRoute = () => {
  const kinds = useNotificationKinds();
  const updateKinds = useUpdateNotificationKinds();
  const outbox = useOutbox();
  const run = useRunReminders();
  return (
    <StaffPage
      title="Messages and outbox"
      breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}
      intro="What Yardstick has written to whom: sent, written to the log (without SMTP_URL), waiting for another attempt, failed or skipped."
    >
      <h2>Kinds of message</h2>
      <QueryState isPending={kinds.isPending} error={kinds.error} what="kinds of message">
        {() => (
          <ul className="usa-list usa-list--unstyled">
            {kinds.data!.map((kind) => (
              <li key={kind.kind} className="margin-bottom-1">
                <div className="usa-checkbox">
                  <input
                    className="usa-checkbox__input"
                    id={`kind-${kind.kind}`}
                    type="checkbox"
                    checked={kind.enabled}
                    disabled={updateKinds.isPending}
                    onChange={(e) => updateKinds.mutate({ [kind.kind]: e.target.checked })}
                  />
                  <label className="usa-checkbox__label" htmlFor={`kind-${kind.kind}`}>
                    {kind.label} (for everyone)
                  </label>
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <h2>Today’s reminders</h2>
      <p>The daily job runs every morning at 06:00 UTC. Running it again on the same day writes nothing twice.</p>
      <button
        type="button"
        className="usa-button usa-button--outline"
        onClick={() => run.mutate()}
        disabled={run.isPending}
      >
        Run today’s reminders now
      </button>
      {run.data ? (
        <FocusedNotice type="info" focusKey={run.data}>
          {`${run.data.created} new message${run.data.created === 1 ? '' : 's'} for ${run.data.day}; ${run.data.skipped.length} user${run.data.skipped.length === 1 ? '' : 's'} skipped (no e-mail address)${run.data.skipped.length ? `: ${run.data.skipped.map((s) => s.name).join(', ')}` : ''}.`}
        </FocusedNotice>
      ) : null}
      <h2>Outbox</h2>
      <QueryState isPending={outbox.isPending} error={outbox.error} what="the outbox">
        {() =>
          outbox.data!.length === 0 ? (
            <p>No message yet.</p>
          ) : (
            <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Outbox">
              <table className="usa-table usa-table--striped">
                <caption className="usa-sr-only">Messages, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">To</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Last error</th>
                  </tr>
                </thead>
                <tbody>
                  {outbox.data!.map((m) => (
                    <tr key={m.id}>
                      <td>{m.day}</td>
                      <td>{m.recipient ?? 'no e-mail address'}</td>
                      <th scope="row">
                        <details>
                          <summary>{m.subject}</summary>
                          <pre className="font-mono-2xs">{m.text}</pre>
                        </details>
                      </th>
                      <td>{m.status}</td>
                      <td>{m.attempts}</td>
                      <td>{m.lastError ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </StaffPage>
  );
};
