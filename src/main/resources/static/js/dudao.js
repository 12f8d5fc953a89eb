// Dudao page behaviour. No inline scripts (the Content-Security-Policy forbids them).
document.addEventListener('DOMContentLoaded', function () {
  // send the CSRF token with every htmx request
  document.body.addEventListener('htmx:configRequest', function (evt) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      evt.detail.headers[header.content] = token.content;
    }
  });
  // the language switch keeps the page's own query (filters, page number)
  document.querySelectorAll('a[data-lang]').forEach(function (link) {
    var params = new URLSearchParams(window.location.search);
    params.set('lang', link.getAttribute('data-lang'));
    link.setAttribute('href', window.location.pathname + '?' + params.toString());
  });
  // confirmation on destructive actions: <form data-confirm="确定删除？">
  document.body.addEventListener('submit', function (evt) {
    var msg = evt.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) {
      evt.preventDefault();
    }
  }, true);
});
