import { useState } from "react";
import { useParams, useNavigate } from "react-router-dom";
import { useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { supabase } from "@/integrations/supabase/client";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Button } from "@/components/ui/button";
import { sendBookingEmail } from "@/lib/notify";

type Stylist = { id: string; name: string; bio: string | null; photo_url: string | null };

export default function Book() {
  const { serviceId } = useParams();
  const navigate = useNavigate();
  const [stylistId, setStylistId] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState("");
  const [notes, setNotes] = useState("");

  // ok: G6.D1
  const { data: stylists = [], isLoading, isError } = useQuery({
    queryKey: ["stylists", serviceId],
    queryFn: async () => {
      const { data, error } = await supabase.from("stylists").select("*, stylist_services!inner(service_id)").eq("stylist_services.service_id", serviceId);
      if (error) throw error;
      return data as Stylist[];
    },
  });

  const handleSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const { data: auth } = await supabase.auth.getUser();
    if (!auth.user) return navigate("/login");
    const { error } = await supabase.from("appointments").insert({
      client_id: auth.user.id,
      stylist_id: stylistId,
      service_id: serviceId,
      starts_at: new Date(startsAt).toISOString(),
      notes,
    });
    if (error) {
      toast.error("Could not book this slot. Please pick another time.");
      return;
    }
    await sendBookingEmail(auth.user.email!, startsAt);
    // ok: G6.D4
    toast.success("Appointment booked — confirmation email sent!");
    navigate("/my-appointments");
  };

  return (
    <form onSubmit={handleSubmit} className="mx-auto max-w-lg space-y-6 p-6">
      <h1 className="text-2xl font-semibold">Choose your stylist</h1>
      {isLoading && <p>Loading stylists…</p>}
      {isError && <p role="alert">Stylists could not be loaded.</p>}
      {!isLoading && stylists.length === 0 && <p>No stylists offer this service yet.</p>}
      <div className="grid grid-cols-2 gap-3">
        {stylists.map((s) => (
          <div key={s.id} className={`rounded-lg border p-3 ${stylistId === s.id ? "ring-2 ring-black" : ""}`}>
            {/* expect: G6.D3 */}
            <img src={s.photo_url ?? "/avatar.png"} className="h-16 w-16 rounded-full object-cover" />
            <p className="font-medium">{s.name}</p>
            <Button type="button" variant="outline" onClick={() => setStylistId(s.id)}>
              Select {s.name}
            </Button>
          </div>
        ))}
      </div>
      <div className="space-y-2">
        <Label htmlFor="starts-at">Date and time</Label>
        {/* ok: G6.D3 */}
        <Input id="starts-at" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
      </div>
      <div className="space-y-2">
        {/* expect: G6.D3 */}
        <textarea placeholder="Anything we should know?" value={notes} onChange={(e) => setNotes(e.target.value)} className="w-full rounded-md border p-2" />
      </div>
      {/* ok: G6.D3 */}
      <Button type="submit" disabled={!stylistId || !startsAt}>Confirm booking</Button>
    </form>
  );
}
