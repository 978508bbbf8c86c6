// Whether a redirect_uri belongs to the client (medmij-dva.md §3.1). MedMij gives no normative
// matching rule; practice asks for https, the client's host and no fragment. We compare the
// parsed host exactly with the OCL Hostname: a prefix test on the text would let
// https://medmij.pgo.example.nl.evil.tld through for medmij.pgo.example.nl.
import { InvalidRedirectUri } from '../errors.ts';

/** Printable ASCII without space: the URL parser silently drops tabs, newlines and spaces. */
const PRINTABLE = /^[\x21-\x7e]+$/;
const MAX_LENGTH = 2048;

/** The parsed redirect_uri, or InvalidRedirectUri (which is never redirected to). */
export function checkRedirectUri(raw: string | undefined, clientHostname: string): URL {
  if (raw === undefined || raw === '') {
    throw new InvalidRedirectUri('redirect_uri is required', 'redirect_uri_missing');
  }
  if (raw.length > MAX_LENGTH || !PRINTABLE.test(raw)) {
    throw new InvalidRedirectUri('redirect_uri is malformed', 'redirect_uri_malformed');
  }
  // RFC 6749 §3.1.2: the endpoint URI must not include a fragment component.
  if (raw.includes('#')) {
    throw new InvalidRedirectUri('redirect_uri must not have a fragment', 'redirect_uri_fragment');
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidRedirectUri('redirect_uri is malformed', 'redirect_uri_malformed');
  }
  if (url.protocol !== 'https:') {
    throw new InvalidRedirectUri('redirect_uri must use https', 'redirect_uri_scheme');
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidRedirectUri(
      'redirect_uri must not carry credentials',
      'redirect_uri_userinfo',
    );
  }
  // MedMij front-channel URIs carry no port; the OCL Hostname has none either.
  if (url.port !== '') {
    throw new InvalidRedirectUri('redirect_uri must not name a port', 'redirect_uri_port');
  }
  // The URL parser lower-cases the host; OCL Hostnames are lower case by their XSD pattern.
  if (url.hostname !== clientHostname.toLowerCase()) {
    throw new InvalidRedirectUri("redirect_uri is not the client's", 'redirect_uri_host');
  }
  return url;
}
