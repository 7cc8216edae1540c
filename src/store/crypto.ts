/**
 * Encryption at rest for OAuth tokens, and keyed hashes for values that must be compared but
 * never stored in the clear (the current refresh token for compare-and-swap, linking codes).
 *
 * The configured key is high-entropy (32+ characters, or 32 random bytes generated into
 * DATA_DIR), so HKDF-SHA256 is the right derivation: it separates one sub-key per purpose
 * without the cost of a password hash. Ciphertext format: `v1.` + base64url(iv | tag | data),
 * AES-256-GCM with a random 96-bit IV per value. The associated data binds a ciphertext to its
 * row and column, so a value copied into another portal's row does not decrypt.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** The stored data was written with another key, or was altered. */
export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptionKeyError';
  }
}

const SALT = 'b24-assistant/store';
const FORMAT = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Minimum length of a configured key, as src/config.ts enforces for ENCRYPTION_KEY. */
export const MIN_KEY_LENGTH = 32;

function subKey(key: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(key, 'utf8'), SALT, purpose, 32));
}

export interface Cipher {
  encrypt(plain: string, context: string): string;
  /** Throws EncryptionKeyError when the key is wrong or the value was tampered with. */
  decrypt(sealed: string, context: string): string;
  /** Keyed hash (HMAC-SHA256, hex) for equality checks without storing the value. */
  mac(value: string, context: string): string;
}

export function createCipher(key: string): Cipher {
  if (typeof key !== 'string' || key.length < MIN_KEY_LENGTH) {
    throw new EncryptionKeyError(`encryption key must be at least ${MIN_KEY_LENGTH} characters`);
  }
  const encKey = subKey(key, 'token-encryption v1');
  const macKey = subKey(key, 'token-mac v1');
  return {
    encrypt(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      c.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return FORMAT + Buffer.concat([iv, c.getAuthTag(), data]).toString('base64url');
    },
    decrypt(sealed, context) {
      if (typeof sealed !== 'string' || !sealed.startsWith(FORMAT)) {
        throw new EncryptionKeyError(`stored value for ${context} is not in the encrypted format`);
      }
      const raw = Buffer.from(sealed.slice(FORMAT.length), 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new EncryptionKeyError(`stored value for ${context} is truncated`);
      try {
        const d = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, IV_BYTES));
        d.setAAD(Buffer.from(context, 'utf8'));
        d.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([d.update(raw.subarray(IV_BYTES + TAG_BYTES)), d.final()]).toString('utf8');
      } catch {
        throw new EncryptionKeyError(
          `cannot decrypt ${context}: the encryption key (ENCRYPTION_KEY or DATA_DIR/secret.key) is not the one the data was written with`,
        );
      }
    },
    mac(value, context) {
      return createHmac('sha256', macKey).update(context).update('\0').update(value).digest('hex');
    },
  };
}

/**
 * Hash for one-time linking codes: HMAC with a key derived from the encryption key, so a
 * leaked database does not let anyone enumerate the (short) codes offline.
 */
export function createCodeHasher(key: string): (code: string) => string {
  const k = subKey(key, 'link-code v1');
  return (code) => createHmac('sha256', k).update(code.replace(/\s+/g, '')).digest('hex');
}

/** Constant-time comparison of two strings (e.g. an event's application_token with the stored one). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The value encrypted into each database as a canary: on open, a wrong key fails here, not on first use. */
export const KEY_CHECK_PLAINTEXT = 'b24-assistant key check';
export const KEY_CHECK_CONTEXT = 'store_meta:key_check';

/** Verify (or, on a fresh database, create) the canary; throws EncryptionKeyError on a wrong key. */
export async function checkKey(
  cipher: Cipher,
  read: () => Promise<string | null>,
  /** Insert the canary unless one exists. */
  write: (sealed: string) => Promise<void>,
): Promise<void> {
  let sealed = await read();
  if (sealed === null) {
    // `write` inserts only when absent: two processes opening a fresh database agree on one canary.
    await write(cipher.encrypt(KEY_CHECK_PLAINTEXT, KEY_CHECK_CONTEXT));
    sealed = await read();
    if (sealed === null) throw new EncryptionKeyError('could not record the key check value');
  }
  let plain: string;
  try {
    plain = cipher.decrypt(sealed, KEY_CHECK_CONTEXT);
  } catch {
    throw new EncryptionKeyError(
      'the encryption key does not match this database: set ENCRYPTION_KEY (or restore DATA_DIR/secret.key) to the key it was created with',
    );
  }
  if (plain !== KEY_CHECK_PLAINTEXT) throw new EncryptionKeyError('the key check value in this database is corrupt');
}
