/** The cluster bench's counting (bench/cluster/tally.ts): lost and duplicate entities. */
import { conversationOf, p99, tally } from '../../bench/cluster/tally';

describe('cluster bench tally', () => {
  it('reads the conversation number from a task title of this run only', () => {
    expect(conversationOf('Купить молоко 12', 'купить')).toBe(12);
    expect(conversationOf('r7 купить молоко 3', 'r7 купить')).toBe(3);
    expect(conversationOf('r8 купить молоко 3', 'r7 купить')).toBeUndefined();
    expect(conversationOf('купить хлеб 3', 'купить')).toBeUndefined();
  });

  it('counts an acknowledged conversation without a task as lost and a second task as a duplicate', () => {
    const conv = [1, 2, 3, 4].map((n) => ({ n, acknowledged: n !== 4 }));
    // 1 once, 2 twice, 3 missing (lost), 4 unacknowledged but created (not lost), plus a stranger's task.
    const titles = ['x купить молоко 1', 'x купить молоко 2', 'x купить молоко 2', 'x купить молоко 4', 'купить молоко 3'];
    expect(tally(conv, titles, 'x купить')).toEqual({ conversations: 4, confirmed: 3, created: 3, duplicates: 1, lost: 1 });
    expect(tally(conv.slice(0, 2), ['x купить молоко 1', 'x купить молоко 2'], 'x купить')).toEqual({ conversations: 2, confirmed: 2, created: 2, duplicates: 0, lost: 0 });
  });

  it('takes the nearest-rank 99th percentile', () => {
    expect(p99([])).toBe(0);
    expect(p99(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(99);
    expect(p99([5, 1, 1000])).toBe(1000);
  });
});
