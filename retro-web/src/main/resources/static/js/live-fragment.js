// Keeps a server-rendered region current: an element with data-live-stream (an SSE address) and
// data-live-fragment (the address of its fresh HTML) is refetched on every change the stream
// announces, and once when the stream (re)opens, so nothing between page load and connection is
// missed. A fresh copy never lands over a form of the region that is on its way: htmx drops a
// form's answer once its target has been replaced, and with it what the form has to say. Such a
// copy is set aside and fetched again after the form's answer. While someone types inside the
// region, the fresh copy waits until they leave the field.
(function () {
  function start(region) {
    var id = region.id;
    var fragment = region.dataset.liveFragment;
    var sending = new Set();
    var loading = false;
    var again = false;
    var waitingForBlur = false;

    function inRegion(element) {
      var current = document.getElementById(id);
      return current !== null && current.contains(element);
    }

    function typing() {
      var active = document.activeElement;
      return inRegion(active) && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT')
        && active.value.trim() !== '';
    }

    function land(html) {
      if (sending.size > 0) {
        again = true;
      } else if (typing()) {
        if (!waitingForBlur) {
          waitingForBlur = true;
          document.activeElement.addEventListener('blur', function () {
            waitingForBlur = false;
            refresh();
          }, { once: true });
        }
      } else {
        htmx.swap('#' + id, html, { swapStyle: 'outerHTML' });
      }
    }

    function refresh() {
      // One fetch at a time, so an older copy never lands after a newer one.
      if (loading || sending.size > 0) {
        again = true;
        return;
      }
      again = false;
      loading = true;
      fetch(fragment, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok && !response.redirected ? response.text() : null; })
        .then(function (html) { if (html !== null) land(html); })
        .catch(function () { /* the stream announces the next change, or reopens and refreshes */ })
        .finally(function () {
          loading = false;
          if (again && sending.size === 0) refresh();
        });
    }

    // By its request: once its answer has landed, the form is no longer in the page.
    document.addEventListener('htmx:beforeRequest', function (event) {
      if (inRegion(event.detail.elt)) sending.add(event.detail.xhr);
    });
    document.addEventListener('htmx:afterRequest', function (event) {
      if (sending.delete(event.detail.xhr) && sending.size === 0 && again) refresh();
    });

    var source = new EventSource(region.dataset.liveStream);
    source.addEventListener('open', refresh);
    source.addEventListener('message', refresh);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-live-stream]').forEach(start);
  });
})();
