(function () {
  'use strict';
  // Progressive enhancement only: the page is complete without this script.
  var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  function fmt(v, unit) {
    if (unit === 'bytes') {
      var i = 0;
      while (Math.abs(v) >= 1024 && i < units.length - 1) { v /= 1024; i++; }
      return v.toFixed(i === 0 || v >= 100 ? 0 : 1) + ' ' + units[i];
    }
    var s = Number(v.toPrecision(3)).toLocaleString('en-US');
    return unit === 'percent' ? s + '%' : unit === 'per-second' ? s + '/s' : s;
  }

  document.querySelectorAll('button.copy').forEach(function (button) {
    var pre = button.closest('.code').querySelector('pre');
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = pre.textContent;
      function selectIt() {
        var range = document.createRange();
        range.selectNodeContents(pre);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        button.textContent = 'Selected: press Ctrl+C';
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { button.textContent = 'Copied'; }, selectIt);
      } else {
        selectIt();
      }
      setTimeout(function () { button.textContent = 'Copy'; }, 2500);
    });
  });

  // Printing shows the collapsed sections too.
  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = Array.prototype.filter.call(document.querySelectorAll('details:not([open])'), function (d) { d.open = true; return true; });
  });
  window.addEventListener('afterprint', function () { closed.forEach(function (d) { d.open = false; }); });

  var SVGNS = 'http://www.w3.org/2000/svg';
  document.querySelectorAll('svg.chart[data-t0]').forEach(function (svg) {
    var ds = svg.dataset, t0 = +ds.t0, t1 = +ds.t1, x0 = +ds.x0, x1 = +ds.x1, offset = +ds.offset;
    var series = Array.prototype.map.call(svg.querySelectorAll('path.series'), function (path) {
      var values = path.dataset.v.split(' ').map(Number);
      var nums = path.getAttribute('d').match(/-?\d+(\.\d+)?/g).map(Number);
      var xs = [];
      for (var i = 0; i < values.length; i++) xs.push(nums[2 * i]);
      return { name: path.dataset.name, values: values, xs: xs };
    });
    if (!series.length) return;
    var box = svg.parentNode;
    var tip = document.createElement('div');
    tip.className = 'tooltip';
    tip.hidden = true;
    box.appendChild(tip);
    var guide = document.createElementNS(SVGNS, 'line');
    guide.setAttribute('class', 'hover-line');
    guide.setAttribute('y1', ds.y0);
    guide.setAttribute('y2', ds.y1);
    guide.style.display = 'none';
    svg.appendChild(guide);

    function nearest(xs, x) {
      var lo = 0, hi = xs.length - 1;
      while (hi - lo > 1) { var mid = (lo + hi) >> 1; if (xs[mid] < x) lo = mid; else hi = mid; }
      return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
    }
    svg.addEventListener('pointermove', function (ev) {
      var p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(svg.getScreenCTM().inverse());
      if (p.x < x0 || p.x > x1) { tip.hidden = true; guide.style.display = 'none'; return; }
      var t = t0 + ((p.x - x0) / (x1 - x0)) * (t1 - t0);
      var when = new Date((t + offset * 60) * 1000).toISOString().slice(0, 16).replace('T', ' ');
      tip.textContent = '';
      var head = document.createElement('b');
      head.textContent = when + ' (' + ds.zone + ')';
      tip.appendChild(head);
      series.forEach(function (s) {
        if (!s.xs.length || p.x < s.xs[0] - 4 || p.x > s.xs[s.xs.length - 1] + 4) return;
        var line = document.createElement('div');
        line.textContent = s.name + ': ' + fmt(s.values[nearest(s.xs, p.x)], ds.unit);
        tip.appendChild(line);
      });
      guide.setAttribute('x1', p.x);
      guide.setAttribute('x2', p.x);
      guide.style.display = '';
      tip.hidden = false;
      var rect = box.getBoundingClientRect();
      var left = ev.clientX - rect.left + 14;
      tip.style.left = Math.min(left, rect.width - tip.offsetWidth - 4) + 'px';
      tip.style.top = ev.clientY - rect.top + 14 + 'px';
    });
    svg.addEventListener('pointerleave', function () { tip.hidden = true; guide.style.display = 'none'; });
  });
})();
