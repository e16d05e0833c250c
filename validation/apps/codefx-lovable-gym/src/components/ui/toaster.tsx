import { useToast } from "@/hooks/use-toast"

export function Toaster() {
  const { toasts } = useToast()
  return (
    <div className="fixed bottom-0 right-0 z-[100] flex max-h-screen w-full flex-col-reverse p-4 md:max-w-[420px]">
      {toasts.map(function ({ id, title, description }) {
        return (
          <div key={id} className="mb-2 rounded-md border bg-background p-4 shadow-lg">
            {title && <div className="text-sm font-semibold">{title}</div>}
            {description && <div className="text-sm opacity-90">{description}</div>}
          </div>
        )
      })}
    </div>
  )
}
