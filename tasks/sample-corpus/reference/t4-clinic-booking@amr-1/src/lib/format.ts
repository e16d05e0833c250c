export const CLINIC_TIME_ZONE = "Asia/Kolkata";

const inr = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" });
const date = new Intl.DateTimeFormat("en-IN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: CLINIC_TIME_ZONE });
const time = new Intl.DateTimeFormat("en-IN", { hour: "2-digit", minute: "2-digit", hour12: true, timeZone: CLINIC_TIME_ZONE });
const isoDay = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: CLINIC_TIME_ZONE });

/** Amounts are stored as integer paise. */
export const formatINR = (paise: number): string => inr.format(paise / 100);

/** DD/MM/YYYY in clinic time. */
export const formatDate = (value: string | Date): string => date.format(new Date(value));

export const formatTime = (value: string | Date): string => time.format(new Date(value));

/** YYYY-MM-DD of the clinic's calendar day, for <input type="date"> and the API. */
export const clinicDay = (value: Date = new Date()): string => isoDay.format(value);
