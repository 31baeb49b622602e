/** A rectangle in pixels of the image it was found in. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const EDGE_STEP = 24;
const LINE_SHARE = 0.5;
const BAND = 0.3;

/**
 * Where a picture sits inside a screenshot: the outermost straight lines (a strong change of
 * grey along most of a row or column) within the outer 30 % of each side; nested frames (a
 * screenshot of a screenshot) are peeled by calling it again on the box. A re-shared picture
 * is often a screenshot with status and app bars around it; hashing only the inner box makes it
 * comparable to the original. Returns undefined when no frame is found.
 */
export function contentBox(grey: Uint8Array, width: number, height: number): Box | undefined {
  const rowShare = (y: number) => {
    let strong = 0;
    for (let x = 0; x < width; x++) if (Math.abs(grey[y * width + x]! - grey[(y - 1) * width + x]!) > EDGE_STEP) strong++;
    return strong / width;
  };
  const columnShare = (x: number) => {
    let strong = 0;
    for (let y = 0; y < height; y++) if (Math.abs(grey[y * width + x]! - grey[y * width + x - 1]!) > EDGE_STEP) strong++;
    return strong / height;
  };
  const bandY = Math.floor(height * BAND);
  const bandX = Math.floor(width * BAND);
  let top = 0;
  for (let y = 2; y <= bandY; y++) if (rowShare(y) > LINE_SHARE) { top = y; break; }
  let bottom = height;
  for (let y = height - 2; y >= height - bandY; y--) if (rowShare(y) > LINE_SHARE) { bottom = y; break; }
  let left = 0;
  for (let x = 2; x <= bandX; x++) if (columnShare(x) > LINE_SHARE) { left = x; break; }
  let right = width;
  for (let x = width - 2; x >= width - bandX; x--) if (columnShare(x) > LINE_SHARE) { right = x; break; }
  if (top === 0 && bottom === height && left === 0 && right === width) return undefined;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
