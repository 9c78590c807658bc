export const PALETTE = ['#4f46e5', '#0891b2', '#059669', '#d97706', '#dc2626', '#7c3aed', '#db2777', '#65a30d', '#0284c7', '#ea580c'];

export function colorAt(i: number): string {
  return PALETTE[i % PALETTE.length] ?? '#4f46e5';
}
