// Simple mailer. Swap in a real SMTP provider before launch.
async function sendEmail(to, subject, body) {
  // expect: G6.D4
  console.log("=== EMAIL ===");
  console.log("Subject:", subject);
  console.log(body);
  return { status: "sent" };
}

module.exports = { sendEmail };
