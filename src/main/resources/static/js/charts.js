// Line charts for canvases carrying their Chart.js data as JSON in data-chart (no inline scripts: the CSP forbids them).
// data-type="bar" draws bars. Axis numbers in the page's language; data-format="currency" (with data-currency) or "percent" (values in %) says how.
(function () {
  function tickFormat(canvas, locale) {
    var format = canvas.dataset.format;
    if (format === 'currency') {
      var money = new Intl.NumberFormat(locale, { style: 'currency', currency: canvas.dataset.currency || 'EUR', maximumFractionDigits: 0 });
      return function (value) { return money.format(value); };
    }
    if (format === 'percent') {
      var percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
      return function (value) { return percent.format(value / 100); };
    }
    var number = new Intl.NumberFormat(locale);
    return function (value) { return number.format(value); };
  }

  function render() {
    if (typeof Chart === 'undefined') { return; }
    var locale = document.documentElement.lang || 'en';
    document.querySelectorAll('canvas[data-chart]:not([data-rendered])').forEach(function (canvas) {
      var data = JSON.parse(canvas.dataset.chart);
      var format = tickFormat(canvas, locale);
      new Chart(canvas, {
        type: canvas.dataset.type === 'bar' ? 'bar' : 'line',
        data: data,
        options: {
          locale: locale,
          animation: false,
          spanGaps: true,
          maintainAspectRatio: true,
          aspectRatio: 2.5,
          plugins: {
            legend: { display: data.datasets.length > 1, position: 'bottom' },
            tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ': ' + format(ctx.parsed.y); } } }
          },
          scales: { y: { beginAtZero: true, ticks: { callback: function (value) { return format(value); } } } }
        }
      });
      canvas.dataset.rendered = 'true';
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', render);
  } else {
    render();
  }
})();
