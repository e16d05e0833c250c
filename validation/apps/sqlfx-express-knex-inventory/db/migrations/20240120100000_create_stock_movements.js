exports.up = async (knex) => {
  // ok: G7.D4
  await knex.schema.dropTableIfExists('stock_movements')
  await knex.schema.createTable('stock_movements', (t) => {
    t.increments('id').primary()
    t.integer('product_id').notNullable().references('id').inTable('products').onDelete('CASCADE')
    t.integer('delta').notNullable()
    t.string('reason').notNullable()
    t.timestamp('created_at').notNullable().defaultTo(knex.fn.now())
    t.index(['product_id', 'created_at'])
  })
}

exports.down = (knex) => knex.schema.dropTable('stock_movements')
