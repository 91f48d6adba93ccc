import argon2 from 'argon2';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export type Argon2Params = Config['argon2'];

export function hashPassword(params: Argon2Params, password: string): Promise<string> {
  return argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: params.memoryKiB,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
  });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// A hash of a random password, so that an unknown e-mail costs as much time as a wrong password.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(params: Argon2Params): Promise<string> {
  dummyHash ??= hashPassword(params, `dummy-${Math.random()}`);
  return dummyHash;
}

export function assertPasswordAcceptable(password: string, email: string): void {
  const lowered = password.toLowerCase();
  if ([...password].length < MIN_PASSWORD_LENGTH || lowered === email.toLowerCase() || lowered === email.split('@')[0]?.toLowerCase()) {
    throw new AppError('weak_password', { min: MIN_PASSWORD_LENGTH });
  }
}
