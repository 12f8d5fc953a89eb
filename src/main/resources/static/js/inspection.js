// Inspection scoring page: after a deduction the page reloads with ?open=<item>; bring that item back into view.
(function () {
  var focus = document.querySelector('.focus-item');
  if (focus) {
    focus.scrollIntoView({block: 'start', behavior: 'instant'});
  }
})();
