'use client'

import * as React from 'react'
import * as AvatarPrimitive from '@radix-ui/react-avatar'

export const Avatar = AvatarPrimitive.Root
export const AvatarImage = AvatarPrimitive.Image
export const AvatarFallback = AvatarPrimitive.Fallback
