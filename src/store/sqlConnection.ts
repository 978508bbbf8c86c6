// The few raw SQL operations Entpoort needs outside Prisma, over either database.
export interface SqlConnection {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs one or more statements without parameters. */
  exec(text: string): Promise<void>;
  /** The underlying pg.PoolClient or PGlite instance, for COPY and other driver specifics. */
  raw: unknown;
}
