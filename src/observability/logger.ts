// Structured JSON logs. Personal data never reaches a log line: fields that can carry a BSN,
// a name or a secret are censored by path, whatever component logs them.
import { pino, type Logger, type LoggerOptions } from 'pino';

const personalOrSecret = [
  'bsn',
  'givenNames',
  'familyName',
  'partnerName',
  'name',
  'birthDate',
  'token',
  'access_token',
  'refresh_token',
  'code',
  'password',
];

export const redactPaths = [
  ...personalOrSecret,
  ...personalOrSecret.map((key) => `*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    base: { service: 'entpoort' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
}

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}

export type { Logger };
