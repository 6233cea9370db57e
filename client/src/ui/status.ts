/** The status line: what is happening (loading) or what went wrong, announced politely. */
import { byId, h, replace } from './dom.js';

export function showMessage(text: string): void {
  replace(byId('status'), h('div', { class: 'msg' }, text));
}

export function showError(text: string, retry?: () => void): void {
  replace(
    byId('status'),
    h(
      'div',
      { class: 'msg error', role: 'alert' },
      text,
      retry === undefined ? null : h('button', { id: 'retry', onClick: retry, style: 'margin-left:8px' }, 'Try again'),
    ),
  );
}
