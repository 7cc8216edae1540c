import { hotRecordCheck } from '../../src/scoring/hot-record';
import type { LeadScoreAnswer, PortalActions } from '../../src/dialog/types';
import { createMemoryStore } from '../../src/store/memory';

describe('hotRecordCheck', () => {
  const setUp = async (answer: Partial<LeadScoreAnswer>, opts: { model?: boolean; installedBy?: number } = {}) => {
    const store = createMemoryStore();
    await store.installs.save({
      memberId: 'm1', domain: 'p.bitrix24.ru', clientEndpoint: 'https://p.bitrix24.ru/rest/', serverEndpoint: 'https://oauth.bitrix.info/rest/',
      scope: 'crm', accessToken: 'a', refreshToken: 'r', expiresAt: 1, applicationToken: 't', installedAt: 1, updatedAt: 1,
      ...(opts.installedBy ? { installedBy: opts.installedBy } : {}),
    });
    if (opts.model !== false) await store.models.save({ memberId: 'm1', entity: 'deal', trainedAt: 1, nextTrainingAt: 2, meta: {}, payload: {} });
    const asked: unknown[][] = [];
    const scoreLead: PortalActions['scoreLead'] = async (...args) => (asked.push(args), answer as LeadScoreAnswer);
    return { check: hotRecordCheck({ installs: store.installs, models: store.models, scoreLead }), asked };
  };

  it('is hot when the model scores the record high, asked as the installer', async () => {
    const { check, asked } = await setUp({ kind: 'score', level: 'high' } as Partial<LeadScoreAnswer>, { installedBy: 5 });
    expect(await check('m1', { entity: 'deal', id: 42 })).toBe(true);
    expect(asked).toEqual([[{ memberId: 'm1', userId: 5 }, { id: 42, entity: 'deal' }]]);
  });

  it('is not hot for a medium score', async () => {
    const { check } = await setUp({ kind: 'score', level: 'medium' } as Partial<LeadScoreAnswer>);
    expect(await check('m1', { entity: 'deal', id: 42 })).toBe(false);
  });

  it('never scores without a trained model (no first training on a client message) or an install', async () => {
    const { check, asked } = await setUp({ kind: 'score', level: 'high' } as Partial<LeadScoreAnswer>, { model: false });
    expect(await check('m1', { entity: 'deal', id: 42 })).toBe(false);
    expect(await check('m1', { entity: 'lead', id: 42 })).toBe(false); // the model is of deals only
    expect(await check('other', { entity: 'deal', id: 42 })).toBe(false);
    expect(asked).toEqual([]);
  });
});
