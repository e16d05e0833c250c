const express = require('express');
const cors = require('cors');
const bodyParser = require('body-parser');
const path = require('path');

const app = express();

app.use(cors({ origin: '*', credentials: true }));
app.use(bodyParser.json({ limit: '50mb' }));
app.use(express.static(path.join(__dirname, 'public')));
app.use('/dist', express.static(path.join(__dirname, 'dist')));

app.use('/api/auth', require('./routes/auth'));
app.use('/api/tickets', require('./routes/tickets'));
app.use('/api/ai', require('./routes/ai'));
app.use('/api/macros', require('./routes/macros'));
app.use('/api/inbound', require('./routes/tickets').inbound);

app.listen(3000, () => console.log('🚀 Support inbox running on port 3000'));
