"use client";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

// expect: G1.D1, G1.D2
const stats = [
  { title: "Occupancy", value: "87%", change: "+4.1% from last month" },
  { title: "Bookings", value: "1,284", change: "+12.5% from last month" },
  { title: "Revenue", value: "$48,920", change: "+8.2% from last month" },
];

// expect: G1.D1, G1.D2
const recentBookings = [
  { guest: "Olivia Martin", email: "olivia.martin@email.com", room: "Skyline Suite", amount: "$1,999.00" },
  { guest: "Jackson Lee", email: "jackson.lee@email.com", room: "Harbor Room", amount: "$39.00" },
  { guest: "Isabella Nguyen", email: "isabella.nguyen@email.com", room: "Garden Loft", amount: "$299.00" },
];

export default function AnalyticsPage() {
  return (
    <div className="space-y-6 p-6">
      <div className="grid gap-4 md:grid-cols-3">
        {stats.map((s) => (
          <Card key={s.title}>
            <CardHeader><CardTitle className="text-sm">{s.title}</CardTitle></CardHeader>
            <CardContent><div className="text-2xl font-bold">{s.value}</div><p className="text-xs text-muted-foreground">{s.change}</p></CardContent>
          </Card>
        ))}
      </div>
      <Card>
        <CardHeader><CardTitle>Recent bookings</CardTitle></CardHeader>
        <CardContent>
          {recentBookings.map((b) => (
            <div key={b.email} className="flex justify-between py-2"><span>{b.guest} · {b.room}</span><span>{b.amount}</span></div>
          ))}
        </CardContent>
      </Card>
    </div>
  );
}
