/**
 * The handled state of a widget whose code could not load (blocked, offline, CSP): a short
 * message and a retry button in the element's light DOM. The element is not defined, so the
 * browser renders its children; the notice is an alert so screen readers announce it. Built
 * with createElement/textContent only (no HTML strings: Trusted Types pages allow no innerHTML).
 */
const NOTICE = 'data-rai-kit-notice';

export function showFailure(element: Element, onRetry: () => void): void {
  if (element.querySelector(`:scope > [${NOTICE}]`)) return;
  const doc = element.ownerDocument;
  const notice = doc.createElement('div');
  notice.setAttribute(NOTICE, '');
  notice.setAttribute('role', 'alert');
  const text = doc.createElement('p');
  text.textContent = 'This widget could not load. Check your connection and try again.';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Try again';
  button.addEventListener('click', onRetry);
  notice.append(text, button);
  element.append(notice);
  element.setAttribute('rai-kit-state', 'failed');
}

export function clearFailure(element: Element): void {
  element.querySelector(`:scope > [${NOTICE}]`)?.remove();
  element.removeAttribute('rai-kit-state');
}
