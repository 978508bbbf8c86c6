// From the BSN DigiD gave us to our internal citizen id. The BSN is used for this one lookup
// and goes nowhere else: sessions, logs and audit entries hold the citizen id.
import type { PrismaClient } from '../../store/generated/client.ts';

export async function citizenIdByBsn(prisma: PrismaClient, bsn: string): Promise<string | null> {
  const row = await prisma.citizen.findUnique({ where: { bsn }, select: { id: true } });
  return row?.id ?? null;
}
