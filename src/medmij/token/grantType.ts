// Step 3 of the token checks: which grant. MedMij knows the authorization code grant and the
// refresh token grant; MGO sends `refresh_code` for the latter, accepted as an alias and logged
// by the caller (medmij-dva.md §7 and §17).
import { InvalidRequest, UnsupportedGrantType } from './errors.ts';

export type GrantType = 'authorization_code' | 'refresh_token';

export interface ResolvedGrantType {
  grantType: GrantType;
  /** The non-standard name the client sent, if any. */
  alias?: 'refresh_code';
}

export function resolveGrantType(value: string | undefined): ResolvedGrantType {
  switch (value) {
    case undefined:
      throw new InvalidRequest('grant_type is required');
    case 'authorization_code':
    case 'refresh_token':
      return { grantType: value };
    case 'refresh_code':
      return { grantType: 'refresh_token', alias: 'refresh_code' };
    default:
      throw new UnsupportedGrantType('grant_type must be authorization_code or refresh_token');
  }
}
