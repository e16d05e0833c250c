import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { mockProducts } from '../data/mockData';

export const worker = setupWorker(http.get('/api/products', () => HttpResponse.json(mockProducts)));
