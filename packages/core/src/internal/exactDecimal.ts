/** Why {@link multiplyExact} could not give a whole, safe integer. */
export type ExactFailure = "fraction" | "too_large" | "malformed";

/**
 * Multiplies a decimal number (given as text or as a JS number, read through its shortest decimal
 * form) by an integer unit exactly, returning the product when it is a whole number within
 * `Number.MAX_SAFE_INTEGER`, else why not. `1.1 × 1000` is 1100, not 1100.0000000000002.
 */
export function multiplyExact(decimal: string | number, unit: number): number | ExactFailure {
  const text = typeof decimal === "number" ? numberToPlainDecimal(decimal) : decimal.replace(",", ".");
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (match === null) return "malformed";
  const sign = match[1] === "-" ? -1n : 1n;
  const whole = match[2] === "" ? "0" : (match[2] ?? "0");
  const fraction = match[3] ?? "";
  const scale = 10n ** BigInt(fraction.length);
  const numerator = BigInt(whole + fraction) * BigInt(unit);
  const result = sign * (numerator / scale);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < -BigInt(Number.MAX_SAFE_INTEGER)) return "too_large";
  if (numerator % scale !== 0n) return "fraction";
  return Number(result);
}

function numberToPlainDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Expand exponent notation (1e-7, 1.5e+21) into plain digits.
  const [mantissa = "", exponentText = "0"] = text.toLowerCase().split("e");
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const digitsText = mantissa.replace("-", "");
  const [intPart = "", fracPart = ""] = digitsText.split(".");
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}
