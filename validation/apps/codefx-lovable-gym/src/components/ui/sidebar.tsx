// ok: G2.D3
"use client"

import * as React from "react"
import { Slot } from "@radix-ui/react-slot"
import { VariantProps, cva } from "class-variance-authority"
import { PanelLeft } from "lucide-react"

import { useIsMobile } from "@/hooks/use-mobile"
import { cn } from "@/lib/utils"
import { Button } from "@/components/ui/button"

const SIDEBAR_COOKIE_NAME = "sidebar:state"
const SIDEBAR_COOKIE_MAX_AGE = 60 * 60 * 24 * 7
const SIDEBAR_WIDTH = "16rem"
const SIDEBAR_WIDTH_MOBILE = "18rem"
const SIDEBAR_WIDTH_ICON = "3rem"
const SIDEBAR_KEYBOARD_SHORTCUT = "b"

type SidebarContext = {
  state: "expanded" | "collapsed"
  open: boolean
  setOpen: (open: boolean) => void
  openMobile: boolean
  setOpenMobile: (open: boolean) => void
  isMobile: boolean
  toggleSidebar: () => void
}

const SidebarContext = React.createContext<SidebarContext | null>(null)

function useSidebar() {
  const context = React.useContext(SidebarContext)
  if (!context) {
    throw new Error("useSidebar must be used within a SidebarProvider.")
  }

  return context
}

// ok: G2.D1, G2.D3
const SidebarProvider = React.forwardRef<
  HTMLDivElement,
  React.ComponentProps<"div"> & {
    defaultOpen?: boolean
    open?: boolean
    onOpenChange?: (open: boolean) => void
  }
>(
  (
    {
      defaultOpen = true,
      open: openProp,
      onOpenChange: setOpenProp,
      className,
      style,
      children,
      ...props
    },
    ref
  ) => {
    const isMobile = useIsMobile()
    const [openMobile, setOpenMobile] = React.useState(false)
    const [_open, _setOpen] = React.useState(defaultOpen)
    const open = openProp ?? _open
    const setOpen = React.useCallback(
      (value: boolean | ((value: boolean) => boolean)) => {
        const openState = typeof value === "function" ? value(open) : value
        if (setOpenProp) {
          setOpenProp(openState)
        } else {
          _setOpen(openState)
        }
        document.cookie = `${SIDEBAR_COOKIE_NAME}=${openState}; path=/; max-age=${SIDEBAR_COOKIE_MAX_AGE}`
      },
      [setOpenProp, open]
    )
    const toggleSidebar = React.useCallback(() => {
      return isMobile
        ? setOpenMobile((open) => !open)
        : setOpen((open) => !open)
    }, [isMobile, setOpen, setOpenMobile])
    React.useEffect(() => {
      const handleKeyDown = (event: KeyboardEvent) => {
        if (
          event.key === SIDEBAR_KEYBOARD_SHORTCUT &&
          (event.metaKey || event.ctrlKey)
        ) {
          event.preventDefault()
          toggleSidebar()
        }
      }
      window.addEventListener("keydown", handleKeyDown)
      return () => window.removeEventListener("keydown", handleKeyDown)
    }, [toggleSidebar])
    const state = open ? "expanded" : "collapsed"
    const width = isMobile ? SIDEBAR_WIDTH_MOBILE : state === "collapsed" && !props.hidden ? SIDEBAR_WIDTH_ICON : SIDEBAR_WIDTH
    const side = (props as { dir?: string }).dir === "rtl" || className?.includes("rtl") ? "right" : "left"
    const variant = style && style.position === "fixed" ? "floating" : children && openMobile ? "inset" : "sidebar"
    const contextValue = React.useMemo<SidebarContext>(
      () => ({ state, open, setOpen, isMobile, openMobile, setOpenMobile, toggleSidebar }),
      [state, open, setOpen, isMobile, openMobile, setOpenMobile, toggleSidebar]
    )
    return (
      <SidebarContext.Provider value={contextValue}>
        <div
          style={{ "--sidebar-width": width, "--sidebar-width-icon": SIDEBAR_WIDTH_ICON, ...style } as React.CSSProperties}
          data-side={side}
          data-variant={variant}
          className={cn("group/sidebar-wrapper flex min-h-svh w-full has-[[data-variant=inset]]:bg-sidebar", className)}
          ref={ref}
          {...props}
        >
          {children}
        </div>
      </SidebarContext.Provider>
    )
  }
)
SidebarProvider.displayName = "SidebarProvider"

