// HTML of the fake Launchpad consent screen. Plain server-rendered HTML: keyboard-usable, labelled,
// readable in light and dark mode, and with every interpolated value escaped.
import type { IdentityRow } from './store.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

const STYLE = `
:root { color-scheme: light dark; --bg:#f4f5f7; --card:#fff; --fg:#1d2330; --muted:#5b6472; --accent:#1f6feb; --border:#d5d9e0; --focus:#f59e0b; }
@media (prefers-color-scheme: dark) { :root { --bg:#11141a; --card:#1b2029; --fg:#e8ebf0; --muted:#a3acba; --accent:#5b9bff; --border:#343b48; } }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; background:var(--bg); color:var(--fg); }
main { max-width:30rem; margin:3rem auto; padding:2rem; background:var(--card); border:1px solid var(--border); border-radius:12px; }
h1 { font-size:1.4rem; margin:0 0 .5rem; }
p { color:var(--muted); margin:0 0 1.25rem; }
fieldset { border:0; padding:0; margin:0 0 1.5rem; }
legend { font-weight:600; margin-bottom:.5rem; }
label.identity { display:flex; gap:.75rem; align-items:flex-start; padding:.75rem; border:1px solid var(--border); border-radius:8px; margin-bottom:.5rem; cursor:pointer; }
label.identity:has(input:checked) { border-color:var(--accent); }
label.identity span small { display:block; color:var(--muted); }
input[type=radio] { margin-top:.3rem; accent-color:var(--accent); }
.actions { display:flex; gap:.75rem; }
button { font:inherit; padding:.6rem 1.2rem; border-radius:8px; border:1px solid var(--border); background:transparent; color:var(--fg); cursor:pointer; }
button.primary { background:var(--accent); border-color:var(--accent); color:#fff; font-weight:600; }
:focus-visible { outline:3px solid var(--focus); outline-offset:2px; }
code { font-size:.9em; }
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface ConsentParams { clientId: string; redirectUri: string; state: string | null; type: string }

export function consentPage(p: ConsentParams, identities: IdentityRow[], action: string): string {
  const radios = identities.map((i, n) => `
  <label class="identity" for="identity-${i.id}">
    <input type="radio" id="identity-${i.id}" name="identity_id" value="${i.id}"${n === 0 ? ' checked' : ''}>
    <span>${escapeHtml(`${i.first_name} ${i.last_name}`)}<small>${escapeHtml(i.email_address)}</small></span>
  </label>`).join('');
  const hidden = [['type', p.type], ['client_id', p.clientId], ['redirect_uri', p.redirectUri], ...(p.state !== null ? [['state', p.state]] : [])]
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`).join('\n  ');
  return page('Sign in to Launchpad (Skyline sandbox)', `<h1>Sign in to Launchpad</h1>
<p>Skyline sandbox: choose who you are. The app <code>${escapeHtml(p.clientId)}</code> is asking for access to your Highrise accounts.</p>
<form method="post" action="${escapeHtml(action)}">
  ${hidden}
  <fieldset>
    <legend>Sign in as</legend>${radios}
  </fieldset>
  <div class="actions">
    <button type="submit" class="primary" name="decision" value="allow">Allow access</button>
    <button type="submit" name="decision" value="deny">Deny</button>
  </div>
</form>`);
}

export function errorPage(message: string): string {
  return page('Launchpad error (Skyline sandbox)', `<h1>This authorization request is not valid</h1>
<p role="alert">${escapeHtml(message)}</p>`);
}
