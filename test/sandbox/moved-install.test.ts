import { installAtSandboxAddress } from '../../src/sandbox/moved-install';
import type { Install } from '../../src/store/types';

const known: Install = {
  memberId: 'sb', domain: '127.0.0.1:3000', clientEndpoint: 'http://127.0.0.1:3000/sandbox/rest/', serverEndpoint: 'http://127.0.0.1:3000/sandbox/oauth/rest/',
  scope: 'imbot', accessToken: 'a', refreshToken: 'r', expiresAt: 1, applicationToken: 't', settings: { botId: 3 }, installedAt: 1, updatedAt: 1,
};

describe('installAtSandboxAddress', () => {
  it('moves the REST and OAuth endpoints and the domain to where the sandbox now answers, keeping the rest', () => {
    const moved = installAtSandboxAddress(known, { rest: 'https://demo.example/b24/sandbox/rest/', domain: 'demo.example' }, 99);
    expect(moved).toEqual({ ...known, domain: 'demo.example', clientEndpoint: 'https://demo.example/b24/sandbox/rest/', serverEndpoint: 'https://demo.example/b24/sandbox/oauth/rest/', updatedAt: 99 });
  });

  it('is null when the sandbox has not moved', () => {
    expect(installAtSandboxAddress(known, { rest: known.clientEndpoint, domain: known.domain }, 99)).toBeNull();
  });
});
