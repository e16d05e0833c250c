const cron = require('node-cron');
const db = require('../db');
const { sendMail } = require('../services/mailer');
const { sendSms } = require('../services/sms');

// Every morning at 7: remind members of today's classes
// ok: G3.P2
cron.schedule('0 7 * * *', async () => {
  const { rows } = await db.query(
    "select m.email, m.phone, c.name, c.starts_at from bookings b join members m on m.id = b.member_id join classes c on c.id = b.class_id where c.starts_at::date = current_date"
  );
  for (const r of rows) {
    await sendMail(r.email, `Reminder: ${r.name} today`, `<p>See you at ${r.starts_at}</p>`);
    await sendSms(r.phone, `Reminder: ${r.name} today`);
  }
});
