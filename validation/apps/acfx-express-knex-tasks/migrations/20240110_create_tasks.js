exports.up = function (knex) {
  return knex.schema
    .createTable('users', (t) => { t.increments('id'); t.string('email').unique(); t.string('password_hash'); t.string('role').defaultTo('user'); })
    .createTable('tasks', (t) => { t.increments('id'); t.integer('user_id').references('users.id'); t.string('title'); t.boolean('done'); })
    .createTable('feedback', (t) => { t.increments('id'); t.string('email'); t.text('message'); });
};
exports.down = function (knex) {
  return knex.schema.dropTable('feedback').dropTable('tasks').dropTable('users');
};
