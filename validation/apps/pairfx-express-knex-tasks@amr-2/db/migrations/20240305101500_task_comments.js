/**
 * Task comments. Existing task notes become the first comment of their task,
 * then the notes column goes away (the UI no longer has a notes field).
 */
exports.up = async function (knex) {
  await knex.schema.createTable('task_comments', (t) => {
    t.increments('id').primary();
    t.integer('task_id').notNullable().references('tasks.id').onDelete('CASCADE');
    t.integer('author_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('body').notNullable();
    t.timestamps(true, true);
    t.index(['task_id', 'created_at']);
  });

  await knex.raw(`
    insert into task_comments (task_id, author_id, body, created_at)
    select id, owner_id, notes, created_at from tasks where notes is not null and notes <> ''
  `);

  await knex.schema.alterTable('tasks', (t) => {
    // expect: G5.D3
    t.dropColumn('notes');
    // ok: G5.D3
    t.dropIndex(['owner_id', 'status']);
    t.index(['owner_id', 'status', 'due_date']);
  });

  // ok: G5.D3
  await knex.raw("ALTER TABLE tasks ALTER COLUMN status SET DEFAULT 'todo'");
};

exports.down = async function (knex) {
  await knex.schema.alterTable('tasks', (t) => {
    t.text('notes');
    // ok: G5.D3
    t.dropIndex(['owner_id', 'status', 'due_date']);
    t.index(['owner_id', 'status']);
  });
  // ok: G5.D3
  await knex.schema.dropTable('task_comments');
};
