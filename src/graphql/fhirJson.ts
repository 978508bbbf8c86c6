// Reads the FHIR-shaped JSON columns (Coding, Address[], ContactPoint[]) into the SDL's types.
// The importers write these columns; anything malformed is left out rather than failing a
// whole response, since the SDL marks system/code and system/value as required.
import type { Address, Coding, ContactPoint } from './generated/resolvers.ts';

type Json = unknown;

function record(value: Json): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function list(value: Json): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function toCoding(value: Json): Coding | null {
  const c = record(value);
  const system = text(c?.system);
  const code = text(c?.code);
  if (!c || !system || !code) return null;
  return { system, code, display: text(c.display) };
}

export function toCodings(value: Json): Coding[] {
  return list(value).flatMap((v) => toCoding(v) ?? []);
}

export function toAddresses(value: Json): Address[] {
  return list(value).flatMap((v) => {
    const a = record(v);
    if (!a) return [];
    return {
      use: text(a.use),
      type: text(a.type),
      line: list(a.line).flatMap((l) => text(l) ?? []),
      city: text(a.city),
      postalCode: text(a.postalCode),
      country: text(a.country),
    };
  });
}

export function toContactPoints(value: Json): ContactPoint[] {
  return list(value).flatMap((v) => {
    const p = record(v);
    const system = text(p?.system);
    const content = text(p?.value);
    return p && system && content ? { system, value: content, use: text(p.use) } : [];
  });
}
