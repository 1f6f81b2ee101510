/**
 * The door of `club-pulse dev`: which requests the local server answers. Any page open in the
 * user's browser can send requests to 127.0.0.1, and a DNS-rebinding page can even make them look
 * same-origin; so a request is served only when
 * - its Host is the server's own (127.0.0.1 or localhost on its port: defeats DNS rebinding),
 * - a call (POST) comes from the server's own Origin, as JSON, under the body limit,
 * - it carries the per-session token that only the server's own pages hold (a foreign page can
 *   neither read those pages nor guess the token),
 * - and a call names an endpoint of the sidebar (the build's list), nothing else of the bundle.
 * See SECURITY.md for the threat model.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Large enough for an import file sent as JSON text (a HelloAsso export of years is a few MB). */
export const BODY_LIMIT_BYTES = 20 * 1024 * 1024;
export const TOKEN_HEADER = 'x-club-pulse-token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export interface Refusal {
  status: number;
  message: string;
}

/** The hosts the server answers to: its own address and port, nothing else. */
function ownHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkHost(headers: IncomingHttpHeaders, port: number): Refusal | null {
  const host = (headers.host ?? '').toLowerCase();
  return ownHosts(port).has(host) ? null : { status: 421, message: 'Unknown host.' };
}

/** A same-origin call from the server's own pages (browsers send Origin on every POST). */
export function checkOrigin(headers: IncomingHttpHeaders, port: number): Refusal | null {
  const origin = (headers.origin ?? '').toLowerCase();
  const own = [...ownHosts(port)].map((h) => `http://${h}`);
  return own.includes(origin) ? null : { status: 403, message: 'Cross-origin request refused.' };
}

export function checkToken(given: string | null | undefined, token: string): Refusal | null {
  return given === token ? null : { status: 403, message: 'Missing or wrong session token.' };
}

export function checkJson(headers: IncomingHttpHeaders): Refusal | null {
  const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' ? null : { status: 415, message: 'Only application/json is accepted.' };
}

/** The sentence shown in the sidebar when a file is too large for the local server. */
export function tooLarge(lang: 'fr' | 'en'): Refusal {
  const mb = BODY_LIMIT_BYTES / 1024 / 1024;
  return {
    status: 413,
    message:
      lang === 'fr'
        ? `Le fichier est trop volumineux pour le serveur local (plus de ${mb} Mo). Importez-le avec la commande club-pulse import.`
        : `The file is too large for the local server (over ${mb} MB). Import it with the club-pulse import command.`,
  };
}

/** A call the sidebar may make: a name of the endpoint list and an array of arguments. */
export function parseCall(
  body: string,
  endpoints: ReadonlySet<string>,
): { name: string; args: unknown[] } | Refusal {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { status: 400, message: 'The body is not JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { status: 400, message: 'Expected {name, args}.' };
  const { name, args } = parsed as { name?: unknown; args?: unknown };
  if (typeof name !== 'string' || !endpoints.has(name)) return { status: 404, message: 'No such endpoint.' };
  if (args !== undefined && !Array.isArray(args)) return { status: 400, message: 'args must be an array.' };
  return { name, args: (args as unknown[] | undefined) ?? [] };
}

/** Reads a request body, stopping (false) as soon as it passes the limit. */
export async function readLimitedBody(
  stream: AsyncIterable<unknown>,
  limit = BODY_LIMIT_BYTES,
): Promise<string | false> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) return false;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
