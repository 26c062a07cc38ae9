import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';

/** OWASP's argon2id baseline (m=19 MiB, t=2, p=1). */
// `algorithm: 2` is Argon2id (the package exports it as an ambient const enum).
const argonOptions = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

/** Verifies a password against an argon2id hash; false on any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash computed once so that unknown e-mail addresses take as long as known ones. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('koop-timing-equaliser');
  return dummyHash;
}

/** A random, URL-safe token with 256 bits of entropy. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a high-entropy token; tokens are stored only as this hash. */
export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

/** Constant-time comparison of two strings. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function keyFrom(secret: string): Buffer {
  return crypto.createHash('sha256').update(`koop-totp:${secret}`).digest();
}

/** Encrypts a TOTP secret at rest with AES-256-GCM under the installation secret. */
export function sealSecret(plain: string, secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    data.toString('base64url'),
  ].join('.');
}

/** Decrypts what `sealSecret` produced. */
export function openSecret(sealed: string, secret: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown sealed secret format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** A new base32 TOTP secret (160 bits, RFC 4226's recommendation). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(base32: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Koop',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(base32),
  });
}

/** The otpauth:// URI authenticator apps scan. */
export function totpUri(base32: string, label: string): string {
  return totpFor(base32, label).toString();
}

const totpPeriodMs = 30_000;

/**
 * Checks a 6-digit code, allowing one step of clock drift either way, and returns the time
 * step it belongs to (or null). Callers accept a step only once, so a code cannot be replayed.
 */
export function verifyTotp(base32: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(base32, 'koop').validate({
    token: code.replace(/\s/g, ''),
    window: 1,
    timestamp: now,
  });
  return delta === null ? null : Math.floor(now / totpPeriodMs) + delta;
}

/** The code of a secret for now, or `stepOffset` periods later; used by tests. */
export function currentTotp(base32: string, stepOffset = 0): string {
  return totpFor(base32, 'koop').generate({ timestamp: Date.now() + stepOffset * totpPeriodMs });
}

/** Ten recovery codes like "7KQ4-M2XD-9PTA". */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: count }, () => {
    const bytes = crypto.randomBytes(12);
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Recovery codes are compared case- and dash-insensitively. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
