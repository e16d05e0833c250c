import { useEffect, useState } from "react";
import { toast } from "sonner";
import { supabase } from "@/integrations/supabase/client";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Button } from "@/components/ui/button";

export default function Profile() {
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [fullName, setFullName] = useState("");
  const [phone, setPhone] = useState("");
  const [userId, setUserId] = useState<string | null>(null);

  useEffect(() => {
    const loadProfile = async () => {
      const { data: auth } = await supabase.auth.getUser();
      if (!auth.user) return;
      setUserId(auth.user.id);
      const { data, error } = await supabase.from("profiles").select("*").eq("id", auth.user.id).single();
      if (error) setError("Could not load your profile");
      setFullName(data?.full_name ?? "");
      setPhone(data?.phone ?? "");
      setLoading(false);
    };
    loadProfile();
  }, []);

  const saveProfile = async () => {
    const { error } = await supabase.from("profiles").update({ full_name: fullName, phone }).eq("id", userId);
    if (error) toast.error("Could not save your profile");
    else toast.success("Profile saved");
  };

  const requestDeletion = () => {
    toast("To delete your account, email support@glowsalon.in and we'll take care of it.");
  };

  if (loading) return <p className="p-6">Loading your profile…</p>;
  if (error) return <p role="alert" className="p-6 text-red-600">{error}</p>;

  return (
    <main className="mx-auto max-w-md space-y-4 p-6">
      <h1 className="text-2xl font-semibold">Your profile</h1>
      <div className="space-y-2">
        <Label htmlFor="name">Full name</Label>
        <Input id="name" value={fullName} onChange={(e) => setFullName(e.target.value)} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="phone">Phone</Label>
        <Input id="phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      </div>
      <Button onClick={saveProfile}>Save</Button>
      <hr />
      <Button variant="destructive" onClick={requestDeletion}>Delete my account</Button>
    </main>
  );
}
