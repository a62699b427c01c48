/** RFC 9457 problem documents with a stable `code`. */
// @ts-nocheck

import type { FastifyReply } from 'fastify';

/** The problem type URI of a code. */
export const problemType = (code: string): string => `https://w3id.org/credstack/problems#${code}`;

/** An error that becomes a problem document. `detail` must never contain secrets or untrusted input verbatim. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Build the body of a problem document. */
export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: problemType(code), title: TITLES[status] ?? 'Error', status, code, detail, ...extra };
}

/** Send a problem document. */
export function sendProblem(reply: FastifyReply, status: number, code: string, detail: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply.code(status).type('application/problem+json').send(problem(status, code, detail, extra));
}
