const express = require('express');
const authRoutes = require('./routes/auth');
const classRoutes = require('./routes/classes');
const uploadRoutes = require('./routes/uploads');
const aiRoutes = require('./routes/ai');
const webhookRoutes = require('./routes/webhooks');
require('./jobs/reminders');

const app = express();
app.use('/api/webhooks', webhookRoutes);
app.use(express.json());
app.use('/api/auth', authRoutes);
app.use('/api/classes', classRoutes);
app.use('/api/uploads', uploadRoutes);
app.use('/api/ai', aiRoutes);

// expect: G3.D1
app.post('/api/stripe/webhook', async (req, res) => {
  const event = req.body;
  if (event.type === 'checkout.session.completed') {
    await require('./db').query('update members set plan = $1 where stripe_customer = $2', ['pro', event.data.object.customer]);
  }
  res.json({ received: true });
});

app.listen(process.env.PORT || 3000, () => console.log('Server running'));
