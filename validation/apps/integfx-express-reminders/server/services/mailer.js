const nodemailer = require('nodemailer');

const transporter = nodemailer.createTransport({
  // ok: G3.D5
  host: process.env.SMTP_HOST,
  port: 587,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

// ok: G3.P1
async function sendMail(to, subject, html) {
  return transporter.sendMail({ from: 'Gym <noreply@gym.example>', to, subject, html });
}

module.exports = { sendMail };
