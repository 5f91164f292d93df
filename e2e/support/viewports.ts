/** The sizes people open the playground at: a laptop, a large screen, a tablet, a phone (issue 12). */
export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1600, height: 1000 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
] as const;
