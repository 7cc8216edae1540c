/** Test doubles for the channel suites: a scripted Dialog, an in-memory voice-link and install store. */
import type { Dialog, Reply, Turn } from '../../src/dialog/types';
import type { Install, InstallStore, VoiceLink, VoiceLinkStore } from '../../src/store/types';

/** A Dialog that records every turn and answers with `answer(turn)` (possibly slowly). */
export class FakeDialog implements Dialog {
  readonly turns: Turn[] = [];
  constructor(public answer: (turn: Turn) => Reply | Promise<Reply> = (t) => ({ text: `эхо: ${t.text}` })) {}
  async handle(turn: Turn): Promise<Reply> {
    this.turns.push(turn);
    return this.answer(turn);
  }
}

export const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A promise plus its resolver, to wait for an asynchronous side effect in a test. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export class MemoryVoiceLinks implements VoiceLinkStore {
  readonly links = new Map<string, VoiceLink>();
  async get(platform: VoiceLink['platform'], id: string) {
    return this.links.get(`${platform}:${id}`) ?? null;
  }
  async save(link: VoiceLink) {
    this.links.set(`${link.platform}:${link.voiceUserId}`, link);
  }
  async remove(platform: VoiceLink['platform'], id: string) {
    this.links.delete(`${platform}:${id}`);
  }
  async listForUser(memberId: string, userId: number) {
    return [...this.links.values()].filter((l) => l.memberId === memberId && l.userId === userId);
  }
}

export class MemoryInstalls implements InstallStore {
  readonly rows = new Map<string, Install>();
  async get(memberId: string) {
    return this.rows.get(memberId) ?? null;
  }
  async getByDomain(domain: string) {
    return [...this.rows.values()].find((r) => r.domain === domain) ?? null;
  }
  async list() {
    return [...this.rows.values()];
  }
  async save(i: Install) {
    this.rows.set(i.memberId, i);
  }
  async updateTokens() {
    return true;
  }
  async remove(memberId: string) {
    this.rows.delete(memberId);
  }
}

export function install(memberId: string, applicationToken: string, extra: Partial<Install> = {}): Install {
  return {
    memberId,
    domain: 'some-domain.bitrix24.com',
    clientEndpoint: 'https://some-domain.bitrix24.com/rest/',
    serverEndpoint: 'https://oauth.bitrix.info/rest/',
    scope: 'imbot,imopenlines,task,user',
    accessToken: 'acc',
    refreshToken: 'ref',
    expiresAt: 0,
    applicationToken,
    settings: { botId: 567 },
    installedAt: 0,
    updatedAt: 0,
    ...extra,
  };
}
