// The development broker's logins: the BSN and assurance level a tester chose, under a random
// account id that becomes the `sub` (so no BSN appears in the ID token, as with nl-rdo-max's
// pairwise subjects). In memory, for an hour: the development broker runs in one process.
import { randomUUID } from 'node:crypto';

export interface DevLogin {
  bsn: string;
  loa: string;
  sessionId: string;
}

const LIFETIME_MS = 3_600_000;

export interface DevLogins {
  add(login: Omit<DevLogin, 'sessionId'>): string;
  get(accountId: string): DevLogin | undefined;
}

export function createDevLogins(now = () => Date.now()): DevLogins {
  const logins = new Map<string, DevLogin & { until: number }>();
  return {
    add(login) {
      const at = now();
      for (const [id, entry] of logins) if (entry.until <= at) logins.delete(id);
      const accountId = randomUUID();
      logins.set(accountId, { ...login, sessionId: randomUUID(), until: at + LIFETIME_MS });
      return accountId;
    },
    get(accountId) {
      const entry = logins.get(accountId);
      if (!entry || entry.until <= now()) return undefined;
      return { bsn: entry.bsn, loa: entry.loa, sessionId: entry.sessionId };
    },
  };
}
