import { Transform, type Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';

/** Content types whose body is a file sent as it is (no multipart): the request stream is handed on unread. */
export const RAW_UPLOAD_TYPES = ['text/csv', 'application/gzip', 'application/x-gzip'];

/**
 * Lets a client send a transactions file as the request body itself, `Content-Type: text/csv` (with
 * `Content-Encoding: gzip` when compressed) or `application/gzip`: curl --data-binary does that. The body is
 * not read here: the import streams it.
 */
export function registerRawUploadParser(instance: FastifyInstance): void {
  instance.addContentTypeParser(RAW_UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
}

/** The stream cut at `maxBytes`: `truncated()` then says so, as multipart does for its file. */
export function limitedStream(input: Readable, maxBytes: number): { stream: Readable; truncated: () => boolean } {
  let seen = 0;
  let truncated = false;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (truncated) return done();
      seen += chunk.length;
      if (seen > maxBytes) {
        truncated = true;
        done(null, chunk.subarray(0, chunk.length - (seen - maxBytes)));
        input.unpipe(stream);
        input.resume();
        stream.end();
        return;
      }
      done(null, chunk);
    },
  });
  input.on('error', (error) => stream.destroy(error));
  input.pipe(stream);
  return { stream, truncated: () => truncated };
}
