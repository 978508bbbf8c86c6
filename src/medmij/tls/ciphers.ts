// The TLS parameters every listener uses: versions and algorithms rated "good" by the NCSC TLS
// guidelines (v2.1), as MedMij requires (core.tls.300–304). TLS 1.2 is the floor, TLS 1.3 is
// offered and preferred (OpenSSL picks the highest common version).
import type { SecureContextOptions, TlsOptions } from 'node:tls';

/**
 * TLS 1.3 suites first, then TLS 1.2 with forward secrecy (ECDHE) and AEAD only. Left out on
 * purpose: CBC suites and DHE (NCSC "sufficient" at best), RSA key exchange ("phase out").
 */
export const NCSC_GOOD_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-RSA-AES128-GCM-SHA256',
].join(':');

/** Key-exchange groups the NCSC rates "good". */
export const NCSC_GOOD_GROUPS = 'X25519:P-256:P-384:X448';

export const tlsBaseOptions: TlsOptions & SecureContextOptions = {
  minVersion: 'TLSv1.2',
  ciphers: NCSC_GOOD_CIPHERS,
  ecdhCurve: NCSC_GOOD_GROUPS,
  // The server's order wins, so a client offering weaker suites first still gets a good one.
  honorCipherOrder: true,
};
