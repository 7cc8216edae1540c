/**
 * The production shape under faults (issue 16 item 2): the sandbox portal (`cli sandbox`), two
 * web processes (`serve`) and two training workers (`worker`) on one fresh PostgreSQL database and
 * one Redis database, each in its own process. K linked Alice users hold whole conversations
 * (command → "да") alternating between the two web processes; some turns are delivered to both at
 * once (Alice's re-delivery reaching two servers behind a balancer); one web process is killed with
 * SIGKILL mid-run and started again. A request that fails at the transport level is retried on the
 * other process, as a balancer would, and its latency includes the retry. At the end the portal's
 * tasks are read through its incoming webhook and one JSON line is printed:
 *   {"conversations","confirmed","created","duplicates","lost","p99Ms"}
 * lost = acknowledged "да" without a task; duplicates = tasks beyond one per conversation.
 *   npm run --silent bench -- cluster [--conversations N] [--users K] [--verbose]
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { cli, freePort, intArg, openDeployment, runBench, type Proc } from './processes';
import { MARK, p99, tally, type Conversation } from './tally';

const CONVERSATIONS = intArg('conversations', 60);
const USERS = intArg('users', 4);
const VERBOSE = process.argv.includes('--verbose');
const log = (m: string) => process.stderr.write(`${m}\n`);

/** A run's own title words, so a rerun against a kept portal never counts another run's tasks. */
const RUN = crypto.randomBytes(3).toString('hex');
const TITLE = `r${RUN} купить`;

interface Web {
  port: number;
  url: string;
  proc: Proc;
}

const aliceBody = (voiceUser: string, sessionId: string, messageId: number, command: string) =>
  JSON.stringify({
    meta: { locale: 'ru-RU', timezone: 'Europe/Moscow', client_id: 'bench', interfaces: {} },
    session: { message_id: messageId, session_id: sessionId, skill_id: 'bench', user: { user_id: voiceUser }, application: { application_id: `app-${voiceUser}` }, new: messageId === 0 },
    request: { command, original_utterance: command, type: 'SimpleUtterance', nlu: { tokens: [], entities: [] } },
    state: { session: {} },
    version: '1.0',
  });

