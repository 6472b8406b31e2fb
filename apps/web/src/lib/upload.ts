import type { ImportBatchBody, ImportMode } from '@yardstick/contracts';
import { ApiError, apiGet, buildApiUrl, getCsrfToken, toErrorFromResponse, type QueryParams } from '@/lib/api-client';

/**
 * How far an upload has got: what the browser has sent (XMLHttpRequest upload events), and what the server
 * says it has read (the batch's rowsRead, bytesRead and bytesTotal, polled while the upload runs).
 */
export type UploadProgress = {
  sentBytes: number;
  totalBytes: number;
  /** null until the server has answered a poll. */
  server: { rowsRead: number; bytesRead: number; bytesTotal: number | null } | null;
};

/** The share of the file the server has read, 0-100, from a poll of the batch; null before the first answer. */
export const serverPercent = (progress: UploadProgress, fileSize: number): number | null => {
  if (!progress.server) return null;
  const total = progress.server.bytesTotal ?? fileSize;
  if (total <= 0) return null;
  return Math.min(100, Math.floor((progress.server.bytesRead / total) * 100));
};

/**
 * Uploads a results file (multipart, XMLHttpRequest for upload progress) under a batch id chosen here, and
 * polls GET /imports/:batchId while it runs, so a large file shows how far the server has read.
 */
const newBatchId = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const uploadResults = (
  file: File,
  mode: ImportMode,
  onProgress: (progress: UploadProgress) => void,
  /** The format and what it needs (ImportFormatOptions; customer feedback: service, quarter, channel). */
  params: QueryParams = {},
): Promise<ImportBatchBody> => {
  const batchId = newBatchId();
  const body = new FormData();
  body.append('file', file, file.name);
  let progress: UploadProgress = { sentBytes: 0, totalBytes: file.size, server: null };
  const report = (next: Partial<UploadProgress>) => {
    progress = { ...progress, ...next };
    onProgress(progress);
  };
  let polling = true;
  const poll = async () => {
    while (polling) {
      await new Promise((resolve) => setTimeout(resolve, 750));
      if (!polling) break;
      try {
        const batch = await apiGet<ImportBatchBody>(`/v1/imports/${batchId}`);
        if (polling) {
          report({ server: { rowsRead: batch.rowsRead, bytesRead: batch.bytesRead, bytesTotal: batch.bytesTotal } });
        }
      } catch {
        // Not there yet (404 until the server has started the batch): try again.
      }
    }
  };
  return new Promise<ImportBatchBody>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildApiUrl('/v1/imports', { ...params, mode, batchId }));
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) =>
      report({ sentBytes: event.loaded, totalBytes: event.lengthComputable ? event.total : file.size });
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          code: 'network_error',
          message: 'Could not reach the service. Check your connection and try again.',
        }),
      );
    xhr.onload = () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as ImportBatchBody);
      } else {
        void toErrorFromResponse(response).then(reject);
      }
    };
    xhr.send(body);
    void poll();
  }).finally(() => {
    polling = false;
  });
};
