// Evidence upload: every file goes in chunks (resumable), with a progress bar per file. After a network
// error a chunk is retried from the byte count the server reports. No inline script (CSP).
(function () {
  'use strict';
  var box = document.getElementById('uploader');
  if (!box) {
    return;
  }
  var startUrl = box.getAttribute('data-start');
  var chunkBase = box.getAttribute('data-chunks');
  var maxBytes = Number(box.getAttribute('data-max'));
  var input = document.getElementById('fileInput');
  var button = document.getElementById('uploadButton');
  var out = document.getElementById('uploadProgress');

  function csrfHeaders(h) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      h[header.content] = token.content;
    }
    h['Accept'] = 'application/json';
    return h;
  }

  function problem(xhrOrText) {
    try {
      var p = JSON.parse(xhrOrText);
      return p.detail || p.title;
    } catch (e) {
      return box.getAttribute('data-failed');
    }
  }

  function request(method, url, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      var headers = csrfHeaders({});
      Object.keys(headers).forEach(function (k) { xhr.setRequestHeader(k, headers[k]); });
      if (body && !(body instanceof Blob)) {
        xhr.setRequestHeader('Content-Type', 'application/json');
        body = JSON.stringify(body);
      } else if (body) {
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      }
      if (onProgress) {
        xhr.upload.onprogress = function (e) { onProgress(e.loaded); };
      }
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(xhr.responseText ? JSON.parse(xhr.responseText) : {});
        } else {
          reject({ status: xhr.status, message: problem(xhr.responseText) });
        }
      };
      xhr.onerror = function () { reject({ status: 0, message: box.getAttribute('data-failed') }); };
      xhr.send(body || null);
    });
  }

  function row(file) {
    var div = document.createElement('div');
    div.className = 'small mb-1 upload-row';
    var name = document.createElement('div');
    name.textContent = file.name;
    var bar = document.createElement('div');
    bar.className = 'progress';
    bar.setAttribute('role', 'progressbar');
    var fill = document.createElement('div');
    fill.className = 'progress-bar';
    fill.style.width = '0%';
    bar.appendChild(fill);
    var msg = document.createElement('div');
    div.appendChild(name);
    div.appendChild(bar);
    div.appendChild(msg);
    out.appendChild(div);
    return {
      progress: function (done) {
        var pct = Math.floor(done * 100 / Math.max(file.size, 1));
        fill.style.width = pct + '%';
        fill.textContent = pct + '%';
        bar.setAttribute('aria-valuenow', String(pct));
      },
      fail: function (text) {
        fill.className = 'progress-bar bg-danger';
        msg.className = 'text-danger upload-error';
        msg.textContent = text;
      },
      ok: function () {
        fill.className = 'progress-bar bg-success';
        div.classList.add('upload-done');
      }
    };
  }

  async function sendOne(file) {
    var r = row(file);
    if (file.size > maxBytes) {
      r.fail(box.getAttribute('data-too-large'));
      return false;
    }
    try {
      var started = await request('POST', startUrl, { name: file.name, size: file.size });
      var id = started.uploadId;
      var chunk = started.chunkBytes;
      var offset = 0;
      var retries = 0;
      while (offset < file.size) {
        var end = Math.min(offset + chunk, file.size);
        try {
          var res = await request('PUT', chunkBase + id + '?offset=' + offset, file.slice(offset, end),
            function (loaded) { r.progress(offset + loaded); });
          offset = res.received;
          retries = 0;
        } catch (e) {
          if (e.status !== 0 && e.status !== 409) {
            throw e;
          }
          if (++retries > 5) {
            throw e;
          }
          // resume from what the server has
          var status = await request('GET', chunkBase + id);
          offset = status.received;
        }
        r.progress(offset);
      }
      await request('POST', chunkBase + id + '/complete');
      r.ok();
      return true;
    } catch (e) {
      r.fail(e.message);
      return false;
    }
  }

  button.addEventListener('click', async function () {
    var files = Array.prototype.slice.call(input.files || []);
    if (!files.length) {
      input.focus();
      return;
    }
    button.disabled = true;
    out.textContent = '';
    var allOk = true;
    for (var i = 0; i < files.length; i++) {
      allOk = (await sendOne(files[i])) && allOk;
    }
    button.disabled = false;
    if (allOk) {
      window.location.reload();
    }
  });
})();
