/**
 * Series colours: CSS classes c0…c11 (templates/assets/report.css defines each for light and dark).
 * Twelve, because the memory-accounting chart stacks eleven categories and none may share a colour.
 */
export const PALETTE_SIZE = 12;

export function colourClass(index: number): string {
  return `c${index % PALETTE_SIZE}`;
}
