import { tenderMapping, type Config } from './config.js';

export interface TenderMapping {
  method: number;
  ledger: string;
}

/** Where tenders mapped from the staff window are read (MappingsRepo). */
export interface StaffTenderMappings {
  tender(tender: string): { method: number; ledger: string | null } | undefined;
}

/** One answer to "how is this tender posted?", for sending, flags, exceptions and reconciliation alike. */
export interface TenderResolver {
  /** The Stok.ly payment method and ledger label, or undefined while nobody has mapped it. */
  mapping(tender: string): TenderMapping | undefined;
  method(tender: string): number | undefined;
  isMapped(tender: string): boolean;
}

/**
 * The configuration is IT's; a tender mapped from the staff window fills a gap, never overrides
 * it. A staff mapping without a ledger label counts under the tender's own name.
 */
export function tenderResolver(config: Pick<Config, 'tenders'>, staff: StaffTenderMappings): TenderResolver {
  const mapping = (tender: string): TenderMapping | undefined => {
    const fromConfig = tenderMapping(config, tender);
    if (fromConfig) return fromConfig;
    const mapped = staff.tender(tender);
    return mapped ? { method: mapped.method, ledger: mapped.ledger ?? tender } : undefined;
  };
  return {
    mapping,
    method: (tender) => mapping(tender)?.method,
    isMapped: (tender) => mapping(tender) !== undefined,
  };
}
