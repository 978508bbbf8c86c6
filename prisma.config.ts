// Prisma CLI configuration. Entpoort applies migrations with its own runner (src/store), so the
// CLI needs only the schema; DATABASE_URL is read for `prisma migrate deploy` where the schema
// engine is installed.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/entpoort' },
});
