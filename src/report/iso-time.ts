/** Epoch seconds → ISO 8601 UTC (the JSON contract's time format); null stays null. */
export function isoTime(epochSeconds: number | null | undefined): string | null {
  if (epochSeconds === null || epochSeconds === undefined || !Number.isFinite(epochSeconds)) return null;
  const date = new Date(Math.round(epochSeconds * 1000));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
