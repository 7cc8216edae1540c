/** The reference for bench/webhook: a bare express app that echoes a JSON body, nothing else. */
import express from 'express';

const app = express();
app.use(express.json({ limit: '64kb' }));
app.post('/echo', (req, res) => void res.json({ response: { text: String(req.body?.request?.command ?? ''), end_session: false }, version: '1.0' }));
const server = app.listen(0, '127.0.0.1', () => {
  const a = server.address();
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` }) + '\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
