import type { BitrixCaller } from '../../src/bitrix/client';
import { BitrixApiError } from '../../src/bitrix/errors';
import { ensurePlacements } from '../../src/bitrix/placements';

const SPECS = [
  { placement: 'CRM_LEAD_DETAIL_TAB', handler: '/app/card/lead', title: { ru: 'AI-прогноз', en: 'AI forecast' } },
  { placement: 'CRM_DEAL_DETAIL_TAB', handler: '/app/card/deal', title: { ru: 'AI-прогноз', en: 'AI forecast' } },
];

/** A portal's placement table behind `call`, recording the writes. */
function portal(bound: { placement: string; handler: string }[], failBind?: string) {
  const writes: string[] = [];
  const caller = {
    memberId: 'm',
    async call(method: string, params: Record<string, unknown> = {}) {
      if (method === 'placement.get') return bound.map((b) => ({ ...b, title: '', options: [] }));
      writes.push(`${method} ${params.PLACEMENT} ${params.HANDLER}`);
      if (method === 'placement.unbind') {
        bound = bound.filter((b) => !(b.placement === params.PLACEMENT && b.handler === params.HANDLER));
        return { count: 1 };
      }
      if (method === 'placement.bind') {
        if (failBind) throw new BitrixApiError({ method, code: failBind, status: 400 });
        bound.push({ placement: String(params.PLACEMENT), handler: String(params.HANDLER) });
        return true;
      }
      throw new Error(`unexpected ${method}`);
    },
  } as unknown as BitrixCaller;
  return { caller, writes, bound: () => bound };
}

describe('ensurePlacements', () => {
  it('binds missing tabs, keeps current ones, and re-points stale ones to the new URL', async () => {
    const p = portal([
      { placement: 'CRM_LEAD_DETAIL_TAB', handler: 'https://new.example/app/card/lead' },
      { placement: 'CRM_DEAL_DETAIL_TAB', handler: 'https://old.example/app/card/deal' },
    ]);
    const changes = await ensurePlacements(p.caller, 'https://new.example/', SPECS);
    expect(changes.map((c) => `${c.placement}:${c.action}`)).toEqual(['CRM_LEAD_DETAIL_TAB:kept', 'CRM_DEAL_DETAIL_TAB:rebound']);
    expect(p.writes).toEqual(['placement.unbind CRM_DEAL_DETAIL_TAB https://old.example/app/card/deal', 'placement.bind CRM_DEAL_DETAIL_TAB https://new.example/app/card/deal']);
    expect(p.bound().map((b) => b.handler).sort()).toEqual(['https://new.example/app/card/deal', 'https://new.example/app/card/lead']);
    // Nothing left to do the second time.
    p.writes.length = 0;
    await ensurePlacements(p.caller, 'https://new.example', SPECS);
    expect(p.writes).toEqual([]);
  });

  it('takes "handler exists" from a racing start as done, and passes other portal errors on', async () => {
    await expect(ensurePlacements(portal([], 'ERROR_PLACEMENT_HANDLER_EXISTS').caller, 'https://a.example', SPECS)).resolves.toHaveLength(2);
    await expect(ensurePlacements(portal([], 'ACCESS_DENIED').caller, 'https://a.example', SPECS)).rejects.toThrow(/ACCESS_DENIED/);
  });
});
