require('dotenv').config();
const express = require('express');
const path = require('path');
const appointments = require('./routes/appointments');
const feedback = require('./routes/feedback');

const app = express();
app.use(express.json());
app.use(express.static(path.join(__dirname, 'public')));
app.use('/api/appointments', appointments);
app.use('/api/feedback', feedback);

const PORT = process.env.PORT || 3000;
app.listen(PORT, '0.0.0.0', () => console.log(`Clinic booking running on port ${PORT}`));
