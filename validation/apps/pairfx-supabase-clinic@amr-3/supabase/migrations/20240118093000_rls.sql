ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.doctors ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.appointments ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Profiles are visible to their owner" ON public.profiles
FOR SELECT USING (auth.uid() = id);
CREATE POLICY "Users update their own profile" ON public.profiles
FOR UPDATE USING (auth.uid() = id);

CREATE POLICY "Doctors are public" ON public.doctors
FOR SELECT USING (true);

CREATE POLICY "Patients see own appointments" ON public.appointments
FOR SELECT USING (auth.uid() = patient_id);
CREATE POLICY "Patients book for themselves" ON public.appointments
FOR INSERT WITH CHECK (auth.uid() = patient_id);
CREATE POLICY "Patients update own appointments" ON public.appointments
FOR UPDATE USING (auth.uid() = patient_id);
