require('dotenv').config()
const express = require('express')
const stock = require('./routes/stock')

const app = express()
app.use(express.json())
app.use('/api', stock)
app.listen(process.env.PORT || 3000, () => console.log('stockroom api listening'))
