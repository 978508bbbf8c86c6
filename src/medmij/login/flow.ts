// What a BrowserSession's `flow` column holds, per purpose, checked when it is read back: the
// pending MedMij request, the step reached, and while DigiD is under way the broker state,
// nonce and PKCE verifier. Never a BSN: after login the session holds the citizen id only.
import { z } from 'zod';

const digidPending = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(43).max(128),
});
export type DigidPending = z.infer<typeof digidPending>;

const pendingAuthorization = z.object({
  clientId: z.string(),
  organisationName: z.string(),
  redirectUri: z.string(),
  scope: z.string(),
  requestedScope: z.string(),
  state: z.string().optional(),
  requestId: z.string(),
  correlationId: z.string(),
});

export const authorizeFlow = z.object({
  /** landing → digid (sent to the broker) → consent (logged in, available). */
  step: z.enum(['landing', 'digid', 'consent']),
  request: pendingAuthorization,
  digid: digidPending.optional(),
});
export type AuthorizeFlow = z.infer<typeof authorizeFlow>;

export const manageConsentsFlow = z.object({
  /** digid (sent to the broker) → ready (logged in). */
  step: z.enum(['digid', 'ready']),
  digid: digidPending.optional(),
});
export type ManageConsentsFlow = z.infer<typeof manageConsentsFlow>;

export const flowSchemas = {
  authorize: authorizeFlow,
  'manage-consents': manageConsentsFlow,
} as const;
export type Purpose = keyof typeof flowSchemas;
export type FlowOf<P extends Purpose> = z.infer<(typeof flowSchemas)[P]>;
