import { StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import { ResultsUpload } from '@/features/staff-imports/components/results-upload';

export const ImportsRoute = () => (
  <StaffPage
    title="Import results"
    breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}
    intro="Check a file first: nothing is saved until you import it, and a file with errors is never half imported."
  >
    <ResultsUpload />
  </StaffPage>
);
