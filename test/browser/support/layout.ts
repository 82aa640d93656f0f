import { Page } from 'playwright-core';

/**
 * The controls of the form `selector` picks (text fields, selects, buttons, and a checkbox's whole
 * label) that are off the line of the others in their row, as "name: Δ px": a row is the controls
 * whose boxes overlap vertically, and on it every control's vertical centre is within `tolerance`
 * px of the first one's. A checkbox label whose text sat low beside the buttons (the audit log's)
 * fails it.
 */
export async function misalignedControls(
  page: Page,
  selector: string,
  tolerance = 2,
): Promise<string[]> {
  // Browser-side code as a string (an expression: a string is not called as a function): the
  // Node-side tsconfig has no DOM types.
  return (await page.evaluate(`(() => {
    const form = document.querySelector(${JSON.stringify(selector)});
    if (!form) throw new Error('no form matches ' + ${JSON.stringify(selector)});
    const controls = [...form.querySelectorAll('input:not([type=checkbox]):not([type=radio]), select, button, textarea, label.check')]
      .filter((el) => !el.closest('label.check') || el.matches('label.check'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height > 0);
    const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.closest('label')?.textContent || el.tagName).trim().slice(0, 30);
    const rows = [];
    for (const c of controls) {
      const row = rows.find((r) => c.box.top < r[0].box.bottom && c.box.bottom > r[0].box.top);
      if (row) row.push(c); else rows.push([c]);
    }
    const centre = (box) => box.top + box.height / 2;
    return rows.flatMap((row) => row
      .map((c) => [name(c.el), Math.round((centre(c.box) - centre(row[0].box)) * 10) / 10])
      .filter(([, delta]) => Math.abs(delta) > ${tolerance})
      .map(([n, delta]) => n + ': ' + delta + ' px'));
  })()`)) as string[];
}

/** The bar charts whose tracks do not all start and end at the same x, by their caption. */
export async function raggedBarCharts(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll('.bars')]
    .filter((list) => {
      const boxes = [...list.querySelectorAll('.bar-track')].map((t) => t.getBoundingClientRect());
      return boxes.some((b) => Math.abs(b.left - boxes[0].left) > 0.5 || Math.abs(b.right - boxes[0].right) > 0.5);
    })
    .map((list) => list.closest('figure')?.querySelector('figcaption')?.textContent ?? 'bars')`)) as string[];
}
