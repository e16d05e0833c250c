export const metadata = { title: 'DeskBook', description: 'Book meeting rooms at the hub' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
