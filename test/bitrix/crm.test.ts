import { openRecordIds } from '../../src/bitrix/crm';
import type { BitrixCaller } from '../../src/bitrix/client';

/** A portal answering crm.item.list with the items whose stage semantics match the filter. */
function portal(items: { id: number; stageSemanticId: string }[]) {
  const asked: [string, Record<string, unknown>][] = [];
  const c = {
    memberId: 'm1',
    async callPage(method: string, params: Record<string, unknown>) {
      asked.push([method, params]);
      const f = params.filter as Record<string, unknown>;
      const rows = items.filter((i) => i.stageSemanticId === f.stageSemanticId).sort((a, b) => a.id - b.id);
      return { result: { items: rows.map((r) => ({ id: String(r.id) })) } };
    },
  } as unknown as BitrixCaller;
  return { c, asked };
}

describe('openRecordIds', () => {
  const items = [
    { id: 9, stageSemanticId: 'P' },
    { id: 3, stageSemanticId: 'S' },
    { id: 4, stageSemanticId: 'P' },
    { id: 5, stageSemanticId: 'F' },
    { id: 7, stageSemanticId: 'P' },
  ];

  it('lists the oldest records still in progress (neither won nor lost), as numbers, up to the limit', async () => {
    const { c, asked } = portal(items);
    expect(await openRecordIds(c, 'lead', 2)).toEqual([4, 7]);
    expect(asked).toEqual([['crm.item.list', expect.objectContaining({ entityTypeId: 1, select: ['id'], order: { id: 'ASC' } })]]);
  });

  it('asks for deals by their own entity type', async () => {
    const { c, asked } = portal(items);
    expect(await openRecordIds(c, 'deal', 5)).toEqual([4, 7, 9]);
    expect(asked[0]![1]).toMatchObject({ entityTypeId: 2, filter: { stageSemanticId: 'P' } });
  });
});
