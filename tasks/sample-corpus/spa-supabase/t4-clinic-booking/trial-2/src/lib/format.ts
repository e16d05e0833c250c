import { format } from "date-fns";

export const formatINR = (amount: number) =>
  amount.toLocaleString("en-IN", { style: "currency", currency: "INR", maximumFractionDigits: 0 });

export const formatDate = (value: string | Date) => format(new Date(value), "dd/MM/yyyy");

export const withGst = (amount: number) => Math.round(amount * 1.18);
