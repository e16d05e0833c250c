const { Pool } = require('pg')

// Reports read from the replica so they never slow down bookings.
// expect: G7.D2
const replica = new Pool({ connectionString: 'postgres://reports:reports@127.0.0.1:5433/fitclass' })

async function monthlyRevenue() {
  const { rows } = await replica.query(
    "select date_trunc('month', created_at) as month, sum(amount_cents) as cents from payments where status = 'paid' group by 1 order by 1"
  )
  return rows
}

module.exports = { monthlyRevenue }
