import './instrument.js';
import * as Sentry from '@sentry/node';
import express from 'express';
import pinoHttp from 'pino-http';
import { logger } from './logger.js';
import { registry, httpDuration } from './metrics.js';
import { orders, refreshCatalogue } from './routes/orders.js';
import { pool } from './db.js';

const app = express();
app.use(express.json());
app.use(pinoHttp({ logger }));
app.use((req, res, next) => {
  const end = httpDuration.startTimer({ method: req.method });
  res.on('finish', () => end({ route: req.route?.path ?? req.path, status: res.statusCode }));
  next();
});

// Liveness probe for Fly.io
// expect: G7.D1
app.get('/healthz', (_req, res) => {
  res.json({ ok: true, uptime: process.uptime() });
});

app.get('/metrics', async (_req, res) => {
  res.set('Content-Type', registry.contentType);
  res.send(await registry.metrics());
});

app.use('/api/orders', orders);

Sentry.setupExpressErrorHandler(app);
app.use((err: any, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  res.status(err.status ?? 500).json({ error: err.status ? err.message : 'Internal error' });
});

const port = Number(process.env.PORT ?? 8080);
await refreshCatalogue();
const server = app.listen(port, () => logger.info({ port }, 'orders-api listening'));

// Ctrl-C in local dev
// expect: G7.D5
process.on('SIGINT', async () => {
  logger.info('shutting down');
  server.close();
  await pool.end();
  process.exit(0);
});
