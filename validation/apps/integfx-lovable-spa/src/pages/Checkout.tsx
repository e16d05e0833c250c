import { useState } from "react";
import { useParams, useNavigate } from "react-router-dom";
import { toast } from "sonner";
import { supabase } from "@/integrations/supabase/client";

export default function Checkout() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [processing, setProcessing] = useState(false);

  const handlePayment = async () => {
    setProcessing(true);
    // Simulate payment processing
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const { error } = await supabase
      .from("appointments")
      // expect: G3.P1
      .update({ paid: true, payment_ref: "PAY-" + Date.now() })
      .eq("id", id);
    setProcessing(false);
    if (error) {
      toast.error("Payment failed");
      return;
    }
    toast.success("Payment successful! Your appointment is confirmed.");
    navigate("/");
  };

  return (
    <div className="max-w-md mx-auto p-6">
      <h1 className="text-2xl font-bold">Pay for your visit</h1>
      <p className="text-muted-foreground">Consultation fee: $45.00</p>
      <button disabled={processing} onClick={handlePayment}>
        {processing ? "Processing..." : "Pay now"}
      </button>
    </div>
  );
}
