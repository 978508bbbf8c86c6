// Small zod building blocks shared by the configuration of every part.
import { z } from 'zod';

export const optionalUrl = z.url().optional();

/** `true`/`false`/`1`/`0`, as environment variables spell a switch. */
export const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A configuration problem, reported at start with the variable's name. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
