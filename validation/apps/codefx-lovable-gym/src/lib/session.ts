import { api } from "./api";

export const session = {
  token: localStorage.getItem("gym_token") ?? "",
  gymId: localStorage.getItem("gym_id") ?? "",
  async refresh() {
    const res = await api.post("/functions/v1/refresh-session", { gymId: session.gymId });
    session.token = res.token;
    localStorage.setItem("gym_token", res.token);
  },
};
