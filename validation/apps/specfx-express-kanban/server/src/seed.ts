// ok: G1.D2
import { faker } from '@faker-js/faker';
import { pool } from './db.js';

const { rows } = await pool.query("insert into boards (name) values ('Website relaunch') returning id");
for (let i = 0; i < 30; i++) {
  await pool.query('insert into cards (board_id, column_id, title, assignee_email) values ($1, $2, $3, $4)', [
    rows[0].id,
    faker.helpers.arrayElement(['todo', 'doing', 'done']),
    faker.hacker.phrase(),
    faker.internet.email(),
  ]);
}
await pool.end();
