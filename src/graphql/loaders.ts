// PLACEHOLDER: per-request DataLoaders, filled in with the GraphQL core.
export type Loaders = Record<string, never>;
