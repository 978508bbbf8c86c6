// The part of oidc-provider (v9, untyped JavaScript) the development broker uses, typed here.
// Loaded through a computed specifier so the type checker does not look for its declarations.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Interaction {
  uid: string;
  prompt: { name: string };
  params: Record<string, unknown>;
}

export interface ProviderGrant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}

export interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => ProviderGrant;
  on(event: string, listener: (...args: unknown[]) => void): void;
}

export type ProviderConstructor = new (
  issuer: string,
  configuration: Record<string, unknown>,
) => OidcProvider;

export async function loadOidcProvider(): Promise<ProviderConstructor> {
  const specifier = 'oidc-provider';
  const module = (await import(specifier)) as { default: ProviderConstructor };
  return module.default;
}
