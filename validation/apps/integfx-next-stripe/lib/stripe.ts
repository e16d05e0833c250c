import Stripe from "stripe";

// ok: G3.D5
export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });
