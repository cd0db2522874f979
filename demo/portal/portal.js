// The portal's own script, served as written (no build step). Logging in is a form post (the
// page comes back rendered for the member); logging out happens in place: the backend forgets
// the session, and the widgets lose their auth-url, so they fall back to their public views
// and stop asking for tokens.
const $ = (id) => document.getElementById(id);
const WIDGETS = 'rai-leaderboard, rai-xp-tier, rai-chat-channel, rai-store';

$('logout').addEventListener('click', async () => {
  const response = await fetch('/logout', { method: 'POST' }).catch(() => null);
  if (!response?.ok) {
    $('signed-in').textContent = 'Could not log out. Try again.';
    return;
  }
  for (const widget of document.querySelectorAll(WIDGETS)) widget.removeAttribute('auth-url');
  $('session').hidden = true;
  $('login').hidden = false;
  $('user').focus();
});

// "Sign in" in a public widget (the chat's, or Buy in the store) takes the visitor to the login.
document.addEventListener('rai-sign-in-request', (event) => {
  event.preventDefault();
  $('user').focus();
});
