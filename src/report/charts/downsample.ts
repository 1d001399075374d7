/**
 * Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps the first and last point and, per
 * bucket, the point forming the largest triangle with its neighbours' picks, so peaks and troughs
 * survive where plain averaging or striding would flatten them. Used on every chart series so a
 * 7-day recording at 10 s (60,480 samples) stays a small JSON and a light SVG.
 */
export const MAX_CHART_POINTS = 600;

export function downsample(points: [number, number][], threshold = MAX_CHART_POINTS): [number, number][] {
  const n = points.length;
  if (threshold >= n || threshold < 3) return points;
  const out: [number, number][] = [points[0]!];
  const bucketSize = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    // Average of the next bucket: the third corner of the triangle.
    const nextStart = Math.floor((i + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * bucketSize) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += points[j]![0];
      avgY += points[j]![1];
    }
    const count = Math.max(nextEnd - nextStart, 1);
    avgX /= count;
    avgY /= count;

    const start = Math.floor(i * bucketSize) + 1;
    const end = Math.floor((i + 1) * bucketSize) + 1;
    const [ax, ay] = points[a]!;
    let maxArea = -1;
    let pick = start;
    for (let j = start; j < end; j++) {
      const [x, y] = points[j]!;
      const area = Math.abs((ax - avgX) * (y - ay) - (ax - x) * (avgY - ay));
      if (area > maxArea) {
        maxArea = area;
        pick = j;
      }
    }
    out.push(points[pick]!);
    a = pick;
  }
  out.push(points[n - 1]!);
  return out;
}
