// Sends a reminder for every booking that starts in the next 24 hours.
async function sendReminders() {
  // index.js loads this file at startup; the pool is looked up when the job runs.
  // ok: G2.P3
  const { pool } = require('../index');
  const result = await pool.query(
    "SELECT b.id, m.email, s.starts_at FROM bookings b JOIN members m ON m.id = b.member_id JOIN sessions s ON s.id = b.session_id WHERE s.starts_at BETWEEN now() AND now() + interval '1 day'"
  );
  for (const row of result.rows) {
    console.log(`[reminder] booking ${row.id} -> ${row.email} at ${row.starts_at}`);
  }
  return result.rows.length;
}

module.exports = { sendReminders };
