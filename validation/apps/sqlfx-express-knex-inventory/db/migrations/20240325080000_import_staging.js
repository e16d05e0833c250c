exports.up = async (knex) => {
  await knex.schema.createTable('import_staging', (t) => {
    t.string('sku').notNullable()
    t.integer('qty').notNullable()
  })
  await knex.raw("INSERT INTO import_staging (sku, qty) SELECT sku, stock FROM products")
  await knex.raw('UPDATE products SET stock = s.qty FROM import_staging s WHERE s.sku = products.sku')
  // ok: G7.D4
  await knex.schema.dropTable('import_staging')
}

exports.down = async () => {}
