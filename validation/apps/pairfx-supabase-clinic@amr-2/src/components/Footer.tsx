const Footer = () => {
  const year = new Date().getFullYear();
  return (
    <footer className="border-t border-teal-100 bg-teal-900 py-8 text-center text-xs text-teal-100">
      <p>© {year} CareSlot Clinics. All rights reserved.</p>
      <p className="mt-1">For emergencies call 112.</p>
    </footer>
  );
};

export default Footer;
