// Email sending (simulated until we add SMTP credentials)
async function sendEmail(to, subject, body) {
  console.log('=== EMAIL ===');
  console.log('To:', to);
  console.log('Subject:', subject);
  console.log(body);
  console.log('=============');
  return { id: 'msg_' + Math.random().toString(36).slice(2), status: 'sent' };
}

module.exports = { sendEmail };
