/**
 * happy-dom lacks some of the `on…` handler properties every browser's elements have (`ondrop`,
 * `onsubmit`…). Preact tells a DOM event's name from them (`'ondrop' in element` → listen to
 * `drop`, else to `Drop`), so without them a component's `onDrop` or `onSubmit` would never run
 * in the unit tests, while it does in Chromium. They are added here as the browser has them.
 */
const MISSING = [
  'drag',
  'dragend',
  'dragenter',
  'dragleave',
  'dragover',
  'dragstart',
  'drop',
  'submit',
  'reset',
];

// Test files that run in Node (`@vitest-environment node`) have no DOM at all.
if (typeof HTMLElement !== 'undefined') {
  for (const event of MISSING) {
    const name = `on${event}`;
    if (!(name in HTMLElement.prototype)) {
      Object.defineProperty(HTMLElement.prototype, name, { value: null, writable: true, configurable: true });
    }
  }
}
