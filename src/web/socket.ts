/**
 * The retrain progress socket: `GET /app/ws?t=<page token>&job=<id>` upgraded to a WebSocket that
 * sends JobEvent JSON frames until the job ends. Only upgrades on that path are touched, so other
 * WebSocket endpoints of the same server keep working.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { JobStore } from '../store/types';
import { entityOfJob, eventOfJob, type JobEvent, type ProgressHub } from './jobs';
import type { SessionTokens } from './session';

export const WS_PATH = '/app/ws';

export interface SocketDeps {
  tokens: SessionTokens;
  hub: ProgressHub;
  jobs: JobStore;
  now: () => number;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function attachProgressSocket(server: Server, deps: SocketDeps): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname !== WS_PATH) return; // someone else's endpoint
    const viewer = deps.tokens.read(url.searchParams.get('t'), deps.now());
    const jobId = url.searchParams.get('job') ?? '';
    if (!viewer) return refuse(socket, 401, 'Unauthorized');
    deps.jobs
      .get(jobId)
      .then((job) => {
        if (!job || job.memberId !== viewer.memberId || !entityOfJob(job)) return refuse(socket, 404, 'Not Found');
        wss.handleUpgrade(req, socket, head, (ws) => stream(ws, jobId, deps, job.state === 'done' || job.state === 'failed' ? eventOfJob(job, entityOfJob(job)!) : undefined));
      })
      .catch(() => refuse(socket, 500, 'Internal Server Error'));
  };
  server.on('upgrade', onUpgrade);
  return () => {
    server.off('upgrade', onUpgrade);
    for (const c of wss.clients) c.terminate();
    wss.close();
  };
}

function stream(ws: WebSocket, jobId: string, deps: SocketDeps, finished?: JobEvent): void {
  const send = (e: JobEvent) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify(e));
    if (e.state === 'done' || e.state === 'failed') ws.close(1000);
  };
  const last = deps.hub.last(jobId) ?? finished;
  if (last && (last.state === 'done' || last.state === 'failed')) return send(last);
  const off = deps.hub.subscribe(jobId, send);
  ws.on('close', off);
  ws.on('error', off);
  if (last) send(last);
}
