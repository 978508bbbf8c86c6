// `entpoort dev-token --bsn <bsn> [--client <hostname>]`: mints a PGO access token for a
// citizen without the OAuth dance, for trying the FHIR API with curl. Prints only the token.
// When a running server holds the embedded database (which no second process may open), the
// server mints it: the command presents the key that server left in DATA_DIR.
import { parseArgs } from 'node:util';
import type { Config } from '../../config/config.ts';
import { readDevTokenKey } from '../../dev/tokens/key.ts';
import {
  devTokenRequest,
  mintDevToken,
  type DevToken,
  type DevTokenRequest,
} from '../../dev/tokens/mint.ts';
import { DEV_TOKENS_PATH } from '../../dev/tokens/plugin.ts';
import { embeddedDatabaseHolder } from '../../store/embeddedLock.ts';
import { UsageError } from '../usageError.ts';
import type { Command } from './index.ts';
import { withMigratedDatabase } from './migratedDatabase.ts';

// The message names no BSN: personal data stays out of terminals' scrollback and logs.
const noSuchCitizen = 'no citizen with that BSN (try `entpoort seed`, `entpoort demo-citizens`)';

export const devTokenCommand: Command = {
  summary: 'mint a PGO access token: --bsn <bsn> [--client <hostname>]',
  devOnly: true,
  async run(args, config) {
    const request = parseOptions(args);
    const embedded = !config.DATABASE_URL && !config.DATA_DIR.startsWith('memory://');
    const holder = embedded ? await embeddedDatabaseHolder(config.DATA_DIR) : undefined;
    const issued =
      holder === undefined
        ? await withMigratedDatabase(config, async ({ prisma }) => mintDevToken(prisma, request))
        : await askServer(config, request, holder);
    if (!issued) throw new Error(noSuchCitizen);
    const until = issued.expiresAt.toISOString();
    console.error(
      `access token for PGO ${issued.client}, scope ${issued.scope}, valid until ${until}`,
    );
    console.log(issued.token);
    return 0;
  },
};

function parseOptions(args: string[]): DevTokenRequest {
  let values: { bsn?: string | undefined; client?: string | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: { bsn: { type: 'string' }, client: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const request = devTokenRequest(values.bsn, values.client);
  if (typeof request === 'string') throw new UsageError(request);
  return request;
}

async function askServer(config: Config, request: DevTokenRequest, holder: number) {
  const key = await readDevTokenKey(config.DATA_DIR);
  const url = `${config.publicBaseUrl}${DEV_TOKENS_PATH}`;
  const unreachable = (why: string) =>
    new Error(
      `the embedded database in ${config.DATA_DIR} is held by process ${holder}, and the ` +
        `server at ${config.publicBaseUrl} ${why} (is \`entpoort serve\` running there, with ` +
        'the same DATA_DIR and PUBLIC_BASE_URL?)',
    );
  if (!key) throw unreachable('left no key in DATA_DIR');
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw unreachable(`does not answer: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, string>;
  if (response.status === 404 && body.error === 'unknown_citizen') return undefined;
  if (response.status !== 201) {
    throw unreachable(`refused the request: ${response.status} ${body.message ?? ''}`.trim());
  }
  const { token, client, scope, expiresAt } = body;
  if (!token || !client || !scope || !expiresAt) throw unreachable('answered without a token');
  return { token, client, scope, expiresAt: new Date(expiresAt) } satisfies DevToken;
}
