const nodemailer = require('nodemailer')

const transport = nodemailer.createTransport(process.env.SMTP_URL)

function sendReceipt(to, booking) {
  return transport.sendMail({
    from: 'FitClass <hello@fitclass.example>',
    to,
    subject: 'Your class is booked',
    text: `See you at ${booking.class_name} on ${booking.starts_at}.`,
  })
}

module.exports = { sendReceipt }
