// The Flesch Reading Ease of a page's visible text, read from stdin, printed as JSON.
// The formula is wooorm's `flesch`, the syllables wooorm's `syllable`; only the split into
// sentences and words is ours, and it is deliberately plain:
// - a sentence ends at . ! ? or at the end of a line (innerText puts every heading, list item,
//   label and table cell on its own line, and none of them ends with a full stop);
// - a word is a run of letters (with ' or - inside), or a number, which counts as one syllable
//   for each digit group read aloud ("0800 1111" is two words).
import { flesch } from 'flesch'
import { syllable } from 'syllable'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const text = Buffer.concat(chunks).toString('utf8')

const sentences = text
  .split(/\r?\n|(?<=[.!?])\s+/u)
  .map((s) => s.trim())
  .filter((s) => /[\p{L}\p{N}]/u.test(s))

let words = 0
let syllables = 0
const hardest = []
for (const sentence of sentences) {
  for (const word of sentence.match(/\p{L}[\p{L}'’-]*\p{L}|\p{L}|\p{N}+/gu) ?? []) {
    words++
    const count = /^\p{N}+$/u.test(word) ? 1 : Math.max(1, syllable(word))
    syllables += count
    if (count >= 3) hardest.push(word)
  }
}

const counts = { sentence: Math.max(1, sentences.length), word: Math.max(1, words), syllable: Math.max(1, syllables) }
process.stdout.write(JSON.stringify({ score: flesch(counts), ...counts, hardest: [...new Set(hardest)] }) + '\n')
