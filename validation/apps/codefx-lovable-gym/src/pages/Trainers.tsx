import { useEffect, useState } from "react";
import { supabase } from "@/integrations/supabase/client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/hooks/use-toast";

type Trainer = { id: string; full_name: string; email: string; specialty: string; hourly_rate: number };

const Trainers = () => {
  const [trainers, setTrainers] = useState<Trainer[]>([]);
  const [isLoading, setIsLoading] = useState(true);
  const [query, setQuery] = useState("");
  const { toast } = useToast();

  const loadTrainers = async () => {
    setIsLoading(true);
    // expect: G2.P3
    const { data, error } = await supabase.from("trainers").select("*").order("full_name");
    if (error) {
      toast({ title: "Error loading trainers", description: error.message });
    } else {
      setTrainers(data || []);
    }
    setIsLoading(false);
  };

  useEffect(() => {
    loadTrainers();
  }, []);

  const removeTrainer = async (trainerId: string) => {
    if (!confirm("Are you sure you want to delete this trainer?")) return;
    const { error } = await supabase.from("trainers").delete().eq("id", trainerId);
    if (error) {
      toast({ title: "Delete failed", description: error.message });
      return;
    }
    toast({ title: "Trainer deleted" });
    loadTrainers();
  };

  const visible = trainers.filter((t) => t.full_name.toLowerCase().includes(query.toLowerCase()));

  return (
    <div className="container mx-auto p-6">
      <Card>
        <CardHeader>
          <CardTitle>Trainers</CardTitle>
        </CardHeader>
        <CardContent>
          <input className="mb-4 w-full rounded border p-2" placeholder="Search trainers..." value={query} onChange={(e) => setQuery(e.target.value)} />
          {isLoading ? (
            <p>Loading...</p>
          ) : (
            <table className="w-full">
              <tbody>
                {visible.map((t) => (
                  <tr key={t.id} className="border-b">
                    <td className="py-2">{t.full_name}</td>
                    <td className="py-2">{t.specialty}</td>
                    <td className="py-2">${t.hourly_rate}/h</td>
                    <td className="py-2 text-right">
                      <Button variant="destructive" size="sm" onClick={() => removeTrainer(t.id)}>Delete</Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </CardContent>
      </Card>
    </div>
  );
};

export default Trainers;
