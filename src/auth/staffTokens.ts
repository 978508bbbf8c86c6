// PLACEHOLDER until staff authentication lands: refuses every token.
import type { Config } from '../config/config.ts';
import { AuthenticationError, type StaffAuthenticator } from './staffAuthenticator.ts';

export function createStaffAuthenticator(_config: Config): StaffAuthenticator {
  return {
    async authenticate() {
      throw new AuthenticationError('staff authentication is not configured');
    },
  };
}
