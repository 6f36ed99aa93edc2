// Line charts for canvases carrying their Chart.js data as JSON in data-chart (no inline scripts: the CSP forbids them).
(function () {
  function render() {
    if (typeof Chart === 'undefined') { return; }
    document.querySelectorAll('canvas[data-chart]:not([data-rendered])').forEach(function (canvas) {
      var data = JSON.parse(canvas.dataset.chart);
      new Chart(canvas, {
        type: 'line',
        data: data,
        options: {
          animation: false,
          spanGaps: true,
          maintainAspectRatio: true,
          aspectRatio: 2.5,
          plugins: { legend: { display: data.datasets.length > 1, position: 'bottom' } },
          scales: { y: { beginAtZero: true } }
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
