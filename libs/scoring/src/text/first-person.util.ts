/**
 * The speaker's own "I": English, Malay and Tagalog pronouns of the first person singular, as
 * whole words (a Tagalog verb prefix "I-report" is no pronoun). Not "mine" (a noun as often) nor
 * Tagalog "ko", which colloquial Malay uses for "you". A support or RAG answer speaks
 * for the service ("we", "you"); a reply about the speaker ("I think he was born in 1987", "I
 * also grill it") voices what no passage can hold.
 */
const FIRST_PERSON =
  /(?<![\p{L}\p{N}'’-])(?:i|i['’](?:m|ve|d|ll)|me|my|myself|saya|aku|ako|akin)(?![\p{L}\p{N}'’-])/iu;

/** Whether the text speaks in the first person singular. */
export function speaksAsI(text: string): boolean {
  return FIRST_PERSON.test(text);
}
