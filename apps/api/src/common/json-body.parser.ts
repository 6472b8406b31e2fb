import type { FastifyInstance } from 'fastify';
import secureJsonParse from 'secure-json-parse';
import { AppException } from './errors/app.exception.js';

/**
 * Replaces Fastify's JSON parser, whose error does not say where the JSON is broken. Keeps its
 * protection against prototype poisoning (__proto__ and constructor.prototype keys are refused).
 */
export function registerJsonBodyParser(instance: FastifyInstance): void {
  instance.removeContentTypeParser('application/json');
  instance.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, secureJsonParse.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      done(malformedJson(text, error), undefined);
    }
  });
}

function malformedJson(text: string, error: unknown): AppException {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  let where = '';
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    where = ` at line ${line}, column ${column}`;
  } else if (/Unexpected end/.test(message)) {
    where = ': it ends too early';
  }
  const problem = /prototype/i.test(message)
    ? 'it uses a forbidden key (__proto__ or constructor.prototype)'
    : `there is a syntax error${where}`;
  return new AppException(
    400,
    'malformed_json',
    `The request body is not valid JSON: ${problem}. Check for missing quotes, commas or brackets.`,
    [{ field: 'body', reason: 'not valid JSON' }],
  );
}
