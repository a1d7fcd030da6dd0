// Password hashing with PBKDF2-SHA-256 through WebCrypto (Node and Workers alike). 100,000
// iterations is the most Workers' WebCrypto accepts; the count is stored in each hash, so it can
// be raised later and old hashes still verify.
import { base64url, constantTimeEqual, fromBase64url } from './secrets';

export const PBKDF2_ITERATIONS = 100_000;
export const MIN_PASSWORD_LENGTH = 12;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** `pbkdf2-sha256$<iterations>$<salt>$<hash>` with a fresh 128-bit salt. */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${iterations}$${base64url(salt)}$${base64url(await derive(password, salt, iterations))}`;
}

/** A stored hash that matches no password: verifying against it costs the same as a real one. */
export const DUMMY_HASH = `pbkdf2-sha256$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  const iterations = Number(iter);
  if (scheme !== 'pbkdf2-sha256' || !salt || !hash || !Number.isInteger(iterations) || iterations < 1) return false;
  const derived = await derive(password, fromBase64url(salt), iterations);
  return constantTimeEqual(base64url(derived), hash);
}

/** The lowest zxcvbn score accepted: 3 means about 10^8 guesses or more ("safely unguessable" online). */
export const MIN_PASSWORD_SCORE = 3;

type Checker = {
  check(
    password: string,
    userInputs?: Array<string | number>,
  ): { score: number; feedback: { warning: string | null; suggestions: string[] } };
};
let checker: Promise<Checker> | undefined;

/**
 * zxcvbn-ts with the common-password, diceware and English dictionaries (names and common words)
 * and its English messages: loaded on the first password set, not at start-up (the dictionaries are
 * about 2 MB of JavaScript), then kept.
 */
function zxcvbn(): Promise<Checker> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return checker;
}

/**
 * Why a new password is refused, or null when it is acceptable: shorter than 12 characters, or
 * guessable (a common password or one close to it, a keyboard walk, a sequence, repeats, dates,
 * common words and names, or the user's own name and user name, `userInputs`). The message says
 * what zxcvbn found and how to do better.
 */
export async function passwordProblem(password: string, userInputs: string[] = []): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  // zxcvbn's cost grows with the length; past 100 characters the first 100 decide (a longer one is never weak for lack of them).
  const words = userInputs.flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 2);
  const result = (await zxcvbn()).check(password.slice(0, 100), ['periplus', ...userInputs, ...words]);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ?? 'It is too easy to guess.';
  const how = result.feedback.suggestions.length ? result.feedback.suggestions.join(' ') : 'Add more words that are less common.';
  return `${why.replace(/\.$/, '')}. ${how} A few unrelated words make a strong password (for example four words with spaces)`;
}
