import { escapeXml } from '../escape.js';

type AttributeValue = string | number | undefined;

/**
 * One SVG element. Attribute values and text children are escaped here, so chart code never
 * concatenates bundle text into markup; `raw` children are elements this module built.
 */
export function el(name: string, attributes: Record<string, AttributeValue>, ...children: (string | Raw)[]): Raw {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const body = children.map((c) => (typeof c === 'string' ? escapeXml(c) : c.svg)).join('');
  return { svg: `<${name}${attrs}>${body}</${name}>` };
}

/** Markup built by `el`: the only thing that is inserted unescaped. */
export interface Raw {
  svg: string;
}

export function group(attributes: Record<string, AttributeValue>, children: Raw[]): Raw {
  return el('g', attributes, ...children);
}

/** Rounds pixel coordinates: one decimal is below a screen pixel and keeps paths short. */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}
