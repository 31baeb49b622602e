const KNEE = 60;

/**
 * Posters print text in any colour on any colour: dark on orange beside white on orange defeats
 * a plain grey conversion (Tesseract binarises one polarity). Measuring each pixel's distance
 * from the picture's most common colour turns every text colour into dark ink on white paper.
 * Returns one grey channel, same size.
 */
export function inkFromBackground(rgb: Uint8Array, channels: number): Uint8Array {
  const pixels = Math.floor(rgb.length / channels);
  const counts = new Uint32Array(1 << 15);
  const step = pixels > 200_000 ? 4 : 1;
  let modeBin = 0;
  for (let pixel = 0; pixel < pixels; pixel += step) {
    const offset = pixel * channels;
    const bin = ((rgb[offset]! >> 3) << 10) | ((rgb[offset + 1]! >> 3) << 5) | (rgb[offset + 2]! >> 3);
    const count = ++counts[bin]!;
    if (count > counts[modeBin]!) modeBin = bin;
  }
  const background = [((modeBin >> 10) & 31) * 8 + 4, ((modeBin >> 5) & 31) * 8 + 4, (modeBin & 31) * 8 + 4];
  const grey = new Uint8Array(pixels);
  for (let pixel = 0; pixel < pixels; pixel++) {
    const offset = pixel * channels;
    const distance = Math.max(Math.abs(rgb[offset]! - background[0]!), Math.abs(rgb[offset + 1]! - background[1]!), Math.abs(rgb[offset + 2]! - background[2]!));
    // Faint shapes (watermarks, translucent decoration) fall below the knee and vanish; text is far from the ground.
    grey[pixel] = 255 - Math.min(255, Math.max(0, (distance - KNEE) * 3));
  }
  return grey;
}
