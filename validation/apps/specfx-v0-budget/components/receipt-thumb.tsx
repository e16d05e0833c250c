'use client'

export function ReceiptThumb({ url, label }: { url?: string; label: string }) {
  return (
    <img
      src={url || '/receipt-missing.svg'}
      alt={`Receipt for ${label}`}
      className="h-10 w-10 rounded object-cover"
      onError={(e) => {
        // ok: G1.D2
        e.currentTarget.src = '/placeholder.svg'
      }}
    />
  )
}
