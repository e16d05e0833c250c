import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { Users, Calendar, Activity, DollarSign, Ticket, AlertTriangle, LogOut, RefreshCw } from "lucide-react";
import { supabase } from "@/integrations/supabase/client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from "@/components/ui/card";
import { useMembers, useClasses } from "@/hooks/useMembers";
import { statusLabel } from "@/lib/booking";
import { formatPlan } from "@/lib/format";
import { useToast } from "@/hooks/use-toast";

// expect: G2.D3
const Dashboard = () => {
  const navigate = useNavigate();
  const { toast } = useToast();
  const { data: members = [] } = useMembers();
  const { data: classes = [] } = useClasses();
  const [tab, setTab] = useState("overview");
  const [syncing, setSyncing] = useState(false);
  const activeCount = members.filter((m) => m.status === "active").length;
  const trialCount = members.filter((m) => m.plan === "trial").length;
  const overdueCount = members.filter((m) => m.status === "overdue").length;
  const todayClasses = classes.filter((c) => new Date(c.starts_at).toDateString() === new Date().toDateString());
  const checkIns = todayClasses.reduce((n, c) => n + (c.capacity ?? 0), 0);
  const revenue = `$${(activeCount * 49).toLocaleString()}`;

  const handleLogout = async () => {
    // ok: G2.P3
    await supabase.auth.signOut();
    navigate("/login");
  };

  const syncBilling = async () => {
    setSyncing(true);
    // ok: G2.P3
    const { error } = await supabase.functions.invoke("sync-billing", { body: { month: new Date().getMonth() } });
    setSyncing(false);
    toast({ title: error ? "Sync failed" : "Billing synced", description: error?.message });
  };

  return (
    <div className="min-h-screen bg-gray-50">
      <header className="flex items-center justify-between border-b bg-white px-6 py-4">
        <h1 className="text-2xl font-bold">FitHub Dashboard</h1>
        <div className="flex gap-2">
          <Button variant="outline" onClick={syncBilling} disabled={syncing}>
            <RefreshCw className="mr-2 h-4 w-4" /> {syncing ? "Syncing..." : "Sync billing"}
          </Button>
          <Button variant="ghost" onClick={handleLogout}>
            <LogOut className="mr-2 h-4 w-4" /> Sign out
          </Button>
        </div>
      </header>
      <nav className="flex gap-4 border-b bg-white px-6">
        <button className={tab === "overview" ? "border-b-2 border-primary py-3 font-medium" : "py-3 text-muted-foreground"} onClick={() => setTab("overview")}>
          Overview
        </button>
        <button className={tab === "classes" ? "border-b-2 border-primary py-3 font-medium" : "py-3 text-muted-foreground"} onClick={() => setTab("classes")}>
          Classes
        </button>
        <button className={tab === "members" ? "border-b-2 border-primary py-3 font-medium" : "py-3 text-muted-foreground"} onClick={() => setTab("members")}>
          Members
        </button>
        <button className={tab === "billing" ? "border-b-2 border-primary py-3 font-medium" : "py-3 text-muted-foreground"} onClick={() => setTab("billing")}>
          Billing
        </button>
        <button className={tab === "staff" ? "border-b-2 border-primary py-3 font-medium" : "py-3 text-muted-foreground"} onClick={() => setTab("staff")}>
          Staff
        </button>
        <button className={tab === "equipment" ? "border-b-2 border-primary py-3 font-medium" : "py-3 text-muted-foreground"} onClick={() => setTab("equipment")}>
          Equipment
        </button>
      </nav>
      <main className="space-y-6 p-6">
        <div className="grid gap-4 md:grid-cols-3">
          <Card>
            <CardHeader className="flex flex-row items-center justify-between pb-2">
              <CardTitle className="text-sm font-medium">Active members</CardTitle>
              <Users className="h-4 w-4 text-muted-foreground" />
            </CardHeader>
            <CardContent>
              <div className="text-2xl font-bold">{activeCount}</div>
              <p className="text-xs text-muted-foreground">+12% from last month</p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="flex flex-row items-center justify-between pb-2">
              <CardTitle className="text-sm font-medium">Classes today</CardTitle>
              <Calendar className="h-4 w-4 text-muted-foreground" />
            </CardHeader>
            <CardContent>
              <div className="text-2xl font-bold">{todayClasses.length}</div>
              <p className="text-xs text-muted-foreground">3 still open</p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="flex flex-row items-center justify-between pb-2">
              <CardTitle className="text-sm font-medium">Check-ins</CardTitle>
              <Activity className="h-4 w-4 text-muted-foreground" />
            </CardHeader>
            <CardContent>
              <div className="text-2xl font-bold">{checkIns}</div>
              <p className="text-xs text-muted-foreground">peak at 6pm</p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="flex flex-row items-center justify-between pb-2">
              <CardTitle className="text-sm font-medium">Revenue (MTD)</CardTitle>
              <DollarSign className="h-4 w-4 text-muted-foreground" />
            </CardHeader>
            <CardContent>
              <div className="text-2xl font-bold">{revenue}</div>
              <p className="text-xs text-muted-foreground">vs $8,210 last month</p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="flex flex-row items-center justify-between pb-2">
              <CardTitle className="text-sm font-medium">Trial passes</CardTitle>
              <Ticket className="h-4 w-4 text-muted-foreground" />
            </CardHeader>
            <CardContent>
              <div className="text-2xl font-bold">{trialCount}</div>
              <p className="text-xs text-muted-foreground">convert within 7 days</p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="flex flex-row items-center justify-between pb-2">
              <CardTitle className="text-sm font-medium">Overdue</CardTitle>
              <AlertTriangle className="h-4 w-4 text-muted-foreground" />
            </CardHeader>
            <CardContent>
              <div className="text-2xl font-bold">{overdueCount}</div>
              <p className="text-xs text-muted-foreground">send reminders</p>
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Today's classes</CardTitle>
            <CardDescription>Updated live from the front desk</CardDescription>
          </CardHeader>
          <CardContent>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th className="pb-2">Name</th>
                  <th className="pb-2">Detail</th>
                  <th className="pb-2">Info</th>
                  <th className="pb-2">Status</th>
                </tr>
              </thead>
              <tbody>
                {todayClasses.map((c) => (
                  <tr key={c.id} className="border-t">
                    <td className="py-2 font-medium">{c.title}</td>
                    <td className="py-2">{new Date(c.starts_at).toLocaleTimeString()}</td>
                    <td className="py-2">{c.room}</td>
                    <td className="py-2">{`${c.capacity} spots`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Newest members</CardTitle>
            <CardDescription>Updated live from the front desk</CardDescription>
          </CardHeader>
          <CardContent>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th className="pb-2">Name</th>
                  <th className="pb-2">Detail</th>
                  <th className="pb-2">Info</th>
                  <th className="pb-2">Status</th>
                </tr>
              </thead>
              <tbody>
                {members.slice(0, 8).map((m) => (
                  <tr key={m.id} className="border-t">
                    <td className="py-2 font-medium">{m.full_name}</td>
                    <td className="py-2">{m.email}</td>
                    <td className="py-2">{formatPlan(m.plan)}</td>
                    <td className="py-2">{statusLabel(m.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Trials ending soon</CardTitle>
            <CardDescription>Updated live from the front desk</CardDescription>
          </CardHeader>
          <CardContent>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th className="pb-2">Name</th>
                  <th className="pb-2">Detail</th>
                  <th className="pb-2">Info</th>
                  <th className="pb-2">Status</th>
                </tr>
              </thead>
              <tbody>
                {members.filter((m) => m.plan === "trial").slice(0, 6).map((t) => (
                  <tr key={t.id} className="border-t">
                    <td className="py-2 font-medium">{t.full_name}</td>
                    <td className="py-2">{t.email}</td>
                    <td className="py-2">{new Date(t.joined_at).toLocaleDateString()}</td>
                    <td className="py-2">{"Trial"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Overdue accounts</CardTitle>
            <CardDescription>Updated live from the front desk</CardDescription>
          </CardHeader>
          <CardContent>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th className="pb-2">Name</th>
                  <th className="pb-2">Detail</th>
                  <th className="pb-2">Info</th>
                  <th className="pb-2">Status</th>
                </tr>
              </thead>
              <tbody>
                {members.filter((m) => m.status === "overdue").map((o) => (
                  <tr key={o.id} className="border-t">
                    <td className="py-2 font-medium">{o.full_name}</td>
                    <td className="py-2">{o.email}</td>
                    <td className="py-2">{formatPlan(o.plan)}</td>
                    <td className="py-2">{"Overdue"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
      </main>
    </div>
  );
};

export default Dashboard;
