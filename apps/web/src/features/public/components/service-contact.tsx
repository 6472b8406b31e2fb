import type { ComplaintRoute, ServiceChannelDetail } from '@yardstick/contracts';
import { CHANNEL_LABELS } from './format';

/** Each channel of a service with its hours and how to reach it (EO 12862 f). */
export const ChannelList = ({ channels }: { channels: ServiceChannelDetail[] }) =>
  channels.length === 0 ? null : (
    <>
      <h2>How to reach us</h2>
      <dl className="fact-list">
        {channels.map((c) => (
          <div key={c.channel}>
            <dt>{CHANNEL_LABELS[c.channel]}</dt>
            <dd>
              {c.howToReach}. Open: {c.hours}.
            </dd>
          </div>
        ))}
      </dl>
    </>
  );

/** How to complain or appeal, and how soon the answer comes (EO 12862 g, h). */
export const ComplaintInfo = ({ complaints, service }: { complaints: ComplaintRoute | null; service: string }) => (
  <>
    <h2>How to complain or appeal</h2>
    {complaints ? (
      <div className="usa-prose">
        <p>If {service} did not serve you well, tell us:</p>
        <ul>
          {complaints.url ? (
            <li>
              Online: <a href={complaints.url}>{complaints.url}</a>
            </li>
          ) : null}
          {complaints.phone ? (
            <li>
              By phone: <a href={`tel:${complaints.phone.replace(/[^\d+]/g, '')}`}>{complaints.phone}</a>
            </li>
          ) : null}
          {complaints.address ? <li>By mail: {complaints.address}</li> : null}
        </ul>
        {complaints.responseDays !== null ? <p>We answer within {complaints.responseDays} working days.</p> : null}
        {complaints.appeal ? <p>To appeal a decision: {complaints.appeal}</p> : null}
      </div>
    ) : (
      <p>The agency has not yet said how to complain about this service.</p>
    )}
  </>
);
