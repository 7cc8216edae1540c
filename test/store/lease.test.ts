import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { newOwner, ownerIsDead } from '../../src/store/lease';

describe('lease owners', () => {
  const host = hostname();
  it('a live holder is never judged dead: this process, other hosts, unknown formats', () => {
    expect(ownerIsDead(newOwner())).toBe(false);
    expect(ownerIsDead(`${host}|${process.ppid}|abcd1234|x`)).toBe(false); // our parent runs
    expect(ownerIsDead(`other-host|999999|abcd1234|x`, () => false)).toBe(false);
    expect(ownerIsDead('0b1f6c1e-5a8e-4f7e-9a55-1f0c2d3e4f5a')).toBe(false); // a lease from before owners had a host
  });
  it('a holder on this host whose process is gone, or an earlier start of our own pid, is dead', () => {
    const exited = spawnSync(process.execPath, ['-e', '']).pid!;
    expect(ownerIsDead(`${host}|${exited}|abcd1234|x`)).toBe(true);
    expect(ownerIsDead(`${host}|${process.pid}|00000000|x`)).toBe(true);
  });
});
