// Plan tracking (实施方案跟踪): draws #planChart, a stacked bar of task counts per status by heading, from
// the JSON the server computed (data-chart). No inline scripts (the Content-Security-Policy forbids them).
(function () {
  'use strict';
  var COLOURS = { NOT_STARTED: '#c8ccd4', IN_PROGRESS: '#fac858', DONE: '#5470c6', OVERDUE: '#ee6666' };

  function draw() {
    var el = document.getElementById('planChart');
    if (!el || !window.echarts) {
      return;
    }
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category', inverse: true, data: data.labels,
        axisLabel: { width: 160, overflow: 'truncate' }
      },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'tasks', data: s.data, itemStyle: { color: COLOURS[s.status] } };
      })
    });
    el.setAttribute('data-values', JSON.stringify(data.series.map(function (s) { return s.data; })));
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
