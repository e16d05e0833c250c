exports.up = async function (knex) {
  await knex.schema.createTable('customers', (t) => {
    t.increments('id')
    t.string('email').notNullable().unique()
    t.string('role').notNullable().defaultTo('customer')
    t.integer('points').notNullable().defaultTo(0)
    t.timestamps(true, true)
  })
  await knex.schema.createTable('books', (t) => {
    t.increments('id')
    t.string('title').notNullable()
    t.string('author').notNullable()
    t.integer('price_cents').notNullable()
    t.integer('stock').notNullable().defaultTo(0)
    t.integer('views').notNullable().defaultTo(0)
    t.integer('version').notNullable().defaultTo(1)
  })
  await knex.schema.createTable('orders', (t) => {
    t.increments('id')
    t.integer('customer_id').references('customers.id').notNullable()
    t.integer('total_cents').notNullable()
    t.string('status').notNullable().defaultTo('paid')
    t.timestamp('created_at').defaultTo(knex.fn.now())
  })
  await knex.schema.createTable('order_items', (t) => {
    t.increments('id')
    t.integer('order_id').references('orders.id').notNullable()
    t.integer('book_id').references('books.id').notNullable()
    t.integer('qty').notNullable()
  })
  await knex.schema.createTable('reviews', (t) => {
    t.increments('id')
    t.integer('book_id').references('books.id').notNullable()
    t.integer('customer_id').references('customers.id').notNullable()
    t.integer('rating').notNullable()
    t.text('body')
  })
  await knex.schema.createTable('gift_cards', (t) => {
    t.increments('id')
    t.string('code').notNullable().unique()
    t.integer('balance_cents').notNullable()
  })
  await knex.schema.createTable('coupons', (t) => {
    t.increments('id')
    t.string('code').notNullable().unique()
    t.integer('uses').notNullable().defaultTo(0)
    t.integer('max_uses').notNullable()
  })
  await knex.schema.createTable('sessions', (t) => {
    t.string('token').primary()
    t.integer('customer_id').references('customers.id').notNullable()
    t.timestamp('expires_at').notNullable()
  })
}

exports.down = async function (knex) {
  for (const t of ['sessions', 'coupons', 'gift_cards', 'reviews', 'order_items', 'orders', 'books', 'customers']) {
    await knex.schema.dropTableIfExists(t)
  }
}
