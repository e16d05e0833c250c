exports.up = async (knex) => {
  await knex.schema.createTable('products', (t) => {
    t.increments('id').primary()
    t.string('sku').notNullable().unique()
    t.string('name').notNullable()
    t.integer('stock').notNullable().defaultTo(0)
    t.string('legacy_barcode')
    t.timestamps(true, true)
  })
}

exports.down = async (knex) => {
  // ok: G7.D4
  await knex.schema.dropTable('products')
}
