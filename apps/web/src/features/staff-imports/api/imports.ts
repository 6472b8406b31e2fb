import { useQueryClient } from '@tanstack/react-query';
import { buildApiUrl } from '@/lib/api-client';

export { serverPercent, uploadResults, type UploadProgress } from '@/lib/upload';

export type { ImportBatchBody, ImportMode, ImportRowError as RowError } from '@yardstick/contracts';

/** The file formats the import reads, and what each needs besides the file. */
export const IMPORT_FORMATS = ['yardstick', 'gc-service-standards', 'performance-gov-apr'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type ImportFormatOptions = {
  format: ImportFormat;
  /** performance-gov-apr: the abbreviation of the agency the file reports for. */
  agency?: string;
  /** performance-gov-apr: the direction of KPIs whose Desired Direction is blank. */
  blankDirection?: 'higher_is_better' | 'lower_is_better';
};

export const errorsCsvUrl = (batchId: string) => buildApiUrl(`/v1/imports/${batchId}/errors.csv`);
export const templateUrl = (kind: 'csv' | 'xlsx') => buildApiUrl(`/v1/imports/template.${kind}`);

/** After an import, what was read about results is stale. */
export const useInvalidateResults = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['results', 'standards', 'standard', 'due', 'reviews', 'portfolio'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
};
