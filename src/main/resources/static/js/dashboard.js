// Dudao dashboards (驾驶舱): draws every [data-chart] container of #dashboard with ECharts from the JSON
// at its data-source. No inline scripts (the Content-Security-Policy forbids them); every number comes
// from the server. After drawing, a container holds what it plotted in data-values (JSON) so that a
// browser test can compare it with the REST results.
(function () {
  'use strict';

  var PRINT_WIDTH = 640; // 170 mm at 96 dpi: the text width of an A4 page with 20 mm margins
  var drawn = [];
  // colours by meaning: what is done, still to do, in between; the page's palette for the rest
  var TONES = { done: '#5470c6', todo: '#ee6666', lost: '#ee6666', draft: '#fac858', returned: '#fc8452' };

  function narrow(el) {
    return el.clientWidth < 576;
  }

  function heightOf(chart, el) {
    var n = chart.kind === 'heatmap' ? (chart.rows || []).length : (chart.labels || []).length;
    if (chart.kind === 'heatmap') {
      return Math.max(260, n * 24 + 150);
    }
    if (chart.horizontal) {
      return Math.max(220, n * 22 + 90);
    }
    return narrow(el) ? 280 : 320;
  }

  function labelWidth(el) {
    return Math.max(72, Math.min(200, Math.floor(el.clientWidth * 0.32)));
  }

  // the room the longest label needs (12 px per CJK character), at most labelWidth: ECharts' containLabel
  // does not measure truncated labels, so the grid's left edge is set from this
  function sideLabels(labels, el) {
    var longest = 0;
    (labels || []).forEach(function (l) {
      var w = 0;
      for (var i = 0; i < l.length; i++) {
        w += l.charCodeAt(i) > 255 ? 12 : 7;
      }
      longest = Math.max(longest, w);
    });
    return Math.min(labelWidth(el), longest + 4);
  }

  function barOption(chart, el) {
    var small = narrow(el);
    var many = chart.series.length > 1;
    var category = {
      type: 'category',
      data: chart.labels,
      inverse: !!chart.horizontal,
      axisTick: { alignWithLabel: true },
      axisLabel: chart.horizontal
        ? { width: sideLabels(chart.labels, el), overflow: 'truncate', interval: 0, fontSize: 12 }
        : { interval: 0, width: small ? 64 : 96, overflow: 'truncate',
            rotate: small && chart.labels.length > 3 ? 40 : (chart.labels.length > 8 ? 30 : 0) }
    };
    var counts = chart.series.every(function (s) {
      return s.values.every(function (v) { return Number.isInteger(Number(v)); });
    });
    var value = { type: 'value', name: chart.unit, nameTextStyle: { align: 'right' }, minInterval: counts ? 1 : undefined };
    return {
      animation: false,
      textStyle: { fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      legend: many ? { type: 'scroll', top: 0 } : { show: false },
      grid: chart.horizontal
        ? { left: sideLabels(chart.labels, el) + 14, right: 36, top: many ? 36 : 24, bottom: 24, containLabel: false }
        : { left: 8, right: 28, top: many ? 56 : 34, bottom: 8, containLabel: true },
      xAxis: chart.horizontal ? value : category,
      yAxis: chart.horizontal ? category : value,
      series: chart.series.map(function (s) {
        return {
          name: s.name,
          type: 'bar',
          stack: chart.stacked ? 'all' : undefined,
          data: s.values,
          barMaxWidth: 28,
          itemStyle: s.tone && TONES[s.tone] ? { color: TONES[s.tone] } : undefined,
          label: { show: !many && !small, position: chart.horizontal ? 'right' : 'top', fontSize: 11 }
        };
      })
    };
  }

  function heatmapOption(chart, el) {
    var small = narrow(el);
    var max = 0;
    var data = chart.cells.map(function (c) {
      max = Math.max(max, Number(c.value));
      return [c.x, c.y, c.value];
    });
    return {
      animation: false,
      textStyle: { fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif' },
      tooltip: {
        confine: true,
        formatter: function (p) {
          return chart.rows[p.value[1]] + '<br>' + chart.labels[p.value[0]] + '：' + p.value[2] + ' ' + (chart.unit || '');
        }
      },
      grid: { left: sideLabels(chart.rows, el) + 12, right: 12, top: small ? 96 : 72, bottom: 56, containLabel: false },
      xAxis: {
        type: 'category', data: chart.labels, position: 'top', splitArea: { show: true },
        axisLabel: { interval: 0, rotate: small ? 60 : 30, width: small ? 72 : 120, overflow: 'truncate', fontSize: small ? 10 : 12 }
      },
      yAxis: {
        type: 'category', data: chart.rows, inverse: true, splitArea: { show: true },
        axisLabel: { interval: 0, width: sideLabels(chart.rows, el), overflow: 'truncate', fontSize: 12 }
      },
      visualMap: {
        min: 0, max: max > 0 ? max : 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        itemHeight: small ? 120 : 180, precision: 1,
        inRange: { color: ['#f7fbff', '#fdd49e', '#fc8d59', '#b30000'] }
      },
      series: [{
        type: 'heatmap', data: data,
        label: { show: !small || chart.labels.length <= 6, fontSize: 10 },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } }
      }]
    };
  }

  // what the chart plots, as the test compares it
  function plotted(chart) {
    if (chart.kind === 'heatmap') {
      return {
        labels: chart.labels,
        rows: chart.rows,
        cells: chart.cells.map(function (c) { return [c.x, c.y, Number(c.value)]; })
      };
    }
    return {
      labels: chart.labels,
      series: chart.series.map(function (s) {
        return { name: s.name, values: s.values.map(Number) };
      })
    };
  }

  function draw(chart, el) {
    if ((chart.kind === 'heatmap' && !(chart.cells || []).length) ||
        (chart.kind !== 'heatmap' && (!(chart.labels || []).length || !(chart.series || []).length))) {
      el.classList.add('dash-chart-empty');
      el.setAttribute('data-values', JSON.stringify(plotted(chart)));
      return;
    }
    el.style.height = heightOf(chart, el) + 'px';
    var lang = (document.documentElement.lang || 'zh').toLowerCase().indexOf('en') === 0 ? 'EN' : 'ZH';
    var instance = window.echarts.init(el, null, { renderer: 'canvas', locale: lang });
    instance.setOption(chart.kind === 'heatmap' ? heatmapOption(chart, el) : barOption(chart, el));
    var link = el.getAttribute('data-link');
    var keys = chart.kind === 'heatmap' ? chart.rowKeys : chart.keys;
    if (link && keys) {
      instance.on('click', function (p) {
        var i = chart.kind === 'heatmap' ? p.value[1] : p.dataIndex;
        if (keys[i] != null) {
          window.location.href = link.replace('{key}', keys[i]);
        }
      });
    }
    el.setAttribute('data-values', JSON.stringify(plotted(chart)));
    drawn.push({ chart: chart, el: el, instance: instance });
  }

  function redraw() {
    drawn.forEach(function (d) {
      // the layout depends on the width (label widths, rotation): set it again, then resize
      d.el.style.height = heightOf(d.chart, d.el) + 'px';
      d.instance.setOption(d.chart.kind === 'heatmap' ? heatmapOption(d.chart, d.el) : barOption(d.chart, d.el), true);
      d.instance.resize({ width: 'auto', height: 'auto' }); // 'auto': forget the print size, take the container's
    });
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fn, ms);
    };
  }

  function load(root) {
    var failed = function (why) {
      root.setAttribute('data-failed', String(why));
      var p = document.createElement('div');
      p.className = 'alert alert-warning small';
      p.textContent = root.getAttribute('data-error');
      root.insertBefore(p, root.firstChild);
    };
    fetch(root.getAttribute('data-source'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) {
          throw new Error('HTTP ' + r.status);
        }
        return r.json();
      })
      .then(function (data) {
        (data.charts || []).forEach(function (chart) {
          var el = root.querySelector('[data-chart="' + chart.id + '"]');
          if (el) {
            draw(chart, el);
          }
        });
        root.setAttribute('data-rendered', 'true');
      })
      .catch(failed);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('dashboard');
    if (!root) {
      return;
    }
    if (!window.echarts) {
      root.setAttribute('data-failed', 'echarts missing');
      return;
    }
    load(root);
    window.addEventListener('resize', debounce(redraw, 150));
    // print: charts take the A4 text width, then go back to the window's
    window.addEventListener('beforeprint', function () {
      drawn.forEach(function (d) {
        d.instance.resize({ width: PRINT_WIDTH, height: heightOf(d.chart, d.el) });
      });
    });
    window.addEventListener('afterprint', redraw);
    document.querySelectorAll('[data-print]').forEach(function (b) {
      b.addEventListener('click', function () {
        window.print();
      });
    });
  });
})();
