/** A mistyped command line: shown as its message alone, without a stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `--name value` and `--flag` after the benchmark's name; nothing clever. */
export class Flags {
  private readonly values = new Map<string, string | true>();

  constructor(argv: readonly string[]) {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}" (flags look like --sales 5000)`);
      const eq = arg.indexOf('=');
      if (eq > 0) {
        this.values.set(arg.slice(2, eq), arg.slice(eq + 1));
        continue;
      }
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        this.values.set(arg.slice(2), next);
        i++;
      } else {
        this.values.set(arg.slice(2), true);
      }
    }
  }

  number(name: string, fallback: number): number {
    const v = this.values.get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (v === true || !Number.isFinite(n)) throw new UsageError(`--${name} needs a number`);
    return n;
  }

  string(name: string, fallback: string): string {
    const v = this.values.get(name);
    if (v === undefined) return fallback;
    if (v === true) throw new UsageError(`--${name} needs a value`);
    return v;
  }

  numbers(name: string, fallback: number[]): number[] {
    const v = this.values.get(name);
    if (v === undefined) return fallback;
    if (v === true) throw new UsageError(`--${name} needs a comma-separated list of numbers`);
    const list = v.split(',').map(Number);
    if (list.some((n) => !Number.isFinite(n) || n <= 0)) throw new UsageError(`--${name}: "${v}" is not a list of positive numbers`);
    return list;
  }

  /** Names given that the benchmark did not read: a typo should not pass silently. */
  assertKnown(known: readonly string[]): void {
    const unknown = [...this.values.keys()].filter((k) => !known.includes(k));
    if (unknown.length) throw new UsageError(`unknown flag(s): ${unknown.map((k) => `--${k}`).join(', ')}; known: ${known.map((k) => `--${k}`).join(', ')}`);
  }
}
