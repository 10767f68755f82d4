// Keeps a server-rendered region current: an element with data-live-stream (an SSE address) and
// data-live-fragment (the address of its fresh HTML) is refetched on every change the stream
// announces, and once when the stream (re)opens, so nothing between page load and connection is
// missed. While someone types inside the region, the refetch waits until they leave the field.
(function () {
  function start(region) {
    var id = region.id;
    var pending = false;

    function typing() {
      var active = document.activeElement;
      var current = document.getElementById(id);
      return current && active && current.contains(active)
        && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT') && active.value.trim() !== '';
    }

    function refresh() {
      if (typing()) {
        if (!pending) {
          pending = true;
          document.activeElement.addEventListener('blur', function () { pending = false; refresh(); }, { once: true });
        }
        return;
      }
      htmx.ajax('GET', region.dataset.liveFragment, { target: '#' + id, swap: 'outerHTML' });
    }

    var source = new EventSource(region.dataset.liveStream);
    source.addEventListener('open', refresh);
    source.addEventListener('message', refresh);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-live-stream]').forEach(start);
  });
})();
