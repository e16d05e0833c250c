import { useQuery, useMutation } from "@tanstack/react-query";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { apiRequest, queryClient } from "@/lib/queryClient";
import type { Job } from "@shared/schema";

export default function JobsPage() {
  const { data: jobs = [], isLoading } = useQuery<Job[]>({ queryKey: ["/api/jobs"] });
  const assign = useMutation({
    mutationFn: async ({ id, technicianId }: { id: number; technicianId: number }) => {
      // ok: G2.P3
      const res = await apiRequest("POST", `/api/jobs/${id}/assign`, { technicianId });
      return res.json();
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["/api/jobs"] }),
  });

  if (isLoading) return <div className="p-8">Loading jobs…</div>;

  return (
    <div className="grid gap-4 p-8 md:grid-cols-2">
      {jobs.map((job) => (
        <Card key={job.id}>
          <CardHeader>
            <CardTitle>{job.customerName}</CardTitle>
          </CardHeader>
          <CardContent>
            <p>{job.address}</p>
            <p className="text-sm text-muted-foreground">{job.kind} · {job.priority} · {job.status}</p>
            <button className="mt-2 text-sm underline" onClick={() => assign.mutate({ id: job.id, technicianId: 1 })}>Assign to me</button>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
