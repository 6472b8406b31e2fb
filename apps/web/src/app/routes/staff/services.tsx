import { useEffect, useState } from 'react';
import { fieldId } from '@/components/ui/form-field';
import { FocusedNotice, QueryState, StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import { can, useSession } from '@/features/staff-auth/api/session';
import { useAgencies, useServices } from '@/features/staff-registry/api/registry';
import { ServiceForm } from '@/features/staff-registry/components/service-form';
import { CHANNEL_LABELS } from '@/features/staff-registry/labels';
import { TableBox } from '@/components/ui/table-box';

export const ServicesRoute = () => {
  const { data: user } = useSession();
  const services = useServices();
  const agencies = useAgencies();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = can(user, 'registry:write');
  const agencyName = (id: string) => agencies.data?.items.find((a) => a.id === id)?.abbreviation ?? '';
  const done = (text: string) => {
    setEditing(null);
    // The form that had the keyboard is gone: the message about it takes it.
    setNotice(text);
  };
  // Edit opens the form below the table: the keyboard goes to its first field.
  useEffect(() => {
    if (editing) document.getElementById(fieldId('serviceName'))?.focus();
  }, [editing]);
  return (
    <StaffPage
      title="Services"
      breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}
      intro="What each agency provides to the public, for whom, and through which channels."
    >
      {notice ? <FocusedNotice type="success">{notice}</FocusedNotice> : null}
      <QueryState isPending={services.isPending} error={services.error} what="services">
        {() => (
          <TableBox label="Table of services">
            <table className="usa-table usa-table--striped width-full">
              <caption>Services ({services.data!.total})</caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Agency</th>
                  <th scope="col">Channels</th>
                  <th scope="col">HISP</th>
                  {canWrite ? <th scope="col">Action</th> : null}
                </tr>
              </thead>
              <tbody>
                {services.data!.items.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.name}</th>
                    <td>{agencyName(s.agencyId)}</td>
                    <td>{s.channels.map((c) => CHANNEL_LABELS[c]).join(', ') || 'Not listed'}</td>
                    <td>{s.hisp ? 'Yes' : 'No'}</td>
                    {canWrite ? (
                      <td>
                        <button
                          type="button"
                          className="usa-button usa-button--unstyled"
                          onClick={() => {
                            setNotice(null);
                            setEditing(s.id);
                          }}
                        >
                          Edit <span className="usa-sr-only">{s.name}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </QueryState>
      {canWrite && editing && services.data ? (
        <section aria-labelledby="edit-service-heading">
          <h2 id="edit-service-heading">Edit {services.data.items.find((s) => s.id === editing)?.name}</h2>
          <ServiceForm
            key={editing}
            service={services.data.items.find((s) => s.id === editing)}
            onDone={done}
            canWriteFor={(id) => can(user, 'registry:write', id)}
          />
        </section>
      ) : null}
      {canWrite && !editing ? (
        <section aria-labelledby="new-service-heading">
          <h2 id="new-service-heading">Create a service</h2>
          <ServiceForm onDone={done} canWriteFor={(id) => can(user, 'registry:write', id)} />
        </section>
      ) : null}
    </StaffPage>
  );
};
