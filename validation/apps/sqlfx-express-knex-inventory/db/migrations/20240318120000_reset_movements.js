exports.up = async (knex) => {
  // expect: G7.D4
  await knex.raw('TRUNCATE TABLE stock_movements')
}

exports.down = async () => {}
