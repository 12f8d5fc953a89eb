// 实地考核表 (on-site form) for inspection teams on a phone, working offline.
//
// - The page's data (the caller's on-site tasks × targets with current values) comes from
//   GET {api}; the last copy is kept in IndexedDB so the form works without network.
// - "保存" stores the visit in IndexedDB with a clientId (crypto.randomUUID) and then tries to sync.
//   A visit leaves the device only after the server confirmed it (and each of its photos); row errors
//   from the server stay on the queued visit, which can be edited and saved again. The same clientId
//   sent twice is answered with the first answer by the server, so retrying is always safe.
// - Sync runs on save, on the browser's "online" event, on "立即同步" and every 30 s while visits wait.
// - A service worker (/js/onsite-sw.js, scope: this page's path) keeps the page and its assets so the
//   page opens with the network down.
// No inline script (Content-Security-Policy); the CSRF header comes from the meta tags, as in dudao.js.
(function () {
  'use strict';
  var root = document.getElementById('onsitePage');
  if (!root) {
    return;
  }
  var campaignId = Number(root.getAttribute('data-campaign'));
  var user = root.getAttribute('data-user') || '';
  var api = root.getAttribute('data-api');
  var pageUrl = root.getAttribute('data-page');
  var loginUrl = root.getAttribute('data-login');
  var maxPhoto = Number(root.getAttribute('data-max-photo')) || 20 * 1024 * 1024;
  var TZ = 'Asia/Shanghai';

  var el = {
    net: document.getElementById('netStatus'),
    message: document.getElementById('onsiteMessage'),
    queueCount: document.getElementById('queueCount'),
    queueList: document.getElementById('queueList'),
    syncNow: document.getElementById('syncNow'),
    form: document.getElementById('onsiteForm'),
    editing: document.getElementById('editingNote'),
    target: document.getElementById('targetSelect'),
    leader: document.getElementById('teamLeader'),
    members: document.getElementById('teamMembers'),
    visitedAt: document.getElementById('visitedAt'),
    cards: document.getElementById('taskCards'),
    newVisit: document.getElementById('newVisit'),
    visits: document.getElementById('visitList'),
    template: document.getElementById('taskTemplate')
  };

  function t(name, a, b) {
    var s = root.getAttribute('data-t-' + name) || name;
    if (a !== undefined) {
      s = s.split('{0}').join(String(a));
    }
    if (b !== undefined) {
      s = s.split('{1}').join(String(b));
    }
    return s;
  }

  // ---------------------------------------------------------------------------------------------
  // IndexedDB: "visits" (the queue, key clientId) and "sheets" (the last data per campaign)

  var dbPromise = null;

  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var req = indexedDB.open('dudao-onsite', 1);
        req.onupgradeneeded = function () {
          var d = req.result;
          if (!d.objectStoreNames.contains('visits')) {
            d.createObjectStore('visits', { keyPath: 'clientId' });
          }
          if (!d.objectStoreNames.contains('sheets')) {
            d.createObjectStore('sheets', { keyPath: 'key' });
          }
        };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error); };
      });
    }
    return dbPromise;
  }

  function idb(store, mode, action) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var tx = d.transaction(store, mode);
        var req = action(tx.objectStore(store));
        tx.oncomplete = function () { resolve(req ? req.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  function put(store, value) { return idb(store, 'readwrite', function (s) { return s.put(value); }); }
  function get(store, key) { return idb(store, 'readonly', function (s) { return s.get(key); }); }
  function remove(store, key) { return idb(store, 'readwrite', function (s) { return s.delete(key); }); }

  /** The visits of this campaign and user waiting on this device, oldest first. */
  function queued() {
    return idb('visits', 'readonly', function (s) { return s.getAll(); }).then(function (all) {
      return (all || []).filter(function (r) {
        return r.campaignId === campaignId && r.user === user;
      }).sort(function (a, b) { return a.savedAt < b.savedAt ? -1 : 1; });
    });
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  // ---------------------------------------------------------------------------------------------
  // small helpers

  function node(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) {
      n.className = cls;
    }
    if (text !== undefined && text !== null) {
      n.textContent = text;
    }
    return n;
  }

  function when(iso) {
    try {
      return new Date(iso).toLocaleString(document.documentElement.lang || 'zh-CN', { timeZone: TZ, hour12: false });
    } catch (e) {
      return iso;
    }
  }

  function localInput(d) {
    function p(n) { return String(n).padStart(2, '0'); }
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes());
  }

  function show(kind, text, withLogin) {
    el.message.className = 'alert alert-' + kind;
    el.message.textContent = text;
    if (withLogin) {
      var a = node('a', 'alert-link ms-2', t('login'));
      a.href = loginUrl;
      el.message.appendChild(a);
    }
  }

  function hideMessage() {
    el.message.className = 'alert d-none';
    el.message.textContent = '';
  }

  function online() {
    return navigator.onLine !== false;
  }

  function showNet() {
    var on = online();
    el.net.textContent = on ? t('online') : t('offline');
    el.net.className = 'badge fs-6 ' + (on ? 'text-bg-success' : 'text-bg-warning');
    root.setAttribute('data-online', on ? 'true' : 'false');
  }

  function csrf(headers) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  /**
   * A request to the server. Resolves (never rejects) to {network:true} when the network is down,
   * {login:true} when the session has expired, or {status, body}.
   */
  function send(method, url, body, multipart) {
    var headers = csrf({ Accept: 'application/json' });
    var payload = body;
    if (body && !multipart) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    return fetch(url, { method: method, headers: headers, body: payload, credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) {
        if (r.status === 401 || (r.redirected && r.url.indexOf(loginUrl) >= 0)) {
          return { login: true };
        }
        return r.text().then(function (text) {
          var parsed = null;
          try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
          return { status: r.status, body: parsed };
        });
      }, function () {
        return { network: true };
      });
  }

  /** Fetches the page again for a current CSRF token (the cached page's may be stale after a new login). */
  function refreshToken() {
    return fetch(pageUrl, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'text/html' } })
      .then(function (r) {
        if (r.redirected && r.url.indexOf(loginUrl) >= 0) {
          return 'login';
        }
        if (!r.ok) {
          return 'ok';
        }
        return r.text().then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          ['_csrf', '_csrf_header'].forEach(function (name) {
            var fresh = doc.querySelector('meta[name="' + name + '"]');
            var mine = document.querySelector('meta[name="' + name + '"]');
            if (fresh && mine) {
              mine.setAttribute('content', fresh.getAttribute('content'));
            }
          });
          return 'ok';
        });
      }, function () {
        return 'network';
      });
  }

  // ---------------------------------------------------------------------------------------------
  // the data: tasks, targets, current values

  var sheet = null;

  function loadSheet() {
    return fetch(api, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok || r.redirected) {
          throw new Error('status ' + r.status);
        }
        return r.json();
      })
      .then(function (s) {
        sheet = s;
        return put('sheets', { key: campaignId + '/' + user, sheet: s }).catch(function () {}).then(function () {
          return s;
        });
      })
      .catch(function () {
        return get('sheets', campaignId + '/' + user).then(function (cached) {
          if (cached && cached.sheet) {
            sheet = cached.sheet;
            show('warning', t('cached-data', when(sheet.generatedAt)));
          } else {
            show('danger', t('load-failed'));
          }
          return sheet;
        });
      });
  }

  function targetById(id) {
    return sheet ? sheet.targets.filter(function (x) { return x.id === id; })[0] : null;
  }

  function currentOf(targetId, taskId) {
    return sheet ? sheet.current.filter(function (c) { return c.targetId === targetId && c.taskId === taskId; })[0] : null;
  }

  function describe(c) {
    if (!c) {
      return t('not-rated');
    }
    var v = c.notApplicable ? t('na') : (c.gradeLabel || (c.points + ' ' + t('points-unit')));
    return v + (c.evaluatedByName ? '（' + c.evaluatedByName + '）' : '');
  }

  function renderTargets() {
    el.target.textContent = '';
    var first = node('option', null, t('choose-target'));
    first.value = '';
    el.target.appendChild(first);
    if (!sheet) {
      return;
    }
    if (!sheet.tasks.length) {
      show('info', t('no-tasks'));
    }
    var groups = {};
    sheet.targets.forEach(function (x) {
      if (!groups[x.category]) {
        groups[x.category] = node('optgroup');
        groups[x.category].label = x.category;
        el.target.appendChild(groups[x.category]);
      }
      var o = node('option', null, x.name);
      o.value = String(x.id);
      groups[x.category].appendChild(o);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // the form

  var editing = null; // the queued record being edited
  var formPhotos = []; // {id, taskId, name, type, blob, thumb}

  function renderCards() {
    el.cards.textContent = '';
    var targetId = Number(el.target.value);
    var target = targetById(targetId);
    if (!target) {
      return;
    }
    sheet.tasks.filter(function (task) { return task.categoryId === target.categoryId; }).forEach(function (task) {
      var card = el.template.content.firstElementChild.cloneNode(true);
      card.setAttribute('data-task-id', String(task.id));
      card.querySelector('.task-title').textContent = task.title;
      card.querySelector('.task-path').textContent = (task.path || []).join(' › ');
      card.querySelector('.task-requirement').textContent = task.requirement || '';
      card.querySelector('.task-max').textContent = t('max', task.points);
      card.querySelector('.task-current').textContent = t('current', describe(currentOf(targetId, task.id)));
      var radios = card.querySelectorAll('.grade-radio');
      Array.prototype.forEach.call(radios, function (radio, i) {
        radio.name = 'grade-' + task.id;
        radio.id = 'grade-' + task.id + '-' + radio.value;
        var label = radio.nextElementSibling;
        label.setAttribute('for', radio.id);
        radio.addEventListener('change', function () { pointsVisibility(card); });
      });
      card.querySelector('.clear-rating').addEventListener('click', function () {
        Array.prototype.forEach.call(radios, function (r) { r.checked = false; });
        card.querySelector('.points-input').value = '';
        pointsVisibility(card);
      });
      card.querySelector('.photo-input').addEventListener('change', function (evt) {
        addPhotos(task.id, evt.target.files);
        evt.target.value = '';
      });
      el.cards.appendChild(card);
    });
    renderPhotos();
  }

  function pointsVisibility(card) {
    var checked = card.querySelector('.grade-radio:checked');
    card.querySelector('.points-input').classList.toggle('d-none', !(checked && checked.value === 'POINTS'));
  }

  function cardOf(taskId) {
    return el.cards.querySelector('.task-card[data-task-id="' + taskId + '"]');
  }

  function thumbnail(file) {
    return new Promise(function (resolve) {
      var reader = new FileReader();
      reader.onload = function () {
        var img = new Image();
        img.onload = function () {
          var scale = Math.min(1, 160 / Math.max(img.width, img.height));
          var c = document.createElement('canvas');
          c.width = Math.max(1, Math.round(img.width * scale));
          c.height = Math.max(1, Math.round(img.height * scale));
          c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
          try { resolve(c.toDataURL('image/jpeg', 0.7)); } catch (e) { resolve(null); }
        };
        img.onerror = function () { resolve(null); };
        img.src = reader.result; // a data: URL (the CSP allows data: images, not blob:)
      };
      reader.onerror = function () { resolve(null); };
      reader.readAsDataURL(file);
    });
  }

  function addPhotos(taskId, files) {
    Array.prototype.forEach.call(files || [], function (file) {
      if (file.size > maxPhoto) {
        show('danger', t('photo-too-large', file.name, Math.floor(maxPhoto / 1048576)));
        return;
      }
      var photo = { id: uuid(), taskId: taskId, name: file.name || 'photo.jpg', type: file.type, blob: file, thumb: null };
      formPhotos.push(photo);
      thumbnail(file).then(function (thumb) {
        photo.thumb = thumb;
        renderPhotos();
      });
    });
    renderPhotos();
  }

  function renderPhotos() {
    Array.prototype.forEach.call(el.cards.querySelectorAll('.photo-list'), function (list) { list.textContent = ''; });
    formPhotos.forEach(function (p) {
      var card = cardOf(p.taskId);
      if (!card) {
        return;
      }
      var box = node('div', 'position-relative photo-item');
      if (p.thumb) {
        var img = node('img', 'photo-thumb');
        img.src = p.thumb;
        img.alt = p.name;
        box.appendChild(img);
      } else {
        box.appendChild(node('div', 'photo-thumb border small p-1 text-truncate', p.name));
      }
      var x = node('button', 'btn btn-sm btn-danger position-absolute top-0 end-0', '×');
      x.type = 'button';
      x.setAttribute('aria-label', t('remove-photo'));
      x.addEventListener('click', function () {
        formPhotos = formPhotos.filter(function (q) { return q !== p; });
        renderPhotos();
      });
      box.appendChild(x);
      card.querySelector('.photo-list').appendChild(box);
    });
  }

  function resetForm(keepTeam) {
    editing = null;
    formPhotos = [];
    el.editing.classList.add('d-none');
    el.target.value = '';
    if (!keepTeam) {
      el.leader.value = '';
      el.members.value = '';
    }
    el.visitedAt.value = localInput(new Date());
    renderCards();
    renderVisits();
  }

  /** The visit in the form, or null (with the reason shown) when it cannot be saved yet. */
  function readForm() {
    var targetId = Number(el.target.value);
    var target = targetById(targetId);
    if (!target) {
      show('danger', t('need-target'));
      el.target.focus();
      return null;
    }
    var leader = el.leader.value.trim();
    if (!leader) {
      show('danger', t('need-leader'));
      el.leader.focus();
      return null;
    }
    var team = [leader];
    el.members.value.split(/[\n,，、;；]+/).forEach(function (m) {
      m = m.trim();
      if (m && team.indexOf(m) < 0) {
        team.push(m);
      }
    });
    var items = [];
    var bad = false;
    Array.prototype.forEach.call(el.cards.querySelectorAll('.task-card'), function (card) {
      var taskId = Number(card.getAttribute('data-task-id'));
      var checked = card.querySelector('.grade-radio:checked');
      var mode = checked ? checked.value : null;
      var pointsText = card.querySelector('.points-input').value.trim();
      var reason = card.querySelector('.reason-input').value.trim();
      var note = card.querySelector('.note-input').value.trim();
      var error = card.querySelector('.item-error');
      error.textContent = '';
      var item = { taskId: taskId, title: card.querySelector('.task-title').textContent };
      if (mode === 'POINTS') {
        if (!/^\d+(\.\d+)?$/.test(pointsText)) {
          error.textContent = t('points-invalid');
          bad = true;
          return;
        }
        item.points = pointsText;
      } else if (mode === 'NA') {
        item.notApplicable = true;
      } else if (mode) {
        item.grade = mode;
      }
      if (reason) {
        item.reason = reason;
      }
      if (note) {
        item.note = note;
      }
      if (mode || note) {
        items.push(item);
      }
    });
    if (bad) {
      return null;
    }
    if (!items.length) {
      show('danger', t('need-item'));
      return null;
    }
    var visited = el.visitedAt.value ? new Date(el.visitedAt.value) : new Date();
    if (isNaN(visited.getTime())) {
      visited = new Date();
    }
    return {
      targetId: targetId,
      targetName: target.name,
      team: team,
      visitedAt: visited.toISOString(),
      items: items
    };
  }

  function save() {
    var visit = readForm();
    if (!visit) {
      return Promise.resolve();
    }
    var record = editing || { clientId: uuid(), campaignId: campaignId, user: user };
    record.targetId = visit.targetId;
    record.targetName = visit.targetName;
    record.team = visit.team;
    record.visitedAt = visit.visitedAt;
    record.items = visit.items;
    record.photos = formPhotos.map(function (p) {
      return { id: p.id, taskId: p.taskId, name: p.name, type: p.type, blob: p.blob, thumb: p.thumb, uploaded: false, error: null };
    });
    record.savedAt = new Date().toISOString();
    record.errors = null;
    record.error = null;
    rememberTeam(visit.team);
    return put('visits', record).then(function () {
      resetForm(true);
      show('success', online() ? t('saved') : t('saved-offline'));
      return renderQueue().then(function () {
        return online() ? syncAll() : null;
      });
    }, function (e) {
      // nothing was stored (storage unavailable or full): the form keeps everything
      show('danger', t('store-failed', (e && e.name) || e));
    });
  }

  /** The team is usually the same all day: remembered on this device for the next visit. */
  function rememberTeam(team) {
    try {
      localStorage.setItem('dudao-onsite-team/' + user, JSON.stringify(team));
    } catch (e) {
      // private mode: not remembered
    }
  }

  function recallTeam() {
    try {
      var team = JSON.parse(localStorage.getItem('dudao-onsite-team/' + user) || '[]');
      if (team.length && !el.leader.value) {
        el.leader.value = team[0];
        el.members.value = team.slice(1).join('\n');
      }
    } catch (e) {
      // nothing remembered
    }
  }

  function edit(record) {
    resetForm(true);
    editing = record;
    el.editing.classList.remove('d-none');
    el.target.value = String(record.targetId);
    el.leader.value = record.team[0] || '';
    el.members.value = record.team.slice(1).join('\n');
    el.visitedAt.value = localInput(new Date(record.visitedAt));
    formPhotos = (record.photos || []).map(function (p) {
      return { id: p.id, taskId: p.taskId, name: p.name, type: p.type, blob: p.blob, thumb: p.thumb };
    });
    renderCards();
    record.items.forEach(function (item) {
      var card = cardOf(item.taskId);
      if (!card) {
        return;
      }
      var value = item.notApplicable ? 'NA' : (item.points !== undefined && item.points !== null ? 'POINTS' : item.grade);
      var radio = value ? card.querySelector('.grade-radio[value="' + value + '"]') : null;
      if (radio) {
        radio.checked = true;
      }
      card.querySelector('.points-input').value = item.points || '';
      card.querySelector('.reason-input').value = item.reason || '';
      card.querySelector('.note-input').value = item.note || '';
      card.querySelector('.item-error').textContent = (record.errors && record.errors[item.taskId]) || '';
      pointsVisibility(card);
    });
    renderVisits();
    el.form.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  // ---------------------------------------------------------------------------------------------
  // the queue

  function renderQueue() {
    return queued().then(function (records) {
      el.queueCount.textContent = t('queue', records.length);
      root.setAttribute('data-queued', String(records.length));
      el.queueList.textContent = '';
      records.forEach(function (r) {
        var li = node('li', 'queue-item');
        li.setAttribute('data-client-id', r.clientId);
        li.appendChild(node('div', 'fw-bold', r.targetName));
        li.appendChild(node('div', 'small text-muted', when(r.visitedAt) + ' · ' + r.team.join('、')));
        var pending = (r.photos || []).filter(function (p) { return !p.uploaded; }).length;
        li.appendChild(node('div', 'small', t('summary', r.items.length, pending)));
        var failed = refused(r);
        var status = failed ? t('status-error') : (r.visitId ? t('status-photos') : t('status-waiting'));
        li.appendChild(node('div', 'small queue-status ' + (failed ? 'text-danger' : 'text-muted'), status));
        if (r.error) {
          li.appendChild(node('div', 'small text-danger queue-error', r.error));
        }
        if (r.errors) {
          var ul = node('ul', 'small text-danger mb-1 queue-errors');
          r.items.forEach(function (item) {
            if (r.errors[item.taskId]) {
              ul.appendChild(node('li', null, item.title + '：' + r.errors[item.taskId]));
            }
          });
          li.appendChild(ul);
        }
        (r.photos || []).forEach(function (p) {
          if (p.error && !p.uploaded) {
            var row = node('div', 'small text-danger d-flex align-items-center gap-2 photo-error');
            row.appendChild(node('span', null, p.name + '：' + p.error));
            var drop = node('button', 'btn btn-sm btn-outline-danger', t('remove-photo'));
            drop.type = 'button';
            drop.addEventListener('click', function () {
              r.photos = r.photos.filter(function (q) { return q !== p; });
              put('visits', r).then(renderQueue).then(syncAll);
            });
            row.appendChild(drop);
            li.appendChild(row);
          }
        });
        var actions = node('div', 'd-flex gap-2 mt-1');
        if (!r.visitId) {
          var e = node('button', 'btn btn-outline-primary queue-edit', t('edit'));
          e.type = 'button';
          e.addEventListener('click', function () { edit(r); });
          actions.appendChild(e);
          var d = node('button', 'btn btn-outline-danger queue-remove', t('remove'));
          d.type = 'button';
          d.addEventListener('click', function () {
            if (window.confirm(t('confirm-remove'))) {
              remove('visits', r.clientId).then(function () {
                if (editing && editing.clientId === r.clientId) {
                  resetForm(true);
                }
                return renderQueue();
              });
            }
          });
          actions.appendChild(d);
        }
        li.appendChild(actions);
        el.queueList.appendChild(li);
      });
      return records;
    });
  }

  var syncing = false;
  var stopped = null; // why the last sync stopped early: 'login' or 'network'

  /** Whether the server refused the visit as it stands (it then waits for an edit or 立即同步). */
  function refused(r) {
    return Boolean(r.error || (r.errors && Object.keys(r.errors).length));
  }

  /**
   * Sends every waiting visit, then its photos; stops at the first network failure. Automatic syncs
   * (timer, coming back online) skip visits the server refused, which would only be refused again;
   * the 立即同步 button ({@code manual}) sends them too.
   */
  function syncAll(manual) {
    if (syncing) {
      return Promise.resolve();
    }
    syncing = true;
    stopped = null;
    el.syncNow.disabled = true;
    var hadWork = false;
    return queued().then(function (all) {
      var records = manual ? all : all.filter(function (r) { return !refused(r); });
      if (!records.length) {
        return null;
      }
      hadWork = true;
      show('info', t('syncing'));
      return refreshToken().then(function (state) {
        if (state !== 'ok') {
          stopped = state;
          return null;
        }
        return records.reduce(function (chain, r) {
          return chain.then(function (go) { return go === false ? false : syncOne(r); });
        }, Promise.resolve(true));
      });
    }).catch(function () {
      stopped = stopped || 'network';
    }).then(function () {
      return renderQueue();
    }).then(function (left) {
      if (!hadWork) {
        return;
      }
      if (stopped === 'login') {
        show('warning', t('login-needed'), true);
      } else if (stopped === 'network') {
        show('warning', t('saved-offline'));
      } else if (left.length) {
        show('danger', t('status-error'));
      } else {
        show('success', t('synced'));
        loadSheet().then(function () { refreshCurrent(); renderVisits(); });
      }
    }).catch(function () {}).then(function () {
      syncing = false;
      el.syncNow.disabled = false;
    });
  }

  /** Resolves false when syncing must stop (network down, login needed). */
  function syncOne(r) {
    var step = r.visitId ? Promise.resolve(true) : postVisit(r);
    return step.then(function (go) {
      if (go === false || !r.visitId) {
        return go;
      }
      return postPhotos(r);
    }).then(function (go) {
      if (go === false) {
        return false;
      }
      var done = r.visitId && (r.photos || []).every(function (p) { return p.uploaded; });
      if (done) {
        if (editing && editing.clientId === r.clientId) {
          resetForm(true);
        }
        return remove('visits', r.clientId).then(function () { return true; });
      }
      return put('visits', r).then(function () { return true; });
    });
  }

  function postVisit(r) {
    var body = {
      clientId: r.clientId,
      targetId: r.targetId,
      teamMembers: r.team,
      visitedAt: r.visitedAt,
      items: r.items.map(function (i) {
        return {
          taskId: i.taskId,
          grade: i.grade,
          points: i.points === undefined || i.points === null ? undefined : Number(i.points),
          notApplicable: i.notApplicable,
          reason: i.reason,
          note: i.note
        };
      })
    };
    return send('POST', api + '/visits', body, false).then(function (res) {
      if (res.network || res.login) {
        stopped = res.login ? 'login' : 'network';
        return false;
      }
      if (res.status === 200 && res.body) {
        r.visitId = res.body.visitId;
        r.errors = null;
        r.error = null;
      } else if (res.body && res.body.rows) {
        r.errors = {};
        res.body.rows.forEach(function (row) {
          if (row.status === 'ERROR' && r.items[row.index]) {
            r.errors[r.items[row.index].taskId] = row.error;
          }
        });
        r.error = res.body.message || null;
      } else {
        r.error = (res.body && (res.body.detail || res.body.message)) || t('failed', res.status);
      }
      return put('visits', r).then(function () { return true; });
    });
  }

  function postPhotos(r) {
    return (r.photos || []).reduce(function (chain, p) {
      return chain.then(function (go) {
        if (go === false || p.uploaded) {
          return go;
        }
        var form = new FormData();
        form.append('file', p.blob, p.name);
        if (p.taskId) {
          form.append('taskId', String(p.taskId));
        }
        form.append('clientId', p.id);
        return send('POST', api + '/visits/' + r.visitId + '/photos', form, true).then(function (res) {
          if (res.network || res.login) {
            stopped = res.login ? 'login' : 'network';
            return false;
          }
          if (res.status === 200 && res.body) {
            p.uploaded = true;
            p.blob = null; // the server has it (SHA-256 below); free the device's space
            p.sha256 = res.body.sha256;
            p.error = null;
          } else {
            p.error = (res.body && res.body.detail) || t('failed', res.status);
          }
          return put('visits', r).then(function () { return true; });
        });
      });
    }, Promise.resolve(true));
  }

  function refreshCurrent() {
    var targetId = Number(el.target.value);
    Array.prototype.forEach.call(el.cards.querySelectorAll('.task-card'), function (card) {
      var taskId = Number(card.getAttribute('data-task-id'));
      card.querySelector('.task-current').textContent = t('current', describe(currentOf(targetId, taskId)));
    });
  }

  // ---------------------------------------------------------------------------------------------
  // synced visits of the chosen target

  function renderVisits() {
    el.visits.textContent = '';
    var targetId = Number(el.target.value);
    if (!targetId) {
      return;
    }
    if (!online()) {
      el.visits.appendChild(node('p', 'text-muted', t('visits-offline')));
      return;
    }
    send('GET', api + '/visits?targetId=' + targetId).then(function (res) {
      if (Number(el.target.value) !== targetId) {
        return;
      }
      el.visits.textContent = '';
      if (res.network || res.login || res.status !== 200 || !Array.isArray(res.body)) {
        el.visits.appendChild(node('p', 'text-muted', t('visits-offline')));
        return;
      }
      if (!res.body.length) {
        el.visits.appendChild(node('p', 'text-muted', t('no-visits')));
        return;
      }
      var titles = {};
      (sheet ? sheet.tasks : []).forEach(function (task) { titles[task.id] = task.title; });
      res.body.forEach(function (v) {
        var box = node('div', 'queue-item visit-item');
        box.appendChild(node('div', 'fw-bold', when(v.visitedAt) + ' · ' + v.teamMembers.join('、')));
        box.appendChild(node('div', 'text-muted', t('synced-by') + '：' + (v.syncedByName || v.syncedBy) + ' ' + when(v.syncedAt)));
        var ul = node('ul', 'mb-1');
        (v.items || []).forEach(function (i) {
          var value = i.notApplicable ? t('na') : (i.grade ? gradeLabel(i.grade) : i.points + ' ' + t('points-unit'));
          ul.appendChild(node('li', null, (titles[i.taskId] || i.taskId) + '：' + value + (i.reason ? '（' + i.reason + '）' : '')));
        });
        Object.keys(v.notes || {}).forEach(function (taskId) {
          ul.appendChild(node('li', 'text-muted', (titles[taskId] || taskId) + '：' + v.notes[taskId]));
        });
        box.appendChild(ul);
        (v.photos || []).forEach(function (p, n) {
          var a = node('a', 'me-2', t('photo') + ' ' + (n + 1));
          a.href = p.url;
          a.target = '_blank';
          a.rel = 'noopener';
          a.title = p.name + ' · SHA-256 ' + p.sha256;
          box.appendChild(a);
        });
        el.visits.appendChild(box);
      });
    });
  }

  function gradeLabel(code) {
    var radio = el.template.content.querySelector('.grade-radio[value="' + code + '"]');
    return radio && radio.nextElementSibling ? radio.nextElementSibling.textContent : code;
  }

  // ---------------------------------------------------------------------------------------------
  // the service worker: the page opens offline

  function registerWorker() {
    if (!('serviceWorker' in navigator)) {
      root.setAttribute('data-offline-ready', 'unsupported');
      return;
    }
    navigator.serviceWorker.addEventListener('message', function (evt) {
      if (evt.data && evt.data.type === 'precached') {
        root.setAttribute('data-offline-ready', 'true');
      }
    });
    navigator.serviceWorker.register(root.getAttribute('data-sw'), { scope: pageUrl })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        var urls = [pageUrl, api];
        Array.prototype.forEach.call(document.querySelectorAll('link[rel="stylesheet"][href], script[src]'), function (e) {
          urls.push(e.getAttribute('href') || e.getAttribute('src'));
        });
        if (registration.active) {
          registration.active.postMessage({ type: 'precache', urls: urls });
        }
      })
      .catch(function (e) {
        root.setAttribute('data-offline-ready', 'error: ' + e);
      });
  }

  // ---------------------------------------------------------------------------------------------
  // start

  el.form.addEventListener('submit', function (evt) {
    evt.preventDefault();
    save();
  });
  el.target.addEventListener('change', function () {
    renderCards();
    renderVisits();
  });
  el.newVisit.addEventListener('click', function () {
    hideMessage();
    resetForm(true);
  });
  el.syncNow.addEventListener('click', function () { syncAll(true); });
  window.addEventListener('online', function () {
    showNet();
    syncAll();
  });
  window.addEventListener('offline', showNet);
  window.setInterval(function () {
    if (online() && Number(root.getAttribute('data-queued')) > 0) {
      syncAll();
    }
  }, 30000);

  showNet();
  el.visitedAt.value = localInput(new Date());
  recallTeam();
  if (navigator.storage && navigator.storage.persist) {
    // ask the browser not to evict the queue when space runs low
    navigator.storage.persist().catch(function () { return false; });
  }
  registerWorker();
  loadSheet().then(function () {
    renderTargets();
    renderQueue().then(function () {
      root.setAttribute('data-ready', 'true');
      if (online()) {
        syncAll();
      }
    });
  });
})();