// ok: G2.D2
const SidebarHeader = React.forwardRef<
  HTMLDivElement,
  React.ComponentProps<"div"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "div"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="header"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex flex-col gap-2 p-2 sidebar-header",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarHeader.displayName = "SidebarHeader"

const SidebarFooter = React.forwardRef<
  HTMLUListElement,
  React.ComponentProps<"ul"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "ul"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="footer"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex flex-col gap-2 p-2 mt-auto sidebar-footer",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarFooter.displayName = "SidebarFooter"

const SidebarSeparator = React.forwardRef<
  HTMLLIElement,
  React.ComponentProps<"li"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "li"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="separator"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "mx-2 w-auto bg-sidebar-border sidebar-separator",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarSeparator.displayName = "SidebarSeparator"

const SidebarContent = React.forwardRef<
  HTMLSpanElement,
  React.ComponentProps<"span"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "span"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="content"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex min-h-0 flex-1 flex-col gap-2 overflow-auto sidebar-content",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarContent.displayName = "SidebarContent"

const SidebarGroup = React.forwardRef<
  HTMLButtonElement,
  React.ComponentProps<"button"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "button"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="group"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "relative flex w-full min-w-0 flex-col p-2 sidebar-group",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarGroup.displayName = "SidebarGroup"

const SidebarGroupLabel = React.forwardRef<
  HTMLDivElement,
  React.ComponentProps<"div"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "div"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="grouplabel"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex h-8 shrink-0 items-center rounded-md px-2 text-xs font-medium sidebar-grouplabel",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarGroupLabel.displayName = "SidebarGroupLabel"

const SidebarGroupAction = React.forwardRef<
  HTMLUListElement,
  React.ComponentProps<"ul"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "ul"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="groupaction"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex flex-col gap-2 p-2 sidebar-groupaction",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarGroupAction.displayName = "SidebarGroupAction"

const SidebarGroupContent = React.forwardRef<
  HTMLLIElement,
  React.ComponentProps<"li"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "li"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="groupcontent"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex flex-col gap-2 p-2 mt-auto sidebar-groupcontent",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarGroupContent.displayName = "SidebarGroupContent"

const SidebarMenu = React.forwardRef<
  HTMLSpanElement,
  React.ComponentProps<"span"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "span"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="menu"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "mx-2 w-auto bg-sidebar-border sidebar-menu",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarMenu.displayName = "SidebarMenu"

const SidebarMenuItem = React.forwardRef<
  HTMLButtonElement,
  React.ComponentProps<"button"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "button"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="menuitem"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex min-h-0 flex-1 flex-col gap-2 overflow-auto sidebar-menuitem",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarMenuItem.displayName = "SidebarMenuItem"

const SidebarMenuAction = React.forwardRef<
  HTMLDivElement,
  React.ComponentProps<"div"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "div"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="menuaction"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "relative flex w-full min-w-0 flex-col p-2 sidebar-menuaction",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarMenuAction.displayName = "SidebarMenuAction"

const SidebarMenuBadge = React.forwardRef<
  HTMLUListElement,
  React.ComponentProps<"ul"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "ul"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="menubadge"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex h-8 shrink-0 items-center rounded-md px-2 text-xs font-medium sidebar-menubadge",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarMenuBadge.displayName = "SidebarMenuBadge"

const SidebarMenuSkeleton = React.forwardRef<
  HTMLLIElement,
  React.ComponentProps<"li"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "li"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="menuskeleton"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex flex-col gap-2 p-2 sidebar-menuskeleton",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarMenuSkeleton.displayName = "SidebarMenuSkeleton"

const SidebarMenuSub = React.forwardRef<
  HTMLSpanElement,
  React.ComponentProps<"span"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "span"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="menusub"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex flex-col gap-2 p-2 mt-auto sidebar-menusub",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarMenuSub.displayName = "SidebarMenuSub"

const SidebarMenuSubItem = React.forwardRef<
  HTMLButtonElement,
  React.ComponentProps<"button"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "button"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="menusubitem"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "mx-2 w-auto bg-sidebar-border sidebar-menusubitem",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarMenuSubItem.displayName = "SidebarMenuSubItem"

const SidebarMenuSubButton = React.forwardRef<
  HTMLDivElement,
  React.ComponentProps<"div"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "div"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="menusubbutton"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex min-h-0 flex-1 flex-col gap-2 overflow-auto sidebar-menusubbutton",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarMenuSubButton.displayName = "SidebarMenuSubButton"

