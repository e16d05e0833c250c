// expect: G1.D2
import { mockProducts, mockReviews, type Product, type Review } from '../data/mockData';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function getProducts(category?: string): Promise<Product[]> {
  // expect: G1.D1
  await delay(600);
  return category ? mockProducts.filter((p) => p.category === category) : mockProducts;
}

export async function getProduct(id: string): Promise<Product | undefined> {
  // expect: G1.D1
  await delay(400);
  return mockProducts.find((p) => p.id === id);
}

export async function getReviews(productId: string): Promise<Review[]> {
  // expect: G1.D1
  await delay(300);
  return mockReviews.filter((r) => r.productId === productId);
}
