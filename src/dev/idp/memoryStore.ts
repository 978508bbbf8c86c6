// Where the development identity provider keeps its state (sessions, interactions, grants):
// process memory, lost on restart. Staff access tokens are JWTs and need no storage, so they
// outlive a restart regardless. Chosen over oidc-provider's own memory adapter only so that
// its "MUST change" production warning does not appear on every development start.
//
// Known shortcoming: a citizen login (MedMij work) in progress is lost when the server restarts,
// and two replicas do not share it. A PostgreSQL-backed adapter would fix both; the dev IdP
// never runs in production, so it has not been needed.

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string };

interface Entry {
  payload: Payload;
  /** Epoch milliseconds; Infinity when oidc-provider gave no lifetime. */
  expiresAt: number;
}

export interface AdapterInstance {
  upsert(id: string, payload: Payload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<Payload | undefined>;
  findByUid(uid: string): Promise<Payload | undefined>;
  findByUserCode(userCode: string): Promise<Payload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

/** An oidc-provider adapter factory: `(modelName) => adapter`, all models in one store. */
export function createMemoryStore(): (model: string) => AdapterInstance {
  const entries = new Map<string, Entry>();
  let writes = 0;

  // Expired entries go when read, and in a sweep every hundred writes, so memory stays bounded.
  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
  };

  const live = (key: string): Payload | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) entries.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
  };
  const findBy = (model: string, field: 'uid' | 'userCode', value: string) => {
    for (const [key, entry] of entries) {
      if (key.startsWith(`${model}:`) && entry.payload[field] === value) return live(key);
    }
    return undefined;
  };

  return (model) => ({
    async upsert(id, payload, expiresIn) {
      const expiresAt = expiresIn === undefined ? Infinity : Date.now() + expiresIn * 1000;
      entries.set(`${model}:${id}`, { payload, expiresAt });
      if (++writes % 100 === 0) sweep();
    },
    async find(id) {
      return live(`${model}:${id}`);
    },
    async findByUid(uid) {
      return findBy(model, 'uid', uid);
    },
    async findByUserCode(userCode) {
      return findBy(model, 'userCode', userCode);
    },
    async consume(id) {
      const payload = live(`${model}:${id}`);
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    },
    async destroy(id) {
      entries.delete(`${model}:${id}`);
    },
    async revokeByGrantId(grantId) {
      for (const [key, entry] of entries) {
        if (entry.payload.grantId === grantId) entries.delete(key);
      }
    },
  });
}
