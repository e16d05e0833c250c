exports.up = (knex) =>
  knex.schema.createTable('suppliers', (t) => {
    t.increments('id').primary()
    t.string('name').notNullable()
    t.string('email')
  })

// ok: G7.D4
exports.down = (knex) => knex.schema.dropTable('suppliers')
