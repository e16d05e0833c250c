declare module "pdfmake/build/vfs_fonts" {
  // ok: G2.D4
  const vfs: { pdfMake: { vfs: any } }
  export default vfs
}

declare global {
  interface Window {
    // ok: G2.D4
    Intercom?: (...args: any[]) => void
  }
}

export {}
