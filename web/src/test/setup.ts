// jsdom lacks what Ant Design's responsive components ask the browser for.
if (typeof window !== 'undefined') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

// jsdom has no pseudo-element styles; Ant Design's modal asks for them to measure the scroll bar.
if (typeof window !== 'undefined') {
  const getComputedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => getComputedStyle(element);
}

// Nor ResizeObserver, which Ant Design's tree and tables use to measure themselves.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// Testing Library's role queries ask for the computed style of each candidate element, and jsdom computes it by
// matching the element against every rule of every style sheet: with Ant Design's thousands of rules that was most
// of a screen test's time. Only whether something is hidden matters to a test, so a style sheet keeps just the rules
// that hide (display: none, visibility: hidden); the rest (colours, layout, animations, media queries) is dropped.
export function hidingRulesOnly(css: string): string {
  const kept: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) {
      const rule = css.slice(start, i + 1).trim();
      start = i + 1;
      const hides = /display:\s*none|visibility:\s*hidden/.test(rule);
      if (hides && !rule.startsWith('@')) kept.push(rule);
    }
  }
  return kept.join('\n');
}

if (typeof window !== 'undefined') {
  const innerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
  Object.defineProperty(HTMLStyleElement.prototype, 'innerHTML', {
    configurable: true,
    get(this: HTMLStyleElement) {
      return (this as HTMLStyleElement & { fullCss?: string }).fullCss ?? innerHtml.get!.call(this);
    },
    set(this: HTMLStyleElement, css: string) {
      // Ant Design compares what it reads back with what it wrote, so it reads back the whole text.
      (this as HTMLStyleElement & { fullCss?: string }).fullCss = css;
      innerHtml.set!.call(this, hidingRulesOnly(css));
    },
  });
}
