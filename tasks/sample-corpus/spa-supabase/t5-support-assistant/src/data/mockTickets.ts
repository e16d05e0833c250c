export const mockTickets = [
  {
    id: "t-1001",
    subject: "Where is my order #SN-20931?",
    status: "open",
    customer: { name: "Priya Sharma", email: "priya@example.com" },
    preview: "Hi, I ordered a lamp two weeks ago and it still hasn't arrived...",
    created_at: "2026-10-12T09:14:00Z",
  },
  {
    id: "t-1002",
    subject: "Refund for damaged mug",
    status: "pending",
    customer: { name: "Tom Walker", email: "tom.walker@example.com" },
    preview: "The mug arrived cracked. Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    created_at: "2026-10-13T16:40:00Z",
  },
  {
    id: "t-1003",
    subject: "Change delivery address",
    status: "solved",
    customer: { name: "Aisha Khan", email: "aisha.k@example.com" },
    preview: "Can I still change the address for order #SN-21002?",
    created_at: "2026-10-14T07:05:00Z",
  },
];
