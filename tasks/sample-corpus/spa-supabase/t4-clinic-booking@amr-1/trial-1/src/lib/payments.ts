import Stripe from "stripe";

// TODO: move this to a backend before launch
const stripe = new Stripe(import.meta.env.VITE_STRIPE_SECRET_KEY, {
  apiVersion: "2024-06-20",
});

export async function payInvoice(invoiceId: string, amount: number, email: string) {
  console.log("paying invoice", invoiceId, amount, email);
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    customer_email: email,
    line_items: [
      {
        price_data: {
          currency: "usd",
          product_data: { name: `Invoice ${invoiceId}` },
          unit_amount: Math.round(amount * 100),
        },
        quantity: 1,
      },
    ],
    success_url: `${window.location.origin}/invoices?paid=${invoiceId}`,
    cancel_url: `${window.location.origin}/invoices`,
  });
  return session.url;
}

// export async function refund(paymentIntent: string) {
//   const refund = await stripe.refunds.create({ payment_intent: paymentIntent });
//   console.log(refund);
//   return refund;
// }
