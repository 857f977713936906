import { allowLiveScript } from '../render/csp.js';

/** What a served page knows when it loads: its deck (empty for the listing) and the current error. */
export interface ClientState {
  deck: string;
  error: string | null;
}

export const LIVE_PATH = '/__briefdeck/live';

/**
 * The script the server adds to pages it serves (never to written decks). It listens for rebuilds
 * over a WebSocket and reloads on the slide the viewer was on, or on the server's choice of the
 * nearest slide when that one is gone (an edit that changed only slides swaps them in place, without
 * a reload); on a failed build it shows the located error over the last
 * good deck. In reveal's speaker-view previews (`?receiver`) it only reloads.
 */
const CLIENT = String.raw`(function () {
  var state = __STATE__;
  var receiver = /[?&]receiver/.test(location.search);
  var box = null;
  function hideError() { if (box) { box.remove(); box = null; } }
  function showError(message) {
    if (receiver) return;
    hideError();
    box = document.createElement('div');
    box.id = 'briefdeck-error';
    box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;' +
      'background:#2b0d0f;color:#fff;border-top:4px solid #e5484d;padding:16px 20px;font:15px/1.5 ui-monospace,"IBM Plex Mono",monospace;' +
      'white-space:pre-wrap;box-shadow:0 -6px 24px rgba(0,0,0,.35)';
    var title = document.createElement('div');
    title.style.cssText = 'font-weight:700;color:#ff9592;margin-bottom:6px;font-family:system-ui,sans-serif';
    title.textContent = 'briefdeck: the brief has an error. Showing the last good deck until it is fixed.';
    var text = document.createElement('div');
    text.className = 'briefdeck-error-message';
    text.textContent = message;
    box.appendChild(title);
    box.appendChild(text);
    (document.body || document.documentElement).appendChild(box);
  }
  function currentSlide() {
    var reveal = window.Reveal;
    if (!reveal || !reveal.isReady || !reveal.isReady()) return null;
    var slide = reveal.getCurrentSlide();
    return slide && slide.id ? slide.id : null;
  }
  function reload(moved) {
    var id = currentSlide();
    if (id) {
      var target = (moved && moved[id]) || id;
      history.replaceState(history.state, '', location.pathname + location.search + '#/' + encodeURIComponent(target));
    }
    location.reload();
  }
  // Only the slides changed: swap them in place and keep reveal.js, its fonts and the speaker view.
  function swap(html, moved) {
    var reveal = window.Reveal;
    var container = document.querySelector('.reveal .slides');
    var id = currentSlide();
    if (!container || !id) return reload(moved);
    var target = (moved && moved[id]) || id;
    container.innerHTML = html;
    reveal.sync();
    var slide = document.getElementById(target);
    if (slide) {
      var at = reveal.getIndices(slide);
      reveal.slide(at.h, at.v);
    }
    hideError();
    document.documentElement.setAttribute('data-briefdeck-updated', String(Date.now()));
  }
  if (state.error) showError(state.error);
  var delay = 250;
  var opened = false;
  function connect() {
    var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '__LIVE_PATH__?deck=' + encodeURIComponent(state.deck));
    socket.onopen = function () {
      // The server went away and came back: what it serves now may be newer than this page.
      if (opened) return reload(null);
      opened = true;
      delay = 250;
    };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === 'reload') reload(message.moved);
      else if (message.type === 'slides') swap(message.html, message.moved);
      else if (message.type === 'error') showError(message.message);
    };
    socket.onclose = function () {
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 4000);
    };
  }
  connect();
})();`;

/** The client's text for a page; `</` cannot appear in the JSON, so the state cannot end its element early. */
function clientText(state: ClientState): string {
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  return CLIENT.replace('__STATE__', () => json).replace('__LIVE_PATH__', LIVE_PATH);
}

/** The script element for a page. */
export function clientScript(state: ClientState): string {
  return `<script data-briefdeck-live>${clientText(state)}</script>`;
}

/**
 * Adds the client to a page just before `</body>` (or at the end when there is none), and lets the
 * page's policy run it and connect to the address that served it (nowhere else).
 */
export function injectClient(html: string, state: ClientState): string {
  const text = clientText(state);
  const script = `<script data-briefdeck-live>${text}</script>`;
  const allowed = allowLiveScript(html, text);
  const at = allowed.lastIndexOf('</body>');
  return at === -1 ? allowed + script : allowed.slice(0, at) + script + allowed.slice(at);
}
