import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';

export interface RequestLogEntry {
  /**
   * The root fields the request asked for, e.g. ['upsertStockLevels'] or ['orders'] — what the
   * client did, whatever it named its operation. Empty when the body held no parsable document.
   */
  operationNames: string[];
  /** The GraphQL operation name the client sent or declared, if any. */
  operationName: string | null;
  /** HTTP status sent, or 'dropped' when an outage destroyed the socket. */
  status: number | 'dropped';
  /** Arrival time on the sandbox clock (epoch ms). */
  at: number;
}

function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, seen: Set<string>): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(document, selection.selectionSet, seen);
    const name = selection.name.value;
    if (seen.has(name)) return [];
    seen.add(name);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
    return fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootFields(document, fragment.selectionSet, seen) : [];
  });
}

/** Describe a GraphQL request body (`{query, operationName}`) for the request log. */
export function describeRequest(body: unknown): Pick<RequestLogEntry, 'operationNames' | 'operationName'> {
  if (typeof body !== 'object' || body === null || !('query' in body) || typeof body.query !== 'string') {
    return { operationNames: [], operationName: null };
  }
  const requested = 'operationName' in body && typeof body.operationName === 'string' ? body.operationName : null;
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch {
    return { operationNames: [], operationName: requested };
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = requested === null ? operations[0] : operations.find((o) => o.name?.value === requested);
  if (!operation) return { operationNames: [], operationName: requested };
  return {
    operationNames: [...new Set(rootFields(document, operation.selectionSet, new Set()))],
    operationName: requested ?? operation.name?.value ?? null,
  };
}
