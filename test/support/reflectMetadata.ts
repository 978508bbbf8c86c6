// The few Reflect metadata functions tsyringe (a dependency of @peculiar/x509) insists on at
// load time, so tests need no `reflect-metadata` package. Import before @peculiar/x509.
const store = new WeakMap<object, Map<unknown, unknown>>();
const reflect = Reflect as unknown as Record<string, unknown>;

function metadataOf(target: object): Map<unknown, unknown> {
  let map = store.get(target);
  if (!map) store.set(target, (map = new Map()));
  return map;
}

reflect.getMetadata ??= (key: unknown, target: object) => metadataOf(target).get(key);
reflect.getOwnMetadata ??= (key: unknown, target: object) => metadataOf(target).get(key);
reflect.hasMetadata ??= (key: unknown, target: object) => metadataOf(target).has(key);
reflect.defineMetadata ??= (key: unknown, value: unknown, target: object) => {
  metadataOf(target).set(key, value);
};
reflect.metadata ??= (key: unknown, value: unknown) => (target: object) => {
  metadataOf(target).set(key, value);
};
