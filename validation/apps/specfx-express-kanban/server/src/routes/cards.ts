import { Router } from 'express';
import { z } from 'zod';
import { pool } from '../db.js';
import { sendAssignmentEmail } from '../services/mailer.js';

export const cards = Router();

const cardInput = z.object({ title: z.string().min(1).max(200), columnId: z.enum(['todo', 'doing', 'done']), assigneeEmail: z.string().email().optional() });

cards.get('/boards/:boardId/cards', async (req, res) => {
  const { rows } = await pool.query('select * from cards where board_id = $1 order by created_at', [req.params.boardId]);
  res.json(rows);
});

cards.post('/boards/:boardId/cards', async (req, res) => {
  const parsed = cardInput.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ error: 'invalid card' });
  const { title, columnId, assigneeEmail } = parsed.data;
  const { rows } = await pool.query(
    'insert into cards (board_id, column_id, title, assignee_email) values ($1, $2, $3, $4) returning *',
    [req.params.boardId, columnId, title, assigneeEmail ?? null],
  );
  if (assigneeEmail) {
    const board = await pool.query('select name from boards where id = $1', [req.params.boardId]);
    sendAssignmentEmail(assigneeEmail, title, board.rows[0]?.name ?? '').catch((err) => console.error('mail_failed', err));
  }
  res.status(201).json(rows[0]);
});
