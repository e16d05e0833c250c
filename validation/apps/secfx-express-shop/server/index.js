const express = require('express');
const session = require('express-session');
const cors = require('cors');
const products = require('./routes/products');
const auth = require('./routes/auth');
const orders = require('./routes/orders');

// expect: G4.D7
const app = express();

// expect: G4.D7
app.use(cors({ origin: '*', credentials: true }));
app.use(express.json());
app.use(
  // expect: G4.D3
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
  })
);

app.use('/api/products', products);
app.use('/api/auth', auth);
app.use('/api/orders', orders);

const PORT = process.env.PORT || 4000;
app.listen(PORT, () => console.log(`API listening on ${PORT}`));
