// UUID version 7 (RFC 9562) for rows written in bulk: the leading 48 bits are the time in
// milliseconds, so the ids of one import sort together and its inserts fill the end of the
// primary key's index rather than random pages all over it (a random UUID costs a page visit
// per row once the index outgrows memory). They say when a row was written, nothing else; the
// remaining 74 bits are random.
import { randomUUID } from 'node:crypto';

export function timeOrderedId(now: number = Date.now()): string {
  // A version 4 UUID supplies the random bits and the variant: xxxxxxxx-xxxx-4xxx-yxxx-xxxx…
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
