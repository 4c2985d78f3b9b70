import { randomBytes } from 'node:crypto';
import type { KioskItem } from '../../../shared/kiosks-admin.js';
import type { Clock } from '../clock.js';
import type { AuditRepo } from '../db/audit-repo.js';
import type { KiosksRepo } from '../db/kiosks-repo.js';
import type { SalesRepo } from '../db/sales-repo.js';
import { dayOf, dayWindow } from '../reconcile/trading-day.js';
import { sha256Hex, type KioskIdentity } from './auth.js';

export interface ConfigKiosk {
  id: string;
  tokenSha256: string;
  name?: string | undefined;
}

export interface KioskDirectoryDeps {
  configKiosks: readonly ConfigKiosk[];
  repo: KiosksRepo;
  sales: SalesRepo;
  audit: AuditRepo;
  clock: Clock;
  /** The store's time zone: "sales today" is the store's day. */
  timeZone: string;
  /** Told when a kiosk is revoked, so its open event streams end too. */
  onRevoked?: (kioskId: string) => void;
}

export type EnrolResult = { ok: true; id: string; name: string; token: string } | { ok: false; reason: 'exists' };
export type RevokeResult = { ok: true; revokedAt: number } | { ok: false; reason: 'not_found' | 'in_config' };

/** 256 random bits, URL-safe, with a prefix that makes a leaked token recognisable in a scan. */
function newToken(): string {
  return `sbk_${randomBytes(32).toString('base64url')}`;
}

/**
 * Every kiosk allowed in: those in the configuration file and those enrolled from the staff
 * window. Tokens are looked up by their SHA-256 in memory, so enrolling and revoking take
 * effect on the next request without a restart.
 */
export class KioskDirectory {
  private readonly byHash = new Map<string, KioskIdentity>();
  private readonly lastSeen = new Map<string, number>();
  private readonly fromConfig: ReadonlySet<string>;

  constructor(private readonly deps: KioskDirectoryDeps) {
    this.fromConfig = new Set(deps.configKiosks.map((k) => k.id));
    for (const k of deps.configKiosks) this.byHash.set(k.tokenSha256, { id: k.id, name: k.name });
    for (const k of deps.repo.all()) {
      // A file kiosk wins over an enrolled one of the same id (IT's file is the authority).
      if (k.revokedAt === null && !this.fromConfig.has(k.id)) this.byHash.set(k.tokenSha256, { id: k.id, name: k.name });
    }
  }

  /**
   * The kiosk presenting `Authorization: Bearer <token>`, or null. A map lookup on the hash
   * leaks nothing useful by its timing: an attacker learns about hashes, not tokens.
   */
  identify(authorization: string | undefined): KioskIdentity | null {
    const match = /^Bearer ([^\s]+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return null;
    const kiosk = this.byHash.get(sha256Hex(match[1])) ?? null;
    if (kiosk) this.lastSeen.set(kiosk.id, this.deps.clock.now());
    return kiosk;
  }

  enrol(request: { id: string; name: string }): EnrolResult {
    const existing = this.deps.repo.get(request.id);
    if (this.fromConfig.has(request.id) || (existing && existing.revokedAt === null)) return { ok: false, reason: 'exists' };
    const token = newToken();
    const tokenSha256 = sha256Hex(token);
    const at = this.deps.clock.now();
    this.deps.repo.enrol({ id: request.id, name: request.name, tokenSha256, at });
    this.deps.audit.append({ at, actor: 'staff', action: 'kiosk_enrolled', subjectKind: 'kiosk', subjectRef: request.id, after: { name: request.name } });
    this.byHash.set(tokenSha256, { id: request.id, name: request.name });
    return { ok: true, id: request.id, name: request.name, token };
  }

  revoke(id: string): RevokeResult {
    if (this.fromConfig.has(id)) return { ok: false, reason: 'in_config' };
    const kiosk = this.deps.repo.get(id);
    const at = this.deps.clock.now();
    if (!kiosk || !this.deps.repo.revoke(id, at)) return { ok: false, reason: 'not_found' };
    this.byHash.delete(kiosk.tokenSha256);
    this.deps.audit.append({ at, actor: 'staff', action: 'kiosk_revoked', subjectKind: 'kiosk', subjectRef: id, before: { name: kiosk.name } });
    this.deps.onRevoked?.(id);
    return { ok: true, revokedAt: at };
  }

  /** Every kiosk that can post now, with its activity; never a token or a hash. */
  list(): KioskItem[] {
    const now = this.deps.clock.now();
    const todayStart = new Date(dayWindow(dayOf(now, this.deps.timeZone), this.deps.timeZone).start).toISOString();
    const item = (id: string, name: string | null, source: KioskItem['source'], enrolledAt: number | null): KioskItem => {
      const activity = this.deps.sales.kioskActivity(id, todayStart);
      const seen = this.lastSeen.get(id);
      return {
        id, name, source,
        enrolledAt: enrolledAt === null ? null : new Date(enrolledAt).toISOString(),
        lastSeenAt: seen === undefined ? activity.lastSaleAt : new Date(seen).toISOString(),
        salesToday: activity.salesToday,
      };
    };
    const items = this.deps.configKiosks.map((k) => item(k.id, k.name ?? null, 'config', null));
    for (const k of this.deps.repo.all()) {
      if (k.revokedAt === null && !this.fromConfig.has(k.id)) items.push(item(k.id, k.name, 'enrolled', k.enrolledAt));
    }
    return items.sort((a, b) => a.id.localeCompare(b.id));
  }
}
