import { fireEvent } from '@testing-library/react';

/** Types a day into a DateField (Ant Design's picker) and confirms it with Enter, as a keyboard user does. */
export function pickDate(input: HTMLElement, day: string): void {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: day } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}
