/* Take-home pages: the visitor's language, the share button and the result from the link.
   Every part runs on its own: an error in one never blanks the page (the list of all jobs
   is in the HTML itself). */
(function () {
  'use strict';
  var q = null;
  try { q = new URLSearchParams(location.search); } catch (e) { q = null; }
  var lang = q && q.get('lang') === 'en' ? 'en' : 'nl';
  var ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
  var data = {};
  try { data = JSON.parse(document.getElementById('d').textContent); } catch (e) { data = {}; }
  function t(key) { var p = (data.t || {})[key] || ['', '']; return p[lang === 'en' ? 1 : 0]; }
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text;
    return n;
  }
  function withLang(href, l) {
    var parts = href.split('#')[0].split('?');
    var p = new URLSearchParams(parts[1] || '');
    p.set('lang', l);
    return parts[0] + '?' + p.toString();
  }

  function keepLang() {
    var links = document.querySelectorAll('a[data-i]');
    for (var i = 0; i < links.length; i++) {
      if (lang === 'en') links[i].setAttribute('href', withLang(links[i].getAttribute('href'), 'en'));
    }
    if (lang === 'en') {  // the lists are in Dutch order: sort them by the English titles
      var lists = document.querySelectorAll('#all ul');
      for (var k = 0; k < lists.length; k++) {
        var items = Array.prototype.slice.call(lists[k].children);
        items.sort(function (a, b) { return a.innerText.localeCompare(b.innerText, 'en'); });
        items.forEach(function (li) { lists[k].appendChild(li); });
      }
    }
    var toggle = document.querySelectorAll('a[data-toggle]');
    for (var j = 0; j < toggle.length; j++) {
      toggle[j].setAttribute('href', withLang(location.search || '?', lang === 'en' ? 'nl' : 'en'));
    }
  }

  function shareUrl() {
    var p = new URLSearchParams(location.search);
    ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'].forEach(function (k) { p.delete(k); });
    p.set('lang', lang);
    p.set('utm_source', 'share');
    return location.origin + location.pathname + '?' + p.toString();
  }

  function shareButtons() {
    var buttons = document.querySelectorAll('button[data-share]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () {
        var url = shareUrl();
        var msg = document.getElementById('msg');
        function say(text) { if (msg) msg.textContent = text; }
        if (navigator.share) {
          navigator.share({ title: document.title, url: url }).catch(function () {});
        } else if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(url).then(function () { say(t('copied')); },
            function () { say(t('copy_fail') + ' ' + url); });
        } else {
          say(t('copy_fail') + ' ' + url);
        }
      });
    }
  }

  function card(id, surprise) {
    var job = data.jobs[id];
    var a = el('a', 'card');
    a.href = withLang('../beroep/' + id + '/', lang);
    a.setAttribute('data-job', id);
    var pic = el('span', 'pic');
    pic.style.setProperty('--c', job[5] || '#3da5ff');
    if (job[4]) {
      var img = el('img');
      img.src = '../' + job[4];
      img.alt = '';
      pic.appendChild(img);
    } else {
      pic.textContent = (job[lang === 'en' ? 1 : 0] || '?').charAt(0);
    }
    var txt = el('span');
    if (surprise) txt.appendChild(el('span', 'tag', t('surprise')));
    txt.appendChild(el('b', 'title', job[lang === 'en' ? 1 : 0]));
    txt.appendChild(el('small', '', job[lang === 'en' ? 3 : 2]));
    txt.appendChild(el('span', 'go', t('more') + ' →'));
    a.appendChild(pic);
    a.appendChild(txt);
    var li = el('li');
    li.appendChild(a);
    return li;
  }

  function chips(letters, domains) {
    var ul = el('ul', 'chips');
    (letters || '').split('').forEach(function (k) {
      if ((data.types || {})[k]) ul.appendChild(el('li', '', data.types[k][lang === 'en' ? 1 : 0]));
    });
    (domains || '').split(',').forEach(function (d) {
      if ((data.domains || {})[d]) ul.appendChild(el('li', 'd', data.domains[d][lang === 'en' ? 1 : 0]));
    });
    return ul;
  }

  function result() {
    var box = document.getElementById('r');
    if (!box || !q || !q.has('jobs') || !data.jobs) return;
    var asked = (q.get('jobs') || '').split(',').filter(Boolean).slice(0, 12);
    var extra = q.get('extra') || '';
    if (extra) asked.push(extra);
    var known = asked.filter(function (id, i) {
      return ID.test(id) && Object.prototype.hasOwnProperty.call(data.jobs, id) && asked.indexOf(id) === i;
    });
    var duo = q.get('duo') === '1';
    var title = el('h1', '', t(duo ? 'duo_result' : 'your_result'));
    box.appendChild(title);
    if (duo) {
      box.appendChild(el('p', 'who', t('player_a')));
      box.appendChild(chips(q.get('r'), q.get('d')));
      box.appendChild(el('p', 'who', t('player_b')));
      box.appendChild(chips(q.get('r2'), q.get('d2')));
    } else {
      box.appendChild(chips(q.get('r'), q.get('d')));
    }
    if (known.length) {
      box.appendChild(el('h2', '', t(duo ? 'duo_jobs' : 'your_jobs')));
      var ul = el('ul', 'cards');
      ul.id = 'jobs';
      known.forEach(function (id) { ul.appendChild(card(id, id === extra && !duo)); });
      box.appendChild(ul);
    }
    if (!known.length || known.length < asked.length) box.appendChild(el('p', 'note', t('unknown')));
    box.hidden = false;
    if (performance.mark) performance.mark('result');
    var head = document.getElementById('h');
    if (head) head.outerHTML = '<h2 id="h">' + head.innerHTML + '</h2>';
    var ns = document.getElementById('ns');
    if (ns) ns.hidden = true;
  }

  function run(step) { try { step(); } catch (e) { /* the static page stays readable */ } }
  run(keepLang);
  run(shareButtons);
  run(result);
})();
