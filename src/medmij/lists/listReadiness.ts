// The lists' part of /readyz: details per list always, and not ready while a list that gates
// access decisions is missing (the OCL names the clients, the Whitelist admits the nodes).
// A list that is merely old does not fail readiness: the last good list stays in force while
// the stelselnode is unreachable, and every replica would otherwise drop out at once.
import type { ReadinessCheck } from '../../server/health.ts';
import type { ListCache } from './listCache.ts';
import type { ListName } from './listNames.ts';

export const listsRequiredForReadiness: readonly ListName[] = ['OAuthclientlist', 'Whitelist'];

export function listReadinessCheck(
  cache: Pick<ListCache, 'status'>,
  required: readonly ListName[] = listsRequiredForReadiness,
): ReadinessCheck {
  return {
    name: 'medmijLists',
    async check() {
      const lists = cache.status();
      const missing = lists.filter((s) => required.includes(s.name) && s.volgnummer === null);
      if (missing.length > 0) {
        const reasons = missing.map(
          (s) => `${s.name}${s.lastError ? ` (${s.lastError.code})` : ''}`,
        );
        throw new Error(`no valid ${reasons.join(', ')}`);
      }
      return { lists };
    },
  };
}
