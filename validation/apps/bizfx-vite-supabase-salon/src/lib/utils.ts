export function cn(...classes: Array<string | false | null | undefined>) {
  return classes.filter(Boolean).join(" ");
}

export const formatPrice = (cents: number) => `₹${(cents / 100).toFixed(0)}`;
