// Dudao questionnaires: draws every .survey-chart as a bar chart with ECharts from the numbers the server
// wrote into data-labels / data-values (no inline scripts: the Content-Security-Policy forbids them).
(function () {
  'use strict';
  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('.survey-chart').forEach(function (el) {
      var labels = JSON.parse(el.getAttribute('data-labels') || '[]');
      var values = JSON.parse(el.getAttribute('data-values') || '[]');
      var chart = echarts.init(el);
      chart.setOption({
        title: { text: el.getAttribute('data-title') || '', textStyle: { fontSize: 13 } },
        tooltip: {},
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: values, itemStyle: { color: '#5470c6' }, label: { show: true, position: 'top' } }]
      });
      el.setAttribute('data-drawn', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
