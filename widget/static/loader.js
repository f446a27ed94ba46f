/* Openline chat loader (/widget.js): a launcher in an open shadow root; the chat iframe is
   made on first open. Styles go through element.style only, so a strict CSP allows them.
   API: window.Openline.open() / close() / toggle() / identify({ userId, hash, name, email,
   phone }) /
   setLocale(lang) / unread() / on(event, fn) with events 'ready', 'open', 'close',
   'message' (one for the customer arrived) and 'unread' (the count changed). Keeps one key in
   the site's localStorage, `openline.chat.<channel>`: when the visitor last had a conversation. Calls made before
   this file ran are replayed: `window.Openline = window.Openline || function () {
   (Openline.q = Openline.q || []).push(arguments) }` then `Openline('open')`. */
(function (w, d) {
  var s = d.currentScript || d.querySelector('script[data-channel]');
  var early = w.Openline;
  if ((early && !early.q) || !s) return;
  var lang = s.getAttribute('data-lang'), o = new URL(s.src, location.href).origin;
  // W5: the channel's look, as the channel editor's snippet writes it.
  var color = /^#[0-9a-f]{6}$/i.test(s.getAttribute('data-color')) ? s.getAttribute('data-color') : '#1f5eff';
  var side = s.getAttribute('data-position') == 'left' ? 'left' : 'right';
  // The launcher's drawing (core's `LauncherIcon::path`): a speech bubble unless told otherwise.
  var icon = {
    help: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 16h-2v-2h2v2zm2.1-7.8-.9.9c-.7.7-1.2 1.3-1.2 2.9h-2v-.5c0-1.1.4-2.1 1.2-2.8l1.2-1.3A2 2 0 1 0 10 8H8a4 4 0 1 1 7.1 2.2z',
    mail: 'M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.4V17h16V7.4l-8 5.3-8-5.3zM5.2 7 12 11.5 18.8 7H5.2z'
  }[s.getAttribute('data-icon')] || 'M5 3h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2h-9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z';
  // W6: a signed-in user of the site, signed by the site's server (see the README).
  var uid = s.getAttribute('data-user-id'), uh = s.getAttribute('data-user-hash'), who = {};
  var host = d.createElement('openline-chat'), root = host.attachShadow({ mode: 'open' });
  var b = d.createElement('button'), N = 'http://www.w3.org/2000/svg';
  var svg = d.createElementNS(N, 'svg'), p = d.createElementNS(N, 'path');
  var wide = w.matchMedia('(min-width:481px)'), vv = w.visualViewport, on = 0, f;
  var SH = '0 4px 14px rgba(0,0,0,.25)', handlers = {}, ready = 0, unread = 0, title;
  var badge = d.createElement('span'), K = 'openline.chat.' + s.getAttribute('data-channel');
  var at = function (e, k, v) { e.setAttribute(k, v); };
  var px = function (n) { return n + 'px'; };

  function emit(name) {
    (handlers[name] || []).forEach(function (fn) { try { fn(); } catch (e) { setTimeout(function () { throw e; }); } });
  }

  // Messages that came while the chat was hidden: a count on the launcher and in the title.
  function count(n) {
    var base = d.title.replace(/^\(\d+\) /, '');
    unread = n;
    badge.textContent = n > 9 ? '9+' : n;
    badge.style.display = n ? 'block' : 'none';
    at(b, 'aria-label', (on ? 'Close chat' : 'Open chat') + (n ? ' (' + n + ' unread)' : ''));
    d.title = n ? '(' + n + ') ' + base : base;
    emit('unread');
  }

  function src() {
    return o + '/widget/?channel=' + encodeURIComponent(s.getAttribute('data-channel')) +
      (lang ? '&lang=' + encodeURIComponent(lang) : '') + '&host=' + encodeURIComponent(location.origin) +
      '#' + [['uid', uid && uh && uid], ['uh', uid && uh], ['n', who.name], ['e', who.email], ['p', who.phone]]
        .filter(function (kv) { return kv[1]; })
        .map(function (kv) { return kv[0] + '=' + encodeURIComponent(kv[1]); }).join('&');
  }

  // On a phone the page may be wider than the screen, and the keyboard shrinks what is
  // visible: the launcher and the chat follow the visual viewport, not the layout one.
  function fit() {
    var small = !wide.matches && vv, x = small ? vv.offsetLeft : 0, y = small ? vv.offsetTop : 0;
    b.style.left = small ? px(side == 'left' ? x + 20 : x + vv.width - 76) : side == 'left' ? '20px' : 'auto';
    b.style.top = small ? px(y + vv.height - 76) : 'auto';
    if (f && small) {
      f.style.left = px(x); f.style.top = px(y);
      f.style.width = px(vv.width); f.style.height = px(vv.height);
    }
  }

  function make() {
    if (!f) {
      f = d.createElement('iframe');
      f.title = 'Chat';
      f.src = src();
      root.appendChild(f);
    }
  }

  // The chat made ahead of a click, hidden: when the customer shows intent (the pointer on the
  // launcher, or focus reaching it), or has a conversation going (below).
  function warm() {
    if (!f) { make(); set(on, 1); }
  }

  // When the visitor has a conversation (the chat says so), the site's next pages for three
  // days get the chat ready, hidden, so a reply shows on the launcher there too. Any other
  // page view fetches nothing.
  function kept(v) {
    try { return v ? localStorage.setItem(K, v) : +localStorage.getItem(K); } catch (e) { return 0; }
  }

  function set(open, resized) {
    if (open) make();
    var inside = f && d.activeElement == host && root.activeElement == f, was = on;
    on = open;
    at(p, 'd', open ? 'M5 6.4 6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12z'
      : icon);
    at(b, 'aria-label', open ? 'Close chat' : 'Open chat');
    at(b, 'aria-expanded', !!open);
    if (f) {
      f.style.cssText = 'position:fixed;z-index:2147483647;border:0;background:#fff;' +
        'box-shadow:0 8px 32px rgba(0,0,0,.2);display:' + (open ? 'block;' : 'none;') + (wide.matches
        ? side + ':20px;bottom:88px;width:370px;height:560px;max-width:calc(100% - 40px);' +
          'max-height:calc(100% - 108px);border-radius:16px' : 'left:0;top:0;width:100%;height:100%');
    }
    fit();
    if (resized || !f) return;
    if (was != open) emit(open ? 'open' : 'close');
    if (open && unread) count(0);
    // Focus goes back to the launcher only from inside the chat.
    if (open) f.focus(); else if (inside) b.focus();
  }

  // A new identity or language reloads an open chat; a closed one picks it up on open.
  function reload() {
    if (f) f.src = src();
  }

  at(svg, 'viewBox', '0 0 24 24');
  at(svg, 'width', 28);
  at(svg, 'height', 28);
  at(svg, 'aria-hidden', 'true');
  at(p, 'fill', '#fff');
  svg.appendChild(p);
  b.appendChild(svg);
  // White on #c4320a is 5.2:1.
  badge.style.cssText = 'position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;' +
    'padding:0 5px;box-sizing:border-box;border-radius:10px;background:#c4320a;color:#fff;' +
    'font:700 12px/20px system-ui,sans-serif;text-align:center;display:none';
  at(badge, 'aria-hidden', 'true');
  b.appendChild(badge);
  b.type = 'button';
  // White on #1f5eff is 5.1:1 (a channel's colour must keep 4.5:1); the focus ring (white,
  // then navy) shows on any page.
  b.style.cssText = 'position:fixed;' + side + ':20px;bottom:20px;z-index:2147483646;width:56px;' +
    'height:56px;margin:0;padding:0;border:0;border-radius:50%;background:' + color + ';display:grid;' +
    'place-items:center;cursor:pointer;outline:0;box-shadow:' + SH;
  b.onfocus = function () {
    warm();
    if (b.matches(':focus-visible')) b.style.boxShadow = '0 0 0 3px #fff,0 0 0 6px #0b1f4d';
  };
  b.onpointerenter = warm;
  b.onblur = function () { b.style.boxShadow = SH; };
  b.onclick = function () { set(!on); };
  root.appendChild(b);
  set(0);
  if (Date.now() - kept() < 2592e5) warm();
  wide.onchange = function () { set(on, 1); };
  if (vv) { vv.addEventListener('resize', fit); vv.addEventListener('scroll', fit); }
  w.addEventListener('message', function (e) {
    var type = f && e.source == f.contentWindow && e.origin == o && (e.data || {}).type;
    if (type == 'openline:close') set(0);
    if (type == 'openline:message') emit('message');
    if (type == 'openline:unread') {
      if (e.data.chat) kept(Date.now());
      if (!on && e.data.n != unread) count(e.data.n);
    }
  });

  var api = {
    open: function () { set(1); },
    close: function () { set(0); },
    toggle: function () { set(!on); },
    unread: function () { return unread; },
    identify: function (user) {
      user = user || {};
      uid = user.userId != null ? String(user.userId) : null;
      uh = user.hash;
      // W4: what the site knows of its user goes with the chat as their contact details.
      who = { name: user.name, email: user.email, phone: user.phone };
      reload();
    },
    setLocale: function (code) { lang = code; reload(); },
    on: function (name, fn) {
      (handlers[name] = handlers[name] || []).push(fn);
      if (name == 'ready' && ready) setTimeout(fn);
    }
  };
  // `Openline('open')` works like `Openline.open()`, before and after this file ran.
  var Openline = function (name) {
    if (api[name]) return api[name].apply(null, [].slice.call(arguments, 1));
  };
  for (var k in api) if (Object.prototype.hasOwnProperty.call(api, k)) Openline[k] = api[k];
  w.Openline = Openline;
  // The page's CSS cannot reach into the shadow root; on the host element itself an inline
  // !important reset outweighs any rule of the page (even `* { … !important }`), and it hangs
  // from <html>, outside a <body> the page may have transformed (which would move
  // position:fixed).
  host.style.setProperty('all', 'initial', 'important');
  d.documentElement.appendChild(host);
  [].forEach.call((early && early.q) || [], function (args) { Openline.apply(null, args); });
  setTimeout(function () { ready = 1; emit('ready'); });
})(window, document);
