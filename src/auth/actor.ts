// Who is asking. Every face turns its credentials into one of these before touching data.

export const staffRoles = ['viewer', 'registrar', 'auditor'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffActor {
  kind: 'STAFF';
  /** The subject (`sub`) of the staff member's OpenID Connect token. */
  id: string;
  roles: ReadonlySet<StaffRole>;
}

/** A PGO acting for one citizen, through an access token bound to both. */
export interface PgoActor {
  kind: 'PGO';
  /** The PGO's MedMij hostname (OCL `Hostname`). */
  id: string;
  citizenId: string;
  scope: string;
  tokenId: string;
}

/** A citizen on Entpoort's own pages, after DigiD login: consent given, refused or revoked. */
export interface CitizenActor {
  kind: 'CITIZEN';
  /** The internal citizen id; never the BSN. */
  id: string;
}

export interface SystemActor {
  kind: 'SYSTEM';
  /** The component acting, e.g. `import` or `seed`. */
  id: string;
}

export type Actor = StaffActor | PgoActor | CitizenActor | SystemActor;
