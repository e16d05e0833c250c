export interface Product {
  id: string;
  name: string;
  price: number;
  category: string;
  image: string;
  description: string;
  stock: number;
}

export interface Review {
  id: string;
  productId: string;
  author: string;
  rating: number;
  body: string;
  date: string;
}

export const mockProducts: Product[] = [
  {
    id: 'p1',
    name: 'Speckled Stoneware Mug',
    price: 28,
    category: 'mugs',
    // expect: G1.D2
    image: 'https://picsum.photos/seed/mug/600/600',
    // expect: G1.D2
    description: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Wheel-thrown and glazed by hand.',
    stock: 14,
  },
  {
    id: 'p2',
    name: 'Celadon Serving Bowl',
    price: 64,
    category: 'bowls',
    image: 'https://picsum.photos/seed/bowl/600/600',
    description: 'Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
    stock: 6,
  },
  {
    id: 'p3',
    name: 'Ash-Glazed Vase',
    price: 82,
    category: 'vases',
    image: 'https://picsum.photos/seed/vase/600/600',
    description: 'Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.',
    stock: 3,
  },
  {
    id: 'p4',
    name: 'Terracotta Planter',
    price: 36,
    category: 'planters',
    image: 'https://picsum.photos/seed/planter/600/600',
    description: 'Duis aute irure dolor in reprehenderit in voluptate velit esse.',
    stock: 21,
  },
];

export const mockReviews: Review[] = [
  { id: 'r1', productId: 'p1', author: 'Sarah M.', rating: 5, body: 'My favourite morning mug.', date: '2024-03-02' },
  { id: 'r2', productId: 'p1', author: 'Daniel K.', rating: 4, body: 'Beautiful glaze, slightly smaller than expected.', date: '2024-03-18' },
  { id: 'r3', productId: 'p2', author: 'Amara O.', rating: 5, body: 'Gorgeous centrepiece for the table.', date: '2024-04-01' },
];
