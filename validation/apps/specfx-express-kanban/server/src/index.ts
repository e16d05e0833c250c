import express from 'express';
import path from 'node:path';
import { cards } from './routes/cards.js';

const app = express();
app.use(express.json());
app.use('/api', cards);
app.use(express.static(path.resolve('public')));

app.listen(Number(process.env.PORT ?? 4000), () => console.log('kanban api listening'));
