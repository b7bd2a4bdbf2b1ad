import { ValidateBy, type ValidationArguments } from 'class-validator';

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** A DNS name or IPv4 address such as shop.example, localhost or 10.0.0.5. */
export function isHostname(text: string): boolean {
  return text.length <= 253 && text.split('.').every((label) => LABEL.test(label));
}

/** `*.shop.example` matches every subdomain (the form origin-policy.ts understands). */
export function isHostPattern(text: string): boolean {
  return isHostname(text.startsWith('*.') ? text.slice(2) : text);
}

/** Scheme, host and optional port only, e.g. https://shop.example or https://*.shop.example:8443. */
export function isOriginPattern(text: string): boolean {
  const match = /^(https?):\/\/(\*\.)?([^/:?#@]+)(:\d{1,5})?\/?$/i.exec(text);
  if (!match || !isHostname(match[3])) return false;
  return match[4] === undefined || Number(match[4].slice(1)) <= 65_535;
}

export function isHttpBaseUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    !url.username &&
    !url.password &&
    !url.search &&
    !url.hash &&
    isHostname(url.hostname.replace(/^\[.*\]$/, 'ipv6'))
  );
}

/** A list of strings that each pass `check`; the message names the first entry that does not. */
export function IsListOf(check: (text: string) => boolean, example: string, max = 50) {
  return ValidateBy({
    name: 'isListOf',
    validator: {
      validate: (value: unknown) => Array.isArray(value) && value.length <= max && value.every((v) => typeof v === 'string' && check(v.trim())),
      defaultMessage: ({ property, value }: ValidationArguments) => {
        if (!Array.isArray(value)) return `${property} must be a list such as ["${example}"]`;
        if (value.length > max) return `${property} must have at most ${max} entries`;
        const bad: unknown = value.find((v) => typeof v !== 'string' || !check(v.trim()));
        return `${property} must hold entries such as ${example}; ${JSON.stringify(bad)} is not one`;
      },
    },
  });
}
