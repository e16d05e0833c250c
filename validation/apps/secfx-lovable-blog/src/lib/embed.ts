export function renderEmbed(container: HTMLElement, embedCode: string) {
  // expect: G4.P3
  container.innerHTML = embedCode;
}

export function renderCaption(container: HTMLElement, caption: string) {
  // ok: G4.P3
  container.textContent = caption;
}
