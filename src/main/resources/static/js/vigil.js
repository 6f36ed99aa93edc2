// Buttons marked data-confirm ask before they submit; no inline handlers, so the CSP can forbid them.
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var message = (button && button.dataset.confirm) || event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
// Copy buttons copy the text of the element named in data-copy.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) { return; }
  var source = document.getElementById(button.dataset.copy);
  if (source && navigator.clipboard) {
    navigator.clipboard.writeText(source.textContent.trim());
    button.textContent = button.dataset.copied || button.textContent;
  }
});
// A search box marked data-filter-list shows only the items of that list ([data-filter-item], grouped in
// [data-filter-group]) whose text holds every word typed, accents and case aside; a group whose name matches shows whole.
(function () {
  function plain(text) {
    return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  document.addEventListener('input', function (event) {
    var box = event.target.closest('[data-filter-list]');
    if (!box) { return; }
    var list = document.getElementById(box.dataset.filterList);
    var words = plain(box.value).split(/\s+/).filter(Boolean);
    function matches(text) {
      var t = plain(text);
      return words.every(function (w) { return t.indexOf(w) >= 0; });
    }
    list.querySelectorAll('[data-filter-group]').forEach(function (group) {
      var legend = group.querySelector('legend');
      var whole = words.length > 0 && legend && matches(legend.textContent);
      var shown = 0;
      group.querySelectorAll('[data-filter-item]').forEach(function (item) {
        var input = item.querySelector('input');
        var visible = whole || matches(item.textContent + ' ' + (input ? input.value : ''));
        item.hidden = !visible;
        if (visible) { shown++; }
      });
      group.hidden = shown === 0;
    });
  });
})();
