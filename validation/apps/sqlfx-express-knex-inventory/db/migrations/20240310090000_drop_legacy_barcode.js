exports.up = (knex) =>
  knex.schema.alterTable('products', (t) => {
    // expect: G7.D4
    t.dropColumn('legacy_barcode')
  })

exports.down = (knex) =>
  knex.schema.alterTable('products', (t) => {
    t.string('legacy_barcode')
  })
