exports.up = function (knex) {
  return knex.schema.createTable('tasks', (t) => {
    t.increments('id').primary();
    t.integer('owner_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('title', 200).notNullable();
    t.text('notes');
    t.string('status').notNullable().defaultTo('todo');
    // expect: G5.D3
    t.string('priority').notNullable().defaultTo('medium');
    t.date('due_date');
    t.timestamps(true, true);
    t.index(['owner_id', 'status']);
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable('tasks');
};
