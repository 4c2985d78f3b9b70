/**
 * Which input of a call a `userErrors` entry is about. Cloudshelf's messages start with the input
 * path (`input[3].displayName: ...`, `inputs[1].variants[0].currentPrice: ...`, or
 * `inputs[1].productId: ...` for a whole group of variants). No path: the error is about the call.
 */
export interface UserErrorTarget {
  /** Index in `input` / `inputs`. */
  index: number;
  /** Index in `inputs[index].variants`, or null when the error is about the whole entry. */
  variantIndex: number | null;
  /** The field named after the index, if any (`displayName`, `locationId`, ...). */
  field: string | null;
}

const PATH = /^\s*inputs?\[(\d+)\](?:\.variants\[(\d+)\])?(?:\.([A-Za-z_][A-Za-z0-9_]*))?/;

export function userErrorTarget(message: string): UserErrorTarget | null {
  const match = PATH.exec(message);
  if (!match?.[1]) return null;
  return {
    index: Number(match[1]),
    variantIndex: match[2] === undefined ? null : Number(match[2]),
    field: match[3] ?? null,
  };
}
