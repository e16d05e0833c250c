import { useEffect, useState } from "react";
import { supabase } from "@/integrations/supabase/client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/hooks/use-toast";

// expect: G2.D2
type Member = { id: string; full_name: string; email: string; plan: string; status: string };

const Members = () => {
  const [members, setMembers] = useState<Member[]>([]);
  const [loading, setLoading] = useState(true);
  const [search, setSearch] = useState("");
  const { toast } = useToast();

  const fetchMembers = async () => {
    setLoading(true);
    // expect: G2.P3
    const { data, error } = await supabase.from("members").select("*").order("full_name");
    if (error) {
      toast({ title: "Error loading members", description: error.message });
    } else {
      setMembers(data || []);
    }
    setLoading(false);
  };

  useEffect(() => {
    fetchMembers();
    // expect: G2.D4
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const handleDelete = async (id: string) => {
    if (!confirm("Are you sure you want to delete this member?")) return;
    const { error } = await supabase.from("members").delete().eq("id", id);
    if (error) {
      toast({ title: "Delete failed", description: error.message });
      return;
    }
    toast({ title: "Member deleted" });
    fetchMembers();
  };

  const filtered = members.filter((m) => m.full_name.toLowerCase().includes(search.toLowerCase()));

  return (
    <div className="container mx-auto p-6">
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
        </CardHeader>
        <CardContent>
          <input className="mb-4 w-full rounded border p-2" placeholder="Search members..." value={search} onChange={(e) => setSearch(e.target.value)} />
          {loading ? (
            <p>Loading...</p>
          ) : (
            <table className="w-full">
              <tbody>
                {filtered.map((m) => (
                  <tr key={m.id} className="border-b">
                    <td className="py-2">{m.full_name}</td>
                    <td className="py-2">{m.email}</td>
                    <td className="py-2">{m.plan}</td>
                    <td className="py-2 text-right">
                      <Button variant="destructive" size="sm" onClick={() => handleDelete(m.id)}>Delete</Button>
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

export default Members;
