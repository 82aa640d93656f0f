// Checksums and structure checks for identifiers: a digit run is PII only when it validates,
// which keeps order numbers and timestamps from being flagged.

/** Luhn (mod 10) check used by payment cards. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** IBAN ISO 13616 mod-97 check on a compact IBAN ("GB82WEST12345698765432"). */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

const NRIC_WEIGHTS = [2, 7, 6, 5, 4, 3, 2];
const NRIC_ST = 'JZIHGFEDCBA';
const NRIC_FG = 'XWUTRQPNMLK';
const NRIC_M = 'KLJNPQRTUWX';

/** Singapore NRIC/FIN (S, T, F, G, M series) check letter. */
export function nricValid(id: string): boolean {
  const s = id.toUpperCase();
  if (!/^[STFGM]\d{7}[A-Z]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (s.charCodeAt(i + 1) - 48) * NRIC_WEIGHTS[i];
  const prefix = s[0];
  if (prefix === 'T' || prefix === 'G') sum += 4;
  if (prefix === 'M') sum += 3;
  const r = sum % 11;
  if (prefix === 'S' || prefix === 'T') return NRIC_ST[r] === s[8];
  if (prefix === 'F' || prefix === 'G') return NRIC_FG[r] === s[8];
  // M series (FIN from 2022): offset 3 and its own table, read backwards (unverified against an official test vector).
  return NRIC_M[10 - r] === s[8];
}

/** Thailand 13-digit national id check digit: (11 − Σ dᵢ·(13 − i) mod 11) mod 10. */
export function thaiIdValid(digits: string): boolean {
  if (!/^\d{13}$/.test(digits) || digits[0] === '0') return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * (13 - i);
  return (11 - (sum % 11)) % 10 === digits.charCodeAt(12) - 48;
}

function validDate(mm: number, dd: number): boolean {
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31;
}

/** Malaysia MyKad YYMMDD-PB-###G: a real birth date and a place-of-birth code (no checksum exists). */
export function myKadValid(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const mm = Number(digits.slice(2, 4));
  const dd = Number(digits.slice(4, 6));
  const pb = Number(digits.slice(6, 8));
  return (
    validDate(mm, dd) &&
    pb >= 1 &&
    pb !== 17 &&
    pb !== 18 &&
    pb !== 19 &&
    pb !== 20 &&
    pb !== 69 &&
    pb !== 70 &&
    pb !== 73 &&
    pb !== 80 &&
    pb !== 81 &&
    pb !== 94 &&
    pb !== 95 &&
    pb !== 96 &&
    pb !== 97
  );
}

/** Indonesia NIK: province code 11–94, birth day (+40 for women) and month valid (no checksum exists). */
export function nikValid(digits: string): boolean {
  if (!/^\d{16}$/.test(digits)) return false;
  const province = Number(digits.slice(0, 2));
  let dd = Number(digits.slice(6, 8));
  const mm = Number(digits.slice(8, 10));
  if (dd > 40) dd -= 40;
  return province >= 11 && province <= 94 && validDate(mm, dd) && digits.slice(12) !== '0000';
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}
