import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, paginate, type Sortable } from '../../sim/cloudshelf/pagination.js';

function item(seq: number, createdAt: number, updatedAt = createdAt): Sortable {
  return { seq, id: `gid://cloudshelf/Order/${seq}`, createdAt, updatedAt };
}

const items = [item(1, 300), item(2, 100), item(3, 200), item(4, 200), item(5, 500)];
const ids = (c: { edges: { node: Sortable }[] }) => c.edges.map((e) => e.node.seq);

describe('Cloudshelf sandbox pagination', () => {
  it('walks newest first with first/after and reports pageInfo and totalCount', () => {
    const sortBy = { createdAt: 'DESC' as const };
    const page1 = paginate(items, { first: 2, sortBy }, (x) => x);
    expect(ids(page1)).toEqual([5, 1]);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.totalCount).toBe(5);
    const page2 = paginate(items, { first: 2, after: page1.pageInfo.endCursor, sortBy }, (x) => x);
    // Equal createdAt: ties fall back to insertion order in the same direction.
    expect(ids(page2)).toEqual([4, 3]);
    const page3 = paginate(items, { first: 2, after: page2.pageInfo.endCursor, sortBy }, (x) => x);
    expect(ids(page3)).toEqual([2]);
    expect(page3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('defaults to oldest first and supports last/before', () => {
    expect(ids(paginate(items, {}, (x) => x))).toEqual([2, 3, 4, 1, 5]);
    const last2 = paginate(items, { last: 2 }, (x) => x);
    expect(ids(last2)).toEqual([1, 5]);
    expect(ids(paginate(items, { last: 2, before: last2.pageInfo.startCursor }, (x) => x))).toEqual([3, 4]);
  });

  it('keeps a cursor valid when the node it points at changes', () => {
    const live = items.map((x) => ({ ...x }));
    const page1 = paginate(live, { first: 2, sortBy: { updatedAt: 'ASC' } }, (x) => x);
    expect(ids(page1)).toEqual([2, 3]);
    // Item 2 is updated after page 1 was read: it moves to the end, nothing is skipped.
    const moved = live.find((x) => x.seq === 2);
    if (moved) moved.updatedAt = 900;
    const page2 = paginate(live, { first: 10, after: page1.pageInfo.endCursor, sortBy: { updatedAt: 'ASC' } }, (x) => x);
    expect(ids(page2)).toEqual([4, 1, 5, 2]);
  });

  it('caps an unbounded request at the default page size', () => {
    const many = Array.from({ length: DEFAULT_PAGE_SIZE + 5 }, (_, i) => item(i + 1, i));
    const page = paginate(many, {}, (x) => x);
    expect(page.edges).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses malformed cursors and negative sizes', () => {
    expect(() => paginate(items, { after: 'nonsense' }, (x) => x)).toThrow(GraphQLError);
    expect(() => paginate(items, { first: -1 }, (x) => x)).toThrow(/must not be negative/);
  });
});
