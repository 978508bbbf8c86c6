// What every grant handler gets: the store, the authenticated client, the request's MedMij ids
// and the settings. One request's worth of plain data, built in handleTokenRequest.ts.
import type { OAuthClient } from '../lists/oauthClientList.ts';
import type { Prisma, PrismaClient } from '../../store/generated/client.ts';
import type { MedmijIds } from './medmijIds.ts';

export type Store = PrismaClient | Prisma.TransactionClient;
export type Transaction = Prisma.TransactionClient;

export interface TokenSettings {
  /** Months a refresh token (and its long-term grant) lives after its last use. */
  refreshMonths: number;
  /** The Gegevensdienst the client's OCL entry must list (AS 2.2.0). */
  serviceId: string;
  /** Audit chains to spread entries over (AUDIT_CHAINS). */
  auditChains: number;
}

export interface TokenContext {
  prisma: PrismaClient;
  /** The client authenticated by its certificate; its Hostname is the client_id. */
  client: OAuthClient;
  ids: MedmijIds;
  now: Date;
  settings: TokenSettings;
}

/** What a successful grant hands to the response (tokenResponse.ts). */
export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  scope: string;
  /** Only under long-term consent. */
  refreshToken?: string;
  grantId: string;
  citizenId: string;
}
