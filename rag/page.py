"""The chat page's look and behaviour in the browser: text, CSS and the page script.

``ui.py`` builds the Gradio layout; this module holds what the browser runs. The
script handles clicks inside answers (Gradio's sanitizer strips inline handlers):
"Read the whole article" and the feedback buttons go to the server through one
hidden textbox and button (the "bridge"); "Copy answer" copies the answer text with
its numbered sources; one toast at a time says what happened.
"""

TITLE = "Ask about the U.S.–China Science and Technology Agreement"
INTRO = ("Answers quote a small collection of news and analysis articles, with numbered sources you can check. "
         "When the articles don't say, it tells you.")
EXAMPLES = [
    "When was the STA first signed?",
    "How long was the STA renewed for?",
    "What does the renewed agreement exclude?",
    "What is Military-Civil Fusion?",
]
# The reader's own system fonts: nothing to download, and native on every platform
# (Liberation Sans on Debian, Segoe UI on Windows, San Francisco on Apple, Roboto on Android).
FONTS = ["-apple-system", "BlinkMacSystemFont", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Liberation Sans",
         "sans-serif"]
MONO = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace"]
SEARCHING = '<div class="ans pending"><p class="notice">Searching the articles…</p></div>'
# The chat's height comes from CSS, so a phone can let it grow with the page (no scrolling box in a box).
CHAT_HEIGHT, CHAT_MIN_HEIGHT = "var(--sta-chat-h)", "var(--sta-chat-min)"

# Answers can be longer than the chat window: keep the question in view and let the answer
# stream in below it. On a phone the page itself scrolls (the chat has no scroll box).
SCROLL_TO_QUESTION = """() => { setTimeout(() => {
  const rows = document.querySelectorAll('#chat .message-row.user-row');
  const last = rows[rows.length - 1];
  const answers = document.querySelectorAll('#chat .bot-row .ans');
  const ans = answers[answers.length - 1];
  const done = !!ans && !ans.classList.contains('pending') && !ans.querySelector('.cursor');
  // Once when a question appears, once when its answer is complete; never while the reader scrolls otherwise.
  const key = rows.length + (done ? ':done' : '');
  if (!last || window.__staScrolled === key) { if (!last) window.__staScrolled = ''; return; }
  window.__staScrolled = key;
  let box = last.parentElement;
  while (box && box !== document.body && !(/(auto|scroll)/.test(getComputedStyle(box).overflowY)
         && box.scrollHeight > box.clientHeight)) box = box.parentElement;
  if (box && box !== document.body) box.scrollTop += last.getBoundingClientRect().top - box.getBoundingClientRect().top;
  else window.scrollBy(0, last.getBoundingClientRect().top - 8);
}, 60); }"""

# Runs once when the page loads.
PAGE_JS = r"""() => {
  if (window.__staReady) return; window.__staReady = true;
  let toastTimer = null, rid = 0, seq = 0, lastToast = 0;
  window.staToast = (msg) => {  // one toast at a time: a new message replaces the last
    let t = document.getElementById('sta-toast');
    if (!t) { t = document.createElement('div'); t.id = 'sta-toast'; t.setAttribute('role', 'status');
              t.setAttribute('aria-live', 'polite'); document.body.appendChild(t); }
    t.textContent = msg; t.classList.add('show');
    clearTimeout(toastTimer); toastTimer = setTimeout(() => t.classList.remove('show'), 4000);
  };
  // The server answers "<seq>|<message>": a late answer to an earlier click never hides a newer toast.
  window.staServerToast = (msg) => {
    const i = msg.indexOf('|'), n = Number(msg.slice(0, i));
    if (i > 0 && n >= lastToast) { lastToast = n; window.staToast(msg.slice(i + 1)); }
  };
  const send = (payload) => {
    const box = document.querySelector('#bridge textarea');
    payload.seq = ++seq;  // click order, so the last rating of an answer wins however the requests race
    box.value = JSON.stringify(payload);
    box.dispatchEvent(new Event('input', {bubbles: true}));
    setTimeout(() => document.querySelector('#bridge-go').click(), 0);
  };
  const waitFor = (sel, fn, ms = 20000) => {
    const end = Date.now() + ms;
    const tick = () => { const el = document.querySelector(sel); if (el) fn(el); else if (Date.now() < end) setTimeout(tick, 50); };
    tick();
  };
  const copy = async (text) => {
    window.__staCopied = text;
    try { await navigator.clipboard.writeText(text); return true; } catch (e) {}
    const ta = document.createElement('textarea'); ta.value = text; ta.style.position = 'fixed'; ta.style.opacity = '0';
    document.body.appendChild(ta); ta.select();
    let ok = false; try { ok = document.execCommand('copy'); } catch (e) {}
    ta.remove(); return ok;
  };
  const press = (btn) => { btn.parentElement.querySelectorAll('.act').forEach(b => b.classList.remove('on'));
                           btn.classList.add('on'); btn.setAttribute('aria-pressed', 'true'); };
  document.addEventListener('click', async (ev) => {
    const el = ev.target.closest('a.read-link, .reader-back, button.copy-answer, button.fb-up, button.fb-down, button.fb-reason');
    if (!el) return;
    const ans = el.closest('.ans');
    if (el.matches('a.read-link')) {
      ev.preventDefault();
      const [, doc, spans] = el.getAttribute('href').split(':');
      const card = el.closest('.src'); const id = ++rid;
      window.__staBack = card ? card.id : '';
      send({action: 'read', doc: doc, spans: spans || '', rid: id});
      waitFor('#reader-' + id, (r) => {
        const target = document.getElementById('cited-' + id) || r;
        target.scrollIntoView({block: target === r ? 'start' : 'center'});
      });
    } else if (el.matches('.reader-back')) {
      ev.preventDefault();
      const back = window.__staBack && document.getElementById(window.__staBack);
      if (back) back.scrollIntoView({block: 'center'});
    } else if (el.matches('button.copy-answer')) {
      const ok = await copy(ans.querySelector('.copy-text').textContent);
      window.staToast(ok ? 'Answer copied, with its numbered sources.' : 'Could not copy: select the text instead.');
    } else {
      const reasons = ans.querySelector('.fb-reasons');
      if (el.matches('.fb-reason')) {
        press(el);
        const reason = el.classList.contains('r-wrong') ? 'wrong' : el.classList.contains('r-not-cited') ? 'not_cited' : 'missing';
        send({action: 'feedback', answer: ans.id.replace(/^ans-/, ''), rating: 'down', reason: reason});
      } else {
        press(el);
        const down = el.matches('.fb-down');
        if (reasons) reasons.hidden = !down;
        send({action: 'feedback', answer: ans.id.replace(/^ans-/, ''), rating: down ? 'down' : 'up'});
      }
    }
  });
}"""

