// Service worker of the on-site form (实地考核表). Registered by onsite.js with the page's own path as
// its scope (/campaigns/{id}/onsite; the server sends Service-Worker-Allowed for this script), so it
// controls that page only. It keeps the page, its data (/app/campaigns/{id}/onsite) and the static
// assets the page uses, so that the form opens with the network down:
//   - the page and its data: network first, the cached copy when the network fails;
//   - static assets (/webjars, /css, /js, /img): the cached copy, refreshed in the background.
// Writes (POST) are never touched: visits wait in the page's IndexedDB queue, not here.
'use strict';

var CACHE = 'dudao-onsite-v1';

self.addEventListener('install', function () {
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf('dudao-onsite-') === 0 && k !== CACHE;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () {
    return self.clients.claim();
  }));
});

/** A complete answer of our own origin: not an error, not a redirect (e.g. to the login page). */
function keepable(response) {
  return response && response.ok && !response.redirected && response.type === 'basic';
}

function key(url) {
  var u = new URL(url, self.location.href);
  return u.origin + u.pathname; // ?lang=… and the like share one copy
}

function scopePath() {
  return new URL(self.registration.scope).pathname.replace(/\/$/, '');
}

/** The page's data: /campaigns/{id}/onsite → /app/campaigns/{id}/onsite (same context path). */
function dataPath() {
  return scopePath().replace(/\/campaigns\/(\d+)\/onsite$/, '/app/campaigns/$1/onsite');
}

function isStatic(url) {
  return /\/(webjars|css|js|img)\//.test(url.pathname);
}

self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type !== 'precache' || !Array.isArray(data.urls)) {
    return;
  }
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(data.urls.map(function (u) {
      var url = new URL(u, self.location.href);
      if (url.origin !== self.location.origin) {
        return null;
      }
      return fetch(url.href, { credentials: 'same-origin', cache: 'no-store' }).then(function (response) {
        return keepable(response) ? cache.put(key(url.href), response) : null;
      }).catch(function () { return null; });
    }));
  }).then(function () {
    if (event.source) {
      event.source.postMessage({ type: 'precached' });
    }
  }));
});

function networkFirst(request) {
  return fetch(request).then(function (response) {
    if (keepable(response)) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(key(request.url), copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(key(request.url), { ignoreVary: true });
    }).then(function (hit) {
      return hit || Response.error();
    });
  });
}

function cachedFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(key(request.url), { ignoreVary: true }).then(function (hit) {
      var refresh = fetch(request).then(function (response) {
        if (keepable(response)) {
          cache.put(key(request.url), response.clone());
        }
        return response;
      });
      if (hit) {
        refresh.catch(function () { return null; });
        return hit;
      }
      return refresh;
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (isStatic(url)) {
    event.respondWith(cachedFirst(request));
  } else if (request.mode === 'navigate' || url.pathname === scopePath() || url.pathname === dataPath()) {
    event.respondWith(networkFirst(request));
  }
});
