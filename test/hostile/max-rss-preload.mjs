// Preloaded into the CLI child by run-cli.ts (node --import): writes the peak RSS (KiB) at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.MEMTRAIL_TEST_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
