const express = require('express');
const axios = require('axios');
const router = express.Router();

// Generate a workout plan for a member
router.post('/workout-plan', async (req, res) => {
  // expect: G3.P3, G3.D2
  const r = await axios.post('https://api.openai.com/v1/chat/completions', {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Make a 4-week plan for: ${req.body.goal}` }],
    // expect: G3.D5
  }, { headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } });
  res.json({ plan: r.data.choices[0].message.content });
});

module.exports = router;
