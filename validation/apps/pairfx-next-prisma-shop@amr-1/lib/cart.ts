export type CartItem = { productId: string; name: string; unitPrice: number; quantity: number }

const KEY = 'chai-cart'

export function readCart(): CartItem[] {
  if (typeof window === 'undefined') return []
  try {
    return JSON.parse(window.localStorage.getItem(KEY) ?? '[]')
  } catch {
    return []
  }
}

export function writeCart(items: CartItem[]) {
  window.localStorage.setItem(KEY, JSON.stringify(items))
  window.dispatchEvent(new Event('cart-changed'))
}

export function addToCart(items: CartItem[], item: CartItem): CartItem[] {
  const existing = items.find((i) => i.productId === item.productId)
  if (existing) {
    return items.map((i) => (i.productId === item.productId ? { ...i, quantity: i.quantity + item.quantity } : i))
  }
  return [...items, item]
}

export function removeFromCart(items: CartItem[], productId: string): CartItem[] {
  return items.filter((i) => i.productId !== productId)
}
