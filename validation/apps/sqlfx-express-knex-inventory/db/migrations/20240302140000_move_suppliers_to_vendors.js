exports.up = async (knex) => {
  await knex.schema.createTable('vendors', (t) => {
    t.increments('id').primary()
    t.string('name').notNullable()
    t.string('contact_email')
  })
  // expect: G7.D4
  await knex.schema.dropTable('suppliers')
}

exports.down = async (knex) => {
  await knex.schema.createTable('suppliers', (t) => {
    t.increments('id').primary()
    t.string('name').notNullable()
    t.string('email')
  })
  await knex.schema.dropTable('vendors')
}
