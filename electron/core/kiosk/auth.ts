import { createHash } from 'node:crypto';

export interface KioskIdentity {
  id: string;
  name?: string | undefined;
}

export function sha256Hex(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

