import { Avatar, AvatarFallback, AvatarImage } from '@/components/ui/avatar'

export function UserNav() {
  return (
    <div className="flex items-center gap-3">
      <div className="text-right text-sm">
        <p className="font-medium">Alex Rivera</p>
        <p className="text-muted-foreground">Personal budget</p>
      </div>
      <Avatar className="h-9 w-9">
        {/* expect: G1.D2 */}
        <AvatarImage src="/placeholder.svg?height=36&width=36" alt="Alex Rivera" />
        <AvatarFallback>AR</AvatarFallback>
      </Avatar>
    </div>
  )
}
