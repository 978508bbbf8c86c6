// Types for the few parts of oidc-provider (which ships none) that Entpoort uses. The
// configuration stays loosely typed here; src/dev/idp/provider.ts types the parts it sets.
// Whoever uses more of the library (e.g. interactions for a citizen login) adds it here.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type Configuration = Record<string, unknown>;

  export interface InteractionResults {
    [key: string]: unknown;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    /** Trust X-Forwarded-* headers (Koa's `proxy`). */
    proxy: boolean;
    /** A Node request listener: the whole provider as one (req, res) handler. */
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<unknown>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }

  type OidcError = new (description?: string, detail?: string) => Error;

  export const errors: {
    InvalidTarget: OidcError;
    InvalidRequest: OidcError;
    InvalidClient: OidcError;
  };
}
