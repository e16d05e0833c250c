// SMS notifications (TODO: plug in Twilio later)
// expect: G3.P1
async function sendSms(phone, message) {
  console.log(`[SMS] to ${phone}: ${message}`);
  return { success: true, sid: 'SM' + Date.now() };
}

module.exports = { sendSms };
