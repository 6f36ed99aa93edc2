// A search box with role="combobox" whose listbox htmx fills with suggestions (the watchlist's add-one box).
// Arrow keys move through the options, Enter or a click picks one (its data-value goes into the box),
// Escape closes the list. Without JavaScript the box is a plain field and the form still works.
(function () {
  function listOf(input) {
    return document.getElementById(input.getAttribute('aria-controls'));
  }

  function options(list) {
    return list ? Array.prototype.slice.call(list.querySelectorAll('[role="option"]:not([aria-disabled="true"])')) : [];
  }

  function show(input, visible) {
    var list = listOf(input);
    list.hidden = !visible;
    input.setAttribute('aria-expanded', visible ? 'true' : 'false');
    if (!visible) {
      activate(input, null);
    }
  }

  function activate(input, option) {
    options(listOf(input)).forEach(function (o) {
      o.classList.toggle('active', o === option);
      o.setAttribute('aria-selected', o === option ? 'true' : 'false');
    });
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({block: 'nearest'});
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function pick(input, option) {
    input.value = option.dataset.value;
    input.dataset.picked = option.dataset.value;
    var chosen = document.getElementById('add-chosen');
    if (chosen) {
      chosen.textContent = option.dataset.label;
    }
    show(input, false);
  }

  function isCombobox(element) {
    return element && element.matches && element.matches('input[role="combobox"]');
  }

  document.addEventListener('keydown', function (event) {
    var input = event.target;
    if (!isCombobox(input)) {
      return;
    }
    var list = listOf(input);
    var all = options(list);
    var current = all.findIndex(function (o) { return o.id === input.getAttribute('aria-activedescendant'); });
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (all.length === 0) {
        return;
      }
      event.preventDefault();
      show(input, true);
      var next = event.key === 'ArrowDown' ? (current + 1) % all.length : (current <= 0 ? all.length - 1 : current - 1);
      activate(input, all[next]);
    } else if (event.key === 'Enter' && current >= 0 && !list.hidden) {
      event.preventDefault();
      pick(input, all[current]);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      show(input, false);
    }
  });

  document.addEventListener('input', function (event) {
    if (isCombobox(event.target)) {
      var chosen = document.getElementById('add-chosen');
      if (chosen) {
        chosen.textContent = '';
      }
    }
  });

  document.addEventListener('click', function (event) {
    var option = event.target.closest('[role="option"]');
    document.querySelectorAll('input[role="combobox"]').forEach(function (input) {
      var list = listOf(input);
      if (option && list && list.contains(option)) {
        if (option.getAttribute('aria-disabled') !== 'true') {
          pick(input, option);
          input.focus();
        }
      } else if (event.target !== input) {
        show(input, false);
      }
    });
  });

  // htmx has put fresh suggestions into a list: show them, none active yet (unless they answer what was just picked)
  document.addEventListener('htmx:afterSwap', function (event) {
    document.querySelectorAll('input[role="combobox"]').forEach(function (input) {
      if (listOf(input) === event.detail.target) {
        show(input, event.detail.target.children.length > 0 && document.activeElement === input
            && input.value !== input.dataset.picked);
      }
    });
  });
})();
