import { withPdf } from './pdf.js';

export interface TextBox {
  page: number;
  str: string;
  /** Bottom-left corner and size, in PDF points from the page's bottom-left. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every text run with its place on the page, to check that nothing is drawn past a page edge. */
export function readTextBoxes(file: string): Promise<{ boxes: TextBox[]; sizes: Array<{ width: number; height: number }> }> {
  return withPdf(file, async (doc) => {
    const boxes: TextBox[] = [];
    const sizes: Array<{ width: number; height: number }> = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [x0, y0, x1, y1] = page.view;
      sizes.push({ width: x1 - x0, height: y1 - y0 });
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        boxes.push({ page: i, str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height });
      }
    }
    return { boxes, sizes };
  });
}