async function main() {
  const t0 = Date.now();
  const portalPort = await freePort();
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  const webhookCode = crypto.randomBytes(12).toString('hex');
  const d = await openDeployment('cluster', () => [portalOrigin], 8, VERBOSE);
  const { app, db, redis, dir } = d;
  const startWeb = d.startWeb;
  try {
    const ports = [await freePort(), await freePort()];
    const webs: Web[] = [];
    // Both web processes start at once on an empty database: migrations must tolerate that.
    const started = await Promise.all(ports.map((port, i) => startWeb(`web${i + 1}`, port)));
    started.forEach((proc, i) => webs.push({ port: ports[i]!, url: `http://127.0.0.1:${ports[i]}`, proc }));
    for (const i of [1, 2]) await d.startWorker(`worker${i}`);
    // The portal, started apart, installs the app into web1 as its administrator would (user 1).
    const portal = d.track(cli('portal', ['sandbox', '--port', String(portalPort), '--leads', '300', '--seed', '7', '--data-dir', path.join(dir, 'portal'), '--webhook-code', webhookCode, '--client-id', app.clientId, '--client-secret', app.clientSecret, '--install', `${webs[0]!.url}/webhook/bitrix`], {}, VERBOSE));
    const info = (await portal.nextJson(90_000)) as { webhook: string; domain: string; installed?: number };
    if (info.installed !== 200) throw new Error(`the portal could not install the app: handler answered ${String(info.installed)}`);
    log(`cluster bench: portal ${info.domain}, web ${webs.map((w) => w.port).join(' & ')}, 2 workers, ${db.url.replace(/.*\//, 'pg db ')}, ${redis.url}; ready in ${Date.now() - t0} ms`);

    const latencies: number[] = [];
    let retries = 0;
    const disagreements: string[] = [];
    /** Requests awaiting an answer: the kill is timed to land while web1 is handling a "да". */
    const inFlight = new Set<{ web: Web; yes: boolean; since: number }>();
    // K voice users, each linked by a one-time code (the link-code command, as an operator would).
    const voiceUsers: string[] = [];
    for (let k = 0; k < USERS; k++) {
      const lc = d.track(cli(`link-code${k}`, ['link-code', '--user', '1', '--json'], d.env('link'), VERBOSE));
      const { code } = (await lc.nextJson(90_000)) as { code: string };
      await lc.exited;
      const voiceUser = `bench-${RUN}-${k}`;
      const r = await send([webs[k % 2]!], aliceBody(voiceUser, `link-${voiceUser}`, 1, code.split('').join(' ')), webs);
      if (!/Авторизация прошла успешно|linked/i.test(r.text)) throw new Error(`linking voice user ${k} failed: ${r.text}`);
      voiceUsers.push(voiceUser);
    }

    /** Posts to `targets` (in parallel when two: a duplicate delivery); a transport failure is retried on the other process. */
    async function send(targets: Web[], body: string, all: Web[]): Promise<{ text: string }> {
      const one = async (first: Web) => {
        const began = Date.now();
        for (let attempt = 0; ; attempt++) {
          const w = attempt === 0 ? first : all[(all.indexOf(first) + attempt) % all.length]!;
          try {
            const flight = { web: w, yes: body.includes('"command":"да"'), since: Date.now() };
            inFlight.add(flight);
            let res: Response;
            let json: { response?: { text?: string } };
            try {
              res = await fetch(`${w.url}/webhook/alice`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(15_000) });
              json = (await res.json()) as { response?: { text?: string } };
            } finally {
              inFlight.delete(flight);
            }
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
            latencies.push(Date.now() - began);
            return { text: json.response?.text ?? '' };
          } catch (e) {
            // A refused or cut connection (the process is down): the balancer tries the other one.
            if (attempt >= 20) throw e;
            retries++;
            if (attempt % all.length === all.length - 1) await new Promise((r) => setTimeout(r, 250));
          }
        }
      };
      const answers = await Promise.all(targets.map(one));
      // Alice hears one answer; a pair that disagrees shows what the other delivery would have said.
      if (answers.length > 1 && answers.some((a) => a.text !== answers[0]!.text)) disagreements.push(answers.map((a) => a.text.slice(0, 60)).join(' / '));
      return answers.find((a) => DONE.test(a.text) || PENDING.test(a.text)) ?? answers[0]!;
    }

    latencies.length = 0; // the conversations' latencies only
    // Conversations n = 1..N shared out to the users; each user holds one at a time, as a person would.
    const conversations: Conversation[] = [];
    let duplicates = 0;
    let pending = 0;
    let next = 1;
    let killAt = Math.ceil(CONVERSATIONS * 0.4);
    const killer = (async () => {
      const victim = webs[0]!;
      // Past 40 % of the run, at the first moment web1 has held a "да" for 20 ms (it is acting on it).
      const busy = () => [...inFlight].some((f) => f.web === victim && f.yes && Date.now() - f.since >= 20);
      while (next <= killAt || (!busy() && next <= CONVERSATIONS)) await new Promise((r) => setTimeout(r, 5));
      killAt = Infinity;
      log(`cluster bench: SIGKILL web1 (pid ${victim.proc.child.pid}) at conversation ${next}${busy() ? ' while it handled a "да"' : ''}`);
      victim.proc.child.kill('SIGKILL');
      await victim.proc.exited;
      await new Promise((r) => setTimeout(r, 2000));
      victim.proc = await startWeb('web1', victim.port);
      log('cluster bench: web1 restarted');
    })();
    const unexpected: string[] = [];
    await Promise.all(
      voiceUsers.map(async (voiceUser) => {
        for (let n = next++; n <= CONVERSATIONS; n = next++) {
          const session = `conv-${RUN}-${n}`;
          const a = webs[n % 2]!;
          const b = webs[(n + 1) % 2]!;
          // Every third conversation: each turn reaches both processes at once.
          const dup = n % 3 === 0;
          if (dup) duplicates += 2;
          const ask = await send(dup ? [a, b] : [a], aliceBody(voiceUser, session, 1, `поставь задачу на Сергея Иванова ${TITLE} ${MARK} ${n}`), webs);
          if (!/\?\s*$/.test(ask.text)) unexpected.push(`${n} command: ${ask.text}`);
          const yes = await send(dup ? [b, a] : [b], aliceBody(voiceUser, session, 2, 'да'), webs);
          const acknowledged = DONE.test(yes.text) || PENDING.test(yes.text);
          if (PENDING.test(yes.text)) pending++;
          if (!acknowledged) unexpected.push(`${n} да: ${yes.text}`);
          conversations.push({ n, acknowledged });
        }
      }),
    );
    await killer;
    if (unexpected.length) log(`cluster bench: ${unexpected.length} unexpected replies, e.g. ${unexpected.slice(0, 3).join(' | ')}`);

    // Pending confirmations finish in the background: wait until the task count stops moving.
    let titles: string[] = [];
    for (let stable = 0, last = -1; stable < 3; ) {
      titles = await taskTitles(info.webhook);
      stable = titles.length === last ? stable + 1 : 0;
      last = titles.length;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const t = tally(conversations, titles, TITLE);
    if (disagreements.length) log(`cluster bench: ${disagreements.length} duplicate pairs answered differently, e.g. ${disagreements.slice(0, 2).join(' | ')}`);
    log(`cluster bench: ${duplicates} duplicate deliveries, ${retries} transport retries, ${pending} "да" answered as pending, ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
    process.stdout.write(`${JSON.stringify({ ...t, p99Ms: p99(latencies) })}\n`);
    return t.duplicates === 0 && t.lost === 0 ? 0 : 1;
  } finally {
    await d.close();
  }
}

const DONE = /Задача успешно создана/;
const PENDING = /Делаю, результат пришлю/;

/** Every task title in the portal, read through its incoming webhook (pages of 50). */
async function taskTitles(webhook: string): Promise<string[]> {
  const titles: string[] = [];
  for (let start = 0; ; ) {
    const res = await fetch(`${webhook.replace(/\/?$/, '/')}tasks.task.list.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ select: ['ID', 'TITLE'], start }) });
    const json = (await res.json()) as { result?: { tasks: { title: string }[] }; next?: number; error?: string };
    if (!json.result) {
      if (json.error === 'QUERY_LIMIT_EXCEEDED') {
        await new Promise((r) => setTimeout(r, 600));
        continue;
      }
      throw new Error(`tasks.task.list: ${JSON.stringify(json).slice(0, 200)}`);
    }
    titles.push(...json.result.tasks.map((t) => t.title));
    if (json.next === undefined) return titles;
    start = json.next;
  }
}

runBench(main);
