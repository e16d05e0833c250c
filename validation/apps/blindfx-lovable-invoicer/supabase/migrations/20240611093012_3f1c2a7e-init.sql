-- Profiles for every signed-up user
-- ok: G4.D1, G4.P2
CREATE TABLE public.profiles (
  id UUID NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE PRIMARY KEY,
  full_name TEXT,
  company_name TEXT,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;

-- ok: G4.D1, G4.P2
CREATE POLICY "Users can view their own profile"
ON public.profiles FOR SELECT
USING (auth.uid() = id);

-- ok: G4.D1, G4.P2
CREATE POLICY "Users can update their own profile"
ON public.profiles FOR UPDATE
USING (auth.uid() = id);

-- Create profile automatically on signup
-- ok: G4.D1
CREATE OR REPLACE FUNCTION public.handle_new_user()
RETURNS TRIGGER
LANGUAGE plpgsql
SECURITY DEFINER SET search_path = ''
AS $$
BEGIN
  INSERT INTO public.profiles (id, full_name)
  VALUES (NEW.id, NEW.raw_user_meta_data ->> 'full_name');
  RETURN NEW;
END;
$$;

CREATE TRIGGER on_auth_user_created
  AFTER INSERT ON auth.users
  FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();

-- Clients of each freelancer
-- expect: G4.D1, G4.P2
CREATE TABLE public.clients (
  id UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- Invoices
CREATE TABLE public.invoices (
  id UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
  client_id UUID REFERENCES public.clients(id) ON DELETE SET NULL,
  number TEXT NOT NULL,
  amount NUMERIC(12,2) NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  notes TEXT,
  terms TEXT,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

ALTER TABLE public.invoices ENABLE ROW LEVEL SECURITY;

-- expect: G4.D1, G4.P2
CREATE POLICY "Allow all access to invoices"
ON public.invoices FOR ALL
USING (true)
WITH CHECK (true);

-- Pricing plans shown on the public landing page
CREATE TABLE public.plans (
  id SERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  monthly_price NUMERIC(8,2) NOT NULL
);

ALTER TABLE public.plans ENABLE ROW LEVEL SECURITY;

-- ok: G4.D1, G4.P2
CREATE POLICY "Plans are viewable by everyone"
ON public.plans FOR SELECT
USING (true);

-- Used by the dashboard totals widget
-- expect: G4.D1
CREATE OR REPLACE FUNCTION public.get_invoice_totals()
RETURNS TABLE (user_id UUID, total NUMERIC)
LANGUAGE sql
SECURITY DEFINER
AS $$
  SELECT user_id, SUM(amount) FROM public.invoices GROUP BY user_id;
$$;
