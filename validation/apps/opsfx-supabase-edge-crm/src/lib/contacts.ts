import { supabase } from './supabase';

export interface Contact {
  id: string;
  full_name: string;
  email: string;
  company: string | null;
  stage: 'lead' | 'qualified' | 'customer';
}

// Offline-first: show the last list we fetched while the network request is in flight.
export async function fetchContacts(): Promise<Contact[]> {
  const { data, error } = await supabase.from('contacts').select('*').order('full_name');
  if (error) throw error;
  // ok: G7.P2
  localStorage.setItem('contacts', JSON.stringify(data));
  return data as Contact[];
}

export function cachedContacts(): Contact[] {
  return JSON.parse(localStorage.getItem('contacts') ?? '[]');
}

export async function createContact(input: Omit<Contact, 'id'>) {
  const { data, error } = await supabase.from('contacts').insert(input).select().single();
  if (error) throw error;
  return data as Contact;
}

export async function scheduleFollowUp(contactId: string, when: string) {
  const { error } = await supabase.functions.invoke('send-followup', { body: { contactId, when } });
  if (error) throw error;
}
