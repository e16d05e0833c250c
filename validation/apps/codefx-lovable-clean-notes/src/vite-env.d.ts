/// <reference types="vite/client" />

declare module "react-big-calendar" {
  // ok: G2.D4
  const Calendar: any;
  export default Calendar;
}

interface Window {
  // ok: G2.D4
  dataLayer: any[];
}
