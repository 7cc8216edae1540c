import { loadConfig, ConfigError, isSandboxMode, listenHost } from '../src/config';

describe('loadConfig', () => {
  it('fills defaults from an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('./data');
    expect(isSandboxMode(c)).toBe(true);
  });
  it('binds loopback in sandbox mode and every address with a real app, unless HOST says otherwise', () => {
    expect(listenHost(loadConfig({}))).toBe('127.0.0.1');
    expect(listenHost(loadConfig({ HOST: '' }))).toBe('127.0.0.1');
    expect(listenHost(loadConfig({ B24_CLIENT_ID: 'id', B24_CLIENT_SECRET: 's' }))).toBe('0.0.0.0');
    expect(listenHost(loadConfig({ HOST: '0.0.0.0' }))).toBe('0.0.0.0');
    expect(listenHost(loadConfig({ HOST: '10.0.0.5', B24_CLIENT_ID: 'id', B24_CLIENT_SECRET: 's' }))).toBe('10.0.0.5');
  });
  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'abc', B24_CLIENT_ID: 'x', LOG_LEVEL: 'loud' });
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/LOG_LEVEL/);
    }
  });
  it('refuses a client id without its secret', () => {
    expect(() => loadConfig({ B24_CLIENT_ID: 'app.123' })).toThrow(/B24_CLIENT_SECRET/);
  });
});
