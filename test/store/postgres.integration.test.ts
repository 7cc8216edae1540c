import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { Client } from 'pg';
import { openStore } from '../../src/store';
import { openPostgresStore, migratePostgres, poolConfig } from '../../src/store/postgres';
import { createCipher } from '../../src/store/crypto';
import { encodeInstall } from '../../src/store/codec';
import { LATEST_VERSION } from '../../src/store/migrations';
import { describeStoreContract, sampleInstall, sampleUserToken } from './contract';
import { OTHER_KEY, PG_URL, TEST_KEY, describeWhenReachable, probePostgres } from './helpers';

// One prefix per run; every store gets its own schema under it, all dropped at the end.
const RUN = `b24_test_${process.pid}_${Date.now().toString(36)}`;
let n = 0;
const nextSchema = () => `${RUN}_${++n}`;

describeWhenReachable('PostgreSQL', PG_URL, probePostgres(), () => {
  afterAll(async () => {
    const c = new Client({ connectionString: PG_URL });
    await c.connect();
    const { rows } = await c.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1', [`${RUN}%`]);
    for (const r of rows) await c.query(`DROP SCHEMA "${r.nspname}" CASCADE`);
    await c.end();
  });

  describeStoreContract('postgres', ({ clock }) =>
    openPostgresStore({ connectionString: PG_URL, encryptionKey: TEST_KEY, schema: nextSchema(), clock }),
  );

  describe('postgres specifics', () => {
    const raw = async (schema: string, sql: string) => {
      const c = new Client(poolConfig(PG_URL, schema));
      await c.connect();
      try {
        return (await c.query(sql)).rows;
      } finally {
        await c.end();
      }
    };

    it('keeps no token in plaintext, and a wrong key fails clearly', async () => {
      const schema = nextSchema();
      const store = await openPostgresStore({ connectionString: PG_URL, encryptionKey: TEST_KEY, schema });
      const inst = sampleInstall();
      await store.installs.save(inst);
      await store.installs.updateTokens('m-1', { accessToken: 'fresh-access-XYZ', refreshToken: 'fresh-refresh-XYZ', expiresAt: 1 }, inst.refreshToken);
      const user = sampleUserToken();
      await store.userTokens.save(user);
      await store.userTokens.updateTokens('m-1', 5, { accessToken: 'user-fresh-access-XYZ', refreshToken: 'user-fresh-refresh-XYZ', expiresAt: 1 }, user.refreshToken);
      await store.close();
      const dump = JSON.stringify(await raw(schema, 'SELECT * FROM installs')) + JSON.stringify(await raw(schema, 'SELECT * FROM store_meta')) + JSON.stringify(await raw(schema, 'SELECT * FROM user_tokens'));
      for (const secret of [inst.accessToken, inst.refreshToken, inst.applicationToken, 'fresh-access-XYZ', 'fresh-refresh-XYZ', user.accessToken, user.refreshToken, 'user-fresh-access-XYZ', 'user-fresh-refresh-XYZ']) {
        expect(dump).not.toContain(secret);
      }
      expect(dump).toContain(inst.domain); // the row is there, only the tokens are sealed
      await expect(openPostgresStore({ connectionString: PG_URL, encryptionKey: OTHER_KEY, schema })).rejects.toThrow(/encryption key does not match/);
    });

    it('locks, claims and token swaps hold across two pools on one schema', async () => {
      const schema = nextSchema();
      const a = await openPostgresStore({ connectionString: PG_URL, encryptionKey: TEST_KEY, schema });
      const b = await openPostgresStore({ connectionString: PG_URL, encryptionKey: TEST_KEY, schema });
      try {
        const inst = sampleInstall();
        await a.installs.save(inst);
        const stores = [a, b, a, b, a, b];
        const locks = await Promise.all(stores.map((s) => s.locks.tryAcquire('refresh:m-1', 30_000)));
        expect(locks.filter(Boolean)).toHaveLength(1);
        const claims = await Promise.all(stores.map((s, i) => s.actions.claim('k', 'm-1', 'task.create', i)));
        expect(claims.filter((c) => c.claimed)).toHaveLength(1);
        const swaps = await Promise.all(
          stores.map((s, i) => s.installs.updateTokens('m-1', { accessToken: `a${i}`, refreshToken: `r${i}`, expiresAt: i }, inst.refreshToken)),
        );
        expect(swaps.filter(Boolean)).toHaveLength(1);
        expect((await b.installs.get('m-1'))?.refreshToken).toBe(`r${swaps.indexOf(true)}`);
        const versions = await Promise.all(
          stores.map((s, i) => s.models.save({ memberId: 'm-1', entity: 'lead', trainedAt: i, nextTrainingAt: i, meta: {}, payload: i })),
        );
        expect([...versions].sort()).toEqual([1, 2, 3, 4, 5, 6]);
        await locks.find(Boolean)!();
        expect(await b.locks.tryAcquire('refresh:m-1', 30_000)).not.toBeNull();
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('upgrades a version-1 database without losing its data; concurrent openers migrate once', async () => {
      const schema = nextSchema();
      const c = new Client(poolConfig(PG_URL, schema));
      await c.connect();
      try {
        await c.query(`CREATE SCHEMA "${schema}"`);
        expect(await migratePostgres(c, 1)).toEqual([1]);
        const r = encodeInstall(sampleInstall('old'), createCipher(TEST_KEY));
        await c.query(
          `INSERT INTO installs (member_id, domain, domain_key, client_endpoint, server_endpoint, scope, access_token, refresh_token,
             refresh_token_mac, application_token, expires_at, installed_by, settings, installed_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          Object.values(r),
        );
        await c.query("INSERT INTO actions (key, member_id, kind, state, result, created_at, updated_at) VALUES ('a1', 'old', 'task.create', 'done', '{\"taskId\":5}', 1, 2)");
      } finally {
        await c.end();
      }
      const [s1, s2] = await Promise.all([
        openPostgresStore({ connectionString: PG_URL, encryptionKey: TEST_KEY, schema }),
        openPostgresStore({ connectionString: PG_URL, encryptionKey: TEST_KEY, schema }),
      ]);
      try {
        expect(await s1.installs.get('old')).toEqual(sampleInstall('old'));
        expect(await s2.actions.get('a1')).toMatchObject({ state: 'done', result: { taskId: 5 } });
        expect(await s1.sessions.put('new-table', 1, 0, 1000, 0)).toBe(1);
        const versions = (await raw(schema, 'SELECT version FROM schema_migrations ORDER BY version')).map((x) => x.version);
        expect(versions).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
      } finally {
        await s1.close();
        await s2.close();
      }
    });

    it('upgrading to version 6 keeps the score history; old points have no factors, new ones do', async () => {
      const schema = nextSchema();
      const c = new Client(poolConfig(PG_URL, schema));
      await c.connect();
      try {
        await c.query(`CREATE SCHEMA "${schema}"`);
        expect(await migratePostgres(c, 5)).toEqual([1, 2, 3, 4, 5]);
        await c.query("INSERT INTO model_scores (member_id, entity, record_id, at, probability, model_version) VALUES ('m', 'lead', 17, 1000, 0.4, 1)");
      } finally {
        await c.end();
      }
      const store = await openPostgresStore({ connectionString: PG_URL, encryptionKey: TEST_KEY, schema });
      try {
        await store.models.addScore('m', 'lead', 17, 2000, 0.6, 1, [{ column: 'calls_in', value: '2', effect: 0.3 }]);
        expect(await store.models.scores('m', 'lead', 17)).toEqual([
          { at: 1000, probability: 0.4, modelVersion: 1 },
          { at: 2000, probability: 0.6, modelVersion: 1, factors: [{ column: 'calls_in', value: '2', effect: 0.3 }] },
        ]);
      } finally {
        await store.close();
      }
    });

    it('a lock whose holder on this host is gone is taken over at once; a live or foreign holder keeps it', async () => {
      const schema = nextSchema();
      const store = await openPostgresStore({ connectionString: PG_URL, encryptionKey: TEST_KEY, schema });
      try {
        const dead = spawnSync(process.execPath, ['-e', '']).pid!;
        const until = Date.now() + 120_000;
        await raw(schema, `INSERT INTO locks VALUES ('action:dead', '${hostname()}|${dead}|abcd1234|x', ${until}),
          ('action:live', '${hostname()}|${process.ppid}|abcd1234|x', ${until}), ('action:far', 'elsewhere|${dead}|abcd1234|x', ${until})`);
        const lease = await store.locks.tryAcquire('action:dead', 15_000);
        expect(lease).not.toBeNull();
        expect(await store.locks.tryAcquire('action:dead', 15_000)).toBeNull(); // now ours, and we are alive
        expect(await store.locks.tryAcquire('action:live', 15_000)).toBeNull();
        expect(await store.locks.tryAcquire('action:far', 15_000)).toBeNull();
        expect(await lease!.extend(15_000)).toBe(true);
      } finally {
        await store.close();
      }
    });

    it('refuses a database migrated by a newer build, and an unsafe schema name', async () => {
      const schema = nextSchema();
      const s = await openPostgresStore({ connectionString: PG_URL, encryptionKey: TEST_KEY, schema });
      await s.close();
      await raw(schema, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (${LATEST_VERSION + 1}, 'future', 0)`);
      await expect(openPostgresStore({ connectionString: PG_URL, encryptionKey: TEST_KEY, schema })).rejects.toThrow(/newer than this build/);
      await expect(openPostgresStore({ connectionString: PG_URL, encryptionKey: TEST_KEY, schema: 'x"; DROP' })).rejects.toThrow(/schema name/);
    });

    it('openStore with a database URL uses PostgreSQL, not a file in the data dir', async () => {
      const schema = nextSchema();
      const store = await openStore({ dataDir: '/nonexistent/never-created', databaseUrl: PG_URL, encryptionKey: TEST_KEY, postgresSchema: schema });
      try {
        await store.installs.save(sampleInstall());
      } finally {
        await store.close();
      }
      expect((await raw(schema, 'SELECT member_id FROM installs')).map((r) => r.member_id)).toEqual(['m-1']);
    });

    it('an unreachable server fails with a clear message and no password', async () => {
      await expect(
        openPostgresStore({ connectionString: 'postgres://bob:s3cret-pw@127.0.0.1:1/nodb', encryptionKey: TEST_KEY }),
      ).rejects.toThrow(/cannot open the PostgreSQL store at 127\.0\.0\.1:1\/nodb/);
      await expect(
        openPostgresStore({ connectionString: 'postgres://bob:s3cret-pw@127.0.0.1:1/nodb', encryptionKey: TEST_KEY }),
      ).rejects.not.toThrow(/s3cret-pw/);
    });
  });
});