SHOW_TOAST = "(msg) => { if (msg) window.staServerToast(msg); }"

CSS = """
:root { --sta-chat-h: calc(100vh - 280px); --sta-chat-min: 360px; }
.gradio-container { max-width: 1180px !important; margin: 0 auto !important;
  padding-left: clamp(6px, 2vw, 16px) !important; padding-right: clamp(6px, 2vw, 16px) !important; }
#hdr h1 { font-size: 1.45rem; margin: .2rem 0 .1rem; line-height: 1.25; }
#hdr p { margin: 0; color: var(--body-text-color-subdued); font-size: .95rem; }
.banner { border-radius: 8px; padding: .6rem .8rem; font-size: .92rem; line-height: 1.45; }
.banner-error { background: #fef2f2; border: 1px solid #fca5a5; color: #7f1d1d; }
.banner-info { background: #fffbeb; border: 1px solid #fcd34d; color: #78350f; }
.sta-hidden { display: none !important; }
#chat .ans p, #chat .ans ul { margin: 0 0 .55em; line-height: 1.55; }
#chat .ans ul { padding-left: 1.2em; }
#chat a.cite { text-decoration: none; font-weight: 600; font-size: .78em; vertical-align: super; line-height: 0;
  padding: 0 .28em; margin-left: .1em; border-radius: 4px; background: #dbeafe; color: #1e40af; }
#chat a.cite:hover { background: #bfdbfe; }
#chat .notice, #chat .rewrite { font-size: .85em; color: var(--body-text-color-subdued); font-style: italic; }
#chat .abstain-tag, #chat .differ-tag { display: inline-block; font-size: .75em; font-weight: 600; letter-spacing: .03em;
  text-transform: uppercase; padding: .1em .5em; border-radius: 4px; background: #fef3c7; color: #92400e; }
#chat .differ-tag { background: #ede9fe; color: #5b21b6; }
#chat .error .abstain-tag { background: #fee2e2; color: #991b1b; }
#chat .sources { margin-top: .7em; border-top: 1px solid var(--border-color-primary); padding-top: .5em; }
#chat .sources-h { font-size: .75em; font-weight: 600; text-transform: uppercase; letter-spacing: .05em;
  color: var(--body-text-color-subdued); margin-bottom: .3em; }
#chat .differ-note { font-size: .88em; color: #5b21b6; }
#chat .src-group { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .55em .75em;
  margin: .45em 0; background: var(--background-fill-primary); }
#chat .sources.differ .src-group { border-left: 4px solid #8b5cf6; }
#chat .src-doc { line-height: 1.35; }
#chat .src-title { font-weight: 600; }
#chat .no-headline, .reader .no-headline { font-size: .72em; font-weight: 600; text-transform: uppercase;
  letter-spacing: .04em; color: var(--body-text-color-subdued); white-space: nowrap; }
#chat .src-meta { font-size: .82em; color: var(--body-text-color-subdued); margin: .15em 0 0; }
#chat .src { display: grid; grid-template-columns: auto 1fr; column-gap: .5em; margin-top: .5em; scroll-margin-top: 1em; }
#chat .src:target { outline: 2px solid #3b82f6; outline-offset: 2px; border-radius: 4px; }
#chat .src-n { font-size: .75em; min-width: 1.6em; height: 1.5em; text-align: center; border-radius: 4px;
  background: #dbeafe; color: #1e40af; padding: .05em .3em; font-weight: 600; }
#chat .src-text { margin: 0; padding: .1em 0 .1em .7em; border-left: 3px solid #cbd5e1;
  font-size: .9em; line-height: 1.5; color: var(--body-text-color); overflow-wrap: anywhere; }
#chat .src-text p { margin: 0 0 .4em; }
#chat .src-text p:last-child { margin-bottom: 0; }
#chat .read-link { grid-column: 2; font-size: .82em; margin-top: .25em; }
#chat .src-kind { font-size: .75em; font-weight: 600; color: var(--body-text-color-subdued); }
#chat mark, .reader mark { background: #fde68a; color: inherit; padding: .05em .1em; border-radius: 2px; }
.dark #chat mark, .dark .reader mark { background: #854d0e; color: #fff; }
.dark #chat a.cite, .dark #chat .src-n { background: #1e3a8a; color: #dbeafe; }
#chat .cursor { opacity: .6; }
#chat .actions { display: flex; flex-wrap: wrap; gap: .35em; align-items: center; margin-top: .6em; }
#chat .act { font-size: .8em; padding: .2em .6em; border-radius: 999px; border: 1px solid var(--border-color-primary);
  background: var(--background-fill-secondary); color: var(--body-text-color); cursor: pointer; }
#chat .act:hover { border-color: #3b82f6; }
#chat .act.on { background: #dbeafe; border-color: #3b82f6; color: #1e40af; }
#chat .fb, #chat .fb-reasons { display: inline-flex; flex-wrap: wrap; gap: .35em; align-items: center; }
#chat .fb-reasons[hidden] { display: none; }
#chat .fb-q { font-size: .8em; color: var(--body-text-color-subdued); }
#chat .copy-text { display: none; }
#examples button { font-size: .85rem !important; font-weight: 500; }
.ex-label { font-size: .85rem; color: var(--body-text-color-subdued); margin: .2rem 0 -.3rem; }
.about { font-size: .9rem; line-height: 1.5; }
.about p { margin: 0 0 .6em; }
.about ol.docs { padding-left: 1.3em; margin: 0 0 .8em; }
.about ol.docs li { margin-bottom: .45em; }
.about .doc-title { display: block; font-weight: 600; }
.about .doc-meta { display: block; font-size: .85em; color: var(--body-text-color-subdued); }
#reader-panel { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow-y: auto; }
#reader-close { position: sticky; top: 0; z-index: 2; }
.reader { font-size: .95rem; line-height: 1.6; }
.reader h2 { font-size: 1.15rem; margin: 0 0 .2em; line-height: 1.3; }
.reader h3 { font-size: 1rem; margin: 1em 0 .3em; }
.reader p { margin: 0 0 .8em; }
.reader .reader-meta { font-size: .85em; color: var(--body-text-color-subdued); margin-bottom: .5em; }
.reader .reader-note { font-size: .85em; margin-bottom: .8em; }
.reader mark.cited { outline: 2px solid #f59e0b; }
.reader .reader-nav { font-size: .85em; margin-bottom: .5em; }
#chat, #chat *, .reader { overflow-wrap: anywhere; }
#sta-toast { position: fixed; left: 50%; bottom: 24px; transform: translate(-50%, 20px); opacity: 0; z-index: 1000;
  background: #1f2937; color: #fff; padding: .55em 1em; border-radius: 8px; font-size: .9rem; pointer-events: none;
  transition: opacity .2s, transform .2s; max-width: 90vw; text-align: center; }
#sta-toast.show { opacity: 1; transform: translate(-50%, 0); }
@media (max-width: 640px) {
  /* Gradio scopes rules inside @media to descendants of .contain: :root or .gradio-container would not match. */
  #chat { --sta-chat-h: auto; --sta-chat-min: 0px; }
  #hdr h1 { font-size: 1.15rem; }
  #hdr p { font-size: .85rem; }
  #chat .bubble-wrap, #chat .message-wrap { overflow: visible !important; height: auto !important; max-height: none !important; }
  #chat .placeholder-content, #chat .placeholder { min-height: 0 !important; padding: .4rem 0 !important; }
  #reader-panel { position: static; max-height: none; overflow: visible; }
  #chat .src-group { padding: .45em .5em; }
  #chat .src { column-gap: .35em; }
  #chat .src-text { padding-left: .5em; }
  #examples { gap: 6px !important; }
}
"""
