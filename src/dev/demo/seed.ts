// PLACEHOLDER until the demo data lands.
import type { PrismaClient } from '../../store/generated/client.ts';

export async function seedDemoDataIfEmpty(
  _prisma: PrismaClient,
): Promise<{ citizens: number } | null> {
  return null;
}
