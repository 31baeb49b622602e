/** Whether OCR text holds the poster's ballot-number call ("Coblos No. 2", "Pilih Nomor 02"), case and spacing aside. */
export function hasBallotCall(text: string, ballotNumber: number): boolean {
  const pattern = new RegExp(`\\b(coblos|pilih)[\\s.,:]+(no\\.?|nomor)[\\s.,:]*0?${ballotNumber}\\b`, 'i');
  return pattern.test(text.replace(/\s+/g, ' '));
}
