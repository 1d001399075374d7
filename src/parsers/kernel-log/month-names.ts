/**
 * Month names as `dmesg -T`, BSD syslog and journalctl short print them under LC_TIME: English and
 * the common European locales, abbreviated and wide, taken from date-fns' locale data so the
 * spellings are not ours. `avril`, `avr.`, `Mär`, `mrt`, `jun` and `Dec` all resolve.
 * One import per locale: `date-fns/locale` loads all ~100 of them (0.2 s per process or worker).
 */
import { de } from 'date-fns/locale/de';
import { enUS } from 'date-fns/locale/en-US';
import { es } from 'date-fns/locale/es';
import { fr } from 'date-fns/locale/fr';
import { it } from 'date-fns/locale/it';
import { nl } from 'date-fns/locale/nl';
import { pl } from 'date-fns/locale/pl';
import { pt } from 'date-fns/locale/pt';
import { ru } from 'date-fns/locale/ru';
import { sv } from 'date-fns/locale/sv';
import type { Locale, Month } from 'date-fns';

const LOCALES: readonly Locale[] = [enUS, fr, de, es, it, pt, nl, sv, pl, ru];
const MIN_PREFIX_CHARS = 3;
const AMBIGUOUS = -1;
const MONTHS: readonly Month[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function namesOf(locale: Locale, month: Month): string[] {
  const widths = ['abbreviated', 'wide'] as const;
  const contexts = ['formatting', 'standalone'] as const;
  return widths.flatMap((width) => contexts.map((context) => normalise(locale.localize.month(month, { width, context }))));
}

/** Every name and every prefix of ≥3 characters → month 0–11; prefixes two months share are dropped. */
function buildLookup(): Map<string, number> {
  const lookup = new Map<string, number>();
  const add = (key: string, month: number): void => {
    const known = lookup.get(key);
    lookup.set(key, known === undefined || known === month ? month : AMBIGUOUS);
  };
  for (const locale of LOCALES) {
    for (const month of MONTHS) {
      for (const name of namesOf(locale, month)) {
        add(name, month);
        for (let length = MIN_PREFIX_CHARS; length < name.length; length += 1) add(name.slice(0, length), month);
      }
    }
  }
  return lookup;
}

const MONTH_BY_NAME = buildLookup();

/** 0-based month for a printed month name (any case, trailing dot ignored), else null. */
export function monthIndex(name: string): number | null {
  const month = MONTH_BY_NAME.get(normalise(name));
  return month === undefined || month === AMBIGUOUS ? null : month;
}
