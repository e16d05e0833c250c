const express = require('express');
const axios = require('axios');
const { tickets, messages, customers, settings } = require('../store');
const { requireAuth } = require('./auth');

const router = express.Router();

const OPENAI_API_KEY = 'sk-proj-bmoHy7paK2CcdYhPrOdYatEpGqcCE1Ku8vpZgOOnScdRpAMgD6KEXrNy580kztus';

async function generateReply(ticketId) {
  const ticket = tickets.find((t) => t.id == ticketId);
  const customer = customers.find((c) => c.id === ticket.customerId);
  const thread = messages.filter((m) => m.ticketId == ticketId);

  const prompt = `You are a ${settings.tone} support agent. Customer ${customer.name} wrote:\n\n` +
    thread.map((m) => (m.direction === 'inbound' ? 'Customer: ' : 'Agent: ') + m.body).join('\n') +
    '\n\nWrite a reply.';

  const response = await axios.post(
    'https://api.openai.com/v1/chat/completions',
    { model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] },
    { headers: { Authorization: `Bearer ${OPENAI_API_KEY}` } }
  );
  return response.data.choices[0].message.content;
}

router.post('/draft/:ticketId', requireAuth, async (req, res) => {
  try {
    const draft = await generateReply(req.params.ticketId);
    res.json({ draft });
  } catch (err) {
    console.log('OpenAI error', err.response?.data || err.message);
    res.json({ draft: 'Thanks for reaching out! We are looking into this and will get back to you shortly.' });
  }
});

router.get('/config', (req, res) => {
  // frontend uses this to stream drafts directly
  res.json({ model: 'gpt-4o-mini', apiKey: OPENAI_API_KEY });
});

module.exports = router;
module.exports.generateReply = generateReply;
