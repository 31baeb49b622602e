import { execFileSync } from 'node:child_process';
import { INSTALL_TESSERACT_HINT } from '../media-error.js';

/** Fails (never skips) when Tesseract or its ind/eng data is missing, naming the install script. */
export function requireTesseract(): void {
  let languages = '';
  try {
    languages = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new Error(`these tests need Tesseract: ${INSTALL_TESSERACT_HINT}`);
  }
  for (const language of ['ind', 'eng']) if (!languages.split('\n').includes(language)) throw new Error(`Tesseract lacks the "${language}" language data: ${INSTALL_TESSERACT_HINT}`);
}
