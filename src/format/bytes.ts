/**
 * Byte counts for people: binary units as free -h prints them, one decimal below 10 of a unit and
 * none above (2147483648 → "2.0 GiB", 19.4 GiB → "19 GiB"), exact bytes below 1 KiB. The one
 * formatter for prose, diagnostics, the terminal and chart axes, so a figure reads the same
 * everywhere memtrail shows it.
 */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  let v = Math.abs(bytes), i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const sign = bytes < 0 ? '−' : '';
  return `${sign}${v < 10 && i > 0 ? v.toFixed(1) : Math.round(v)} ${UNITS[i]}`;
}
