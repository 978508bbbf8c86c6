// `entpoort dev-token --bsn <bsn> [--client <hostname>]`: mints a PGO access token for a
// citizen without the OAuth dance, for trying the FHIR API with curl. Prints only the token.
import { parseArgs } from 'node:util';
import { issueAccessToken } from '../../auth/pgoTokens.ts';
import { isValidBsn } from '../../rules/bsn.ts';
import { UsageError } from '../usageError.ts';
import type { Command } from './index.ts';
import { withMigratedDatabase } from './migratedDatabase.ts';

const DEV_PGO_HOSTNAME = 'medmij.pgo.example';
const DEV_PGO_NAME = 'Voorbeeld PGO';
/** Our MedMij scope: the provider's MedMij name without `@medmij`. */
const SCOPE = 'rivm';
const hostname =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

export const devTokenCommand: Command = {
  summary: 'mint a PGO access token: --bsn <bsn> [--client <hostname>]',
  devOnly: true,
  async run(args, config) {
    const { bsn, client } = parseOptions(args);
    const issued = await withMigratedDatabase(config, async ({ prisma }) => {
      const citizen = await prisma.citizen.findUnique({ where: { bsn }, select: { id: true } });
      // The message names no BSN: personal data stays out of terminals' scrollback and logs.
      if (!citizen) {
        throw new Error('no citizen with that BSN (try `entpoort seed`, `entpoort demo-citizens`)');
      }
      const pgo = await prisma.pgoClient.upsert({
        where: { hostname: client },
        create: { hostname: client, organisationName: DEV_PGO_NAME },
        update: {},
      });
      return issueAccessToken(prisma, { citizenId: citizen.id, clientId: pgo.id, scope: SCOPE });
    });
    const until = issued.expiresAt.toISOString();
    console.error(`access token for PGO ${client}, scope ${SCOPE}, valid until ${until}`);
    console.log(issued.token);
    return 0;
  },
};

function parseOptions(args: string[]): { bsn: string; client: string } {
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
  if (values.bsn === undefined) throw new UsageError('--bsn <bsn> is required');
  if (!isValidBsn(values.bsn))
    throw new UsageError('--bsn: not a valid BSN (nine digits, 11-test)');
  const client = (values.client ?? DEV_PGO_HOSTNAME).toLowerCase();
  if (!hostname.test(client)) throw new UsageError('--client: not a hostname');
  return { bsn: values.bsn, client };
}
