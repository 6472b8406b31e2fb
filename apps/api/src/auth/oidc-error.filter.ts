import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ErrorBody } from '@yardstick/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from '../common/errors/app.exception.js';

/**
 * The errors of the single sign-on routes. A browser arrives there by navigation, from the identity
 * provider: it gets a short page saying what went wrong; any other client gets the common error body.
 * Same status either way.
 */
@Catch(AppException)
export class OidcErrorFilter implements ExceptionFilter {
  catch(exception: AppException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body: ErrorBody = {
      status: exception.status,
      code: exception.code,
      message: exception.message,
      details: exception.details,
      requestId: String(request.id),
    };
    reply.status(body.status).headers({ ...exception.headers, 'cache-control': 'no-store' });
    if (prefersHtml(request.headers.accept)) {
      reply.type('text/html; charset=utf-8').send(errorPage(body));
    } else {
      reply.send(body);
    }
  }
}

function prefersHtml(accept: string | undefined): boolean {
  const html = accept?.indexOf('text/html') ?? -1;
  const json = accept?.indexOf('application/json') ?? -1;
  return html !== -1 && (json === -1 || html < json);
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c as '&'],
  );
}

function errorPage(body: ErrorBody): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in failed · Yardstick</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Sign-in failed</h1>
<p>${escapeHtml(body.message)}</p>
<p><a href="/staff">Back to Yardstick</a></p>
<p style="color: #555; font-size: 0.875rem">Error ${body.status} (${escapeHtml(body.code)}), request ${escapeHtml(body.requestId ?? '')}</p>
</body>
</html>
`;
}
