/**
 * The rows of the report. Stok.ly only knows payment method codes, so kiosk tenders are grouped
 * by the code they map to: tenders sharing a code cannot be told apart in Stok.ly and share a
 * row. A tender with no code, or a code no tender maps to, gets a row of its own.
 */

export interface TenderMappingEntry {
  method: number;
  ledger: string;
}

export interface TenderGroup {
  key: string;
  tenders: string[];
  method: number | null;
  ledger: string;
  /** What a person reading the row should know, or null. */
  note: string | null;
  /** How explaining lines name the row: the tender names, or the Stok.ly method. */
  label: string;
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];

export class TenderGroups {
  private readonly byKey = new Map<string, TenderGroup>();
  private readonly tenderKey = new Map<string, string>();
  private readonly configuredKeys: string[] = [];

  /**
   * @param configured tender names in configuration order
   * @param mapping tender → Stok.ly method and ledger label (undefined: not mapped)
   */
  constructor(configured: readonly string[], private readonly mapping: (tender: string) => TenderMappingEntry | undefined) {
    const byMethod = new Map<number, Array<{ tender: string; ledger: string }>>();
    for (const tender of configured) {
      const m = mapping(tender);
      if (!m) continue;
      const list = byMethod.get(m.method) ?? [];
      list.push({ tender, ledger: m.ledger });
      byMethod.set(m.method, list);
    }
    for (const [method, members] of byMethod) {
      const tenders = members.map((x) => x.tender);
      const group: TenderGroup = {
        key: `method:${method}`,
        tenders,
        method,
        ledger: unique(members.map((x) => x.ledger)).join(' / '),
        note: tenders.length > 1
          ? `${tenders.join(' and ')} share Stok.ly payment method ${method}, which cannot tell them apart: reported together`
          : null,
        label: tenders.join(' + '),
      };
      this.byKey.set(group.key, group);
      this.configuredKeys.push(group.key);
      for (const t of tenders) this.tenderKey.set(t, group.key);
    }
  }

  forTender(tender: string): TenderGroup {
    const known = this.tenderKey.get(tender);
    if (known) return this.byKey.get(known) as TenderGroup;
    const m = this.mapping(tender);
    if (m) {
      // Mapped outside the configuration's list (e.g. from the staff window): joins its method's row.
      const group = this.forMethod(m.method);
      if (group.tenders.length === 0) {
        group.ledger = m.ledger;
        group.note = null;
      } else {
        if (!group.ledger.split(' / ').includes(m.ledger)) group.ledger = `${group.ledger} / ${m.ledger}`;
        group.note = `${[...group.tenders, tender].join(' and ')} share Stok.ly payment method ${m.method}, which cannot tell them apart: reported together`;
      }
      group.tenders.push(tender);
      group.label = group.tenders.join(' + ');
      this.tenderKey.set(tender, group.key);
      return group;
    }
    const group: TenderGroup = {
      key: `tender:${tender}`,
      tenders: [tender],
      method: null,
      ledger: tender,
      note: `tender ${tender} has no Stok.ly payment method in the configuration`,
      label: tender,
    };
    this.byKey.set(group.key, group);
    this.tenderKey.set(tender, group.key);
    return group;
  }

  get(key: string): TenderGroup {
    const g = this.byKey.get(key);
    if (!g) throw new Error(`no tender row ${key}`);
    return g;
  }

  forMethod(method: number): TenderGroup {
    const key = `method:${method}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const group: TenderGroup = {
      key,
      tenders: [],
      method,
      ledger: `Stok.ly method ${method}`,
      note: `no tender in the configuration uses Stok.ly payment method ${method}`,
      label: `Stok.ly method ${method}`,
    };
    this.byKey.set(key, group);
    return group;
  }

  /** Configured rows first (configuration order), then rows found in the day's data, by key. */
  all(): TenderGroup[] {
    const configured = this.configuredKeys.map((k) => this.byKey.get(k) as TenderGroup);
    const rest = [...this.byKey.values()]
      .filter((g) => !this.configuredKeys.includes(g.key))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return [...configured, ...rest];
  }
}
