import { Router } from 'express';
import { z } from 'zod';
import { pool } from '../db.js';

export const orders = Router();

// Product catalogue loaded once from Postgres; refreshed every 5 minutes.
// ok: G7.P2
let catalogue: { sku: string; name: string; price_cents: number }[] = [];

export async function refreshCatalogue() {
  const { rows } = await pool.query('select sku, name, price_cents from products where active');
  catalogue.length = 0;
  catalogue.push(...rows);
}
setInterval(() => refreshCatalogue().catch(() => {}), 5 * 60_000).unref();

const OrderInput = z.object({
  customerEmail: z.string().email(),
  lines: z.array(z.object({ sku: z.string(), qty: z.number().int().positive() })).min(1),
});

orders.get('/', async (req, res) => {
  const { rows } = await pool.query('select * from orders order by created_at desc limit 50');
  res.json(rows);
});

orders.post('/', async (req, res) => {
  const parsed = OrderInput.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ error: parsed.error.flatten() });
  const { customerEmail, lines } = parsed.data;
  const priced = lines.map((l) => {
    const product = catalogue.find((p) => p.sku === l.sku);
    if (!product) throw Object.assign(new Error(`Unknown SKU ${l.sku}`), { status: 422 });
    return { ...l, price_cents: product.price_cents };
  });
  const total = priced.reduce((sum, l) => sum + l.qty * l.price_cents, 0);
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query('insert into orders (customer_email, total_cents) values ($1, $2) returning *', [customerEmail, total]);
    for (const l of priced) {
      await client.query('insert into order_lines (order_id, sku, qty, price_cents) values ($1, $2, $3, $4)', [rows[0].id, l.sku, l.qty, l.price_cents]);
    }
    await client.query('commit');
    req.log.info({ orderId: rows[0].id, total }, 'order placed');
    res.status(201).json(rows[0]);
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
});