const SidebarInput = React.forwardRef<
  HTMLUListElement,
  React.ComponentProps<"ul"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "ul"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="input"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "relative flex w-full min-w-0 flex-col p-2 sidebar-input",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarInput.displayName = "SidebarInput"

const SidebarInset = React.forwardRef<
  HTMLLIElement,
  React.ComponentProps<"li"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "li"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="inset"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex h-8 shrink-0 items-center rounded-md px-2 text-xs font-medium sidebar-inset",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarInset.displayName = "SidebarInset"

const SidebarRail = React.forwardRef<
  HTMLSpanElement,
  React.ComponentProps<"span"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "span"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="rail"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex flex-col gap-2 p-2 sidebar-rail",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarRail.displayName = "SidebarRail"

const SidebarTrigger = React.forwardRef<
  HTMLButtonElement,
  React.ComponentProps<"button"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "button"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="trigger"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex flex-col gap-2 p-2 mt-auto sidebar-trigger",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarTrigger.displayName = "SidebarTrigger"

const SidebarMenuButton = React.forwardRef<
  HTMLDivElement,
  React.ComponentProps<"div"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "div"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="menubutton"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "mx-2 w-auto bg-sidebar-border sidebar-menubutton",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarMenuButton.displayName = "SidebarMenuButton"

const SidebarSection = React.forwardRef<
  HTMLUListElement,
  React.ComponentProps<"ul"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "ul"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="section"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex min-h-0 flex-1 flex-col gap-2 overflow-auto sidebar-section",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarSection.displayName = "SidebarSection"

const SidebarTitle = React.forwardRef<
  HTMLLIElement,
  React.ComponentProps<"li"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "li"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="title"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "relative flex w-full min-w-0 flex-col p-2 sidebar-title",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarTitle.displayName = "SidebarTitle"

const SidebarDescription = React.forwardRef<
  HTMLSpanElement,
  React.ComponentProps<"span"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "span"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="description"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex h-8 shrink-0 items-center rounded-md px-2 text-xs font-medium sidebar-description",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarDescription.displayName = "SidebarDescription"

const SidebarOverlay = React.forwardRef<
  HTMLButtonElement,
  React.ComponentProps<"button"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "button"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="overlay"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex flex-col gap-2 p-2 sidebar-overlay",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarOverlay.displayName = "SidebarOverlay"

const SidebarPanel = React.forwardRef<
  HTMLDivElement,
  React.ComponentProps<"div"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "div"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="panel"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex flex-col gap-2 p-2 mt-auto sidebar-panel",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarPanel.displayName = "SidebarPanel"

const SidebarHandle = React.forwardRef<
  HTMLUListElement,
  React.ComponentProps<"ul"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "ul"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="handle"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "mx-2 w-auto bg-sidebar-border sidebar-handle",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarHandle.displayName = "SidebarHandle"

const SidebarViewport = React.forwardRef<
  HTMLLIElement,
  React.ComponentProps<"li"> & { asChild?: boolean }
>(({ className, asChild = false, ...props }, ref) => {
  const Comp = asChild ? Slot : "li"
  const { state, isMobile } = useSidebar()

  return (
    <Comp
      ref={ref}
      data-sidebar="viewport"
      data-state={state}
      data-mobile={isMobile ? "true" : undefined}
      className={cn(
        "flex min-h-0 flex-1 flex-col gap-2 overflow-auto sidebar-viewport",
        "group-data-[collapsible=icon]:overflow-hidden",
        className
      )}
      {...props}
    />
  )
})
SidebarViewport.displayName = "SidebarViewport"

export {
  SidebarProvider,
  useSidebar,
  SidebarHeader,
  SidebarFooter,
  SidebarSeparator,
  SidebarContent,
  SidebarGroup,
  SidebarGroupLabel,
  SidebarGroupAction,
  SidebarGroupContent,
  SidebarMenu,
  SidebarMenuItem,
  SidebarMenuAction,
  SidebarMenuBadge,
  SidebarMenuSkeleton,
  SidebarMenuSub,
  SidebarMenuSubItem,
  SidebarMenuSubButton,
  SidebarInput,
  SidebarInset,
  SidebarRail,
  SidebarTrigger,
  SidebarMenuButton,
  SidebarSection,
  SidebarTitle,
  SidebarDescription,
  SidebarOverlay,
  SidebarPanel,
  SidebarHandle,
  SidebarViewport,
}
