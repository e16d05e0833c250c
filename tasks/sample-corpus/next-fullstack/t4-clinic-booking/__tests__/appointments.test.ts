import { GET } from "@/app/api/appointments/route";

jest.mock("@/lib/db", () => ({
  prisma: { appointment: { findMany: jest.fn().mockResolvedValue([]) } },
}));

describe("appointments API", () => {
  it("returns appointments", async () => {
    const res = await GET(new Request("http://localhost:3000/api/appointments"));
    const data = await res.json();
    console.log(data);
  });

  it("books an appointment", async () => {
    // TODO
  });
});
