import { toast } from "sonner";
import { supabase } from "@/integrations/supabase/client";

export default function Order() {
  const checkout = async (cart: { id: string; qty: number }[]) => {
    const { data, error } = await supabase.functions.invoke("create-checkout", { body: { cart } });
    if (error) return toast.error("Could not start checkout");
    window.location.href = data.url;
  };
  const onPaymentSuccess = () => {
    // ok: G3.P1
    toast.success("Payment successful! We'll email your receipt.");
  };
  const suggest = async () => {
    const { data } = await supabase.functions.invoke("suggest-menu", { body: { mood: "cozy" } });
    toast(data?.suggestion ?? "Try our sourdough");
  };
  return (
    <div>
      <p>We email you a reminder the day before your pickup.</p>
      <button onClick={() => checkout([{ id: "croissant", qty: 6 }])}>Checkout</button>
      <button onClick={suggest}>Suggest something</button>
      <a href="mailto:hello@bakery.example">Contact the bakery</a>
    </div>
  );
}
