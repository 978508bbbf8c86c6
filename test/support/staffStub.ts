// A stand-in for staff OpenID Connect: `Bearer test-<role>` is a staff member with that one
// role, anything else is refused as the real authenticator would refuse it.
import type { StaffActor, StaffRole } from '../../src/auth/actor.ts';
import { AuthenticationError, type StaffAuthenticator } from '../../src/auth/staffAuthenticator.ts';

const roles: Record<string, StaffRole> = {
  'test-viewer': 'viewer',
  'test-registrar': 'registrar',
  'test-auditor': 'auditor',
};

export const staffStub: StaffAuthenticator = {
  async authenticate(authorization) {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const role = token ? roles[token] : undefined;
    if (!token || !role) throw new AuthenticationError('not a test token');
    const actor: StaffActor = { kind: 'STAFF', id: token, roles: new Set([role]) };
    return actor;
  },
};
