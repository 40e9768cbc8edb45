// Plain SVG charts, drawn from numbers the engine computed: no chart library,
// nothing fetched. A classic script (the `chime check --format html` report
// inlines it), it sets globalThis.chimeCharts = { barChart, shareChart }.
(() => {
  const SVG = 'http://www.w3.org/2000/svg';

  function svgEl(tag, attrs = {}, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Vertical bars: [{label, value}], e.g. posts per score band.
  function barChart(bars, { title, width = 420, height = 180, color = 'var(--accent)' }) {
    const max = Math.max(1, ...bars.map((b) => b.value));
    const pad = { left: 28, bottom: 22, top: 12 };
    const step = (width - pad.left) / Math.max(1, bars.length);
    const plot = height - pad.bottom - pad.top;
    const svg = svgEl('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
    svg.append(svgEl('title', {}, title));
    svg.append(svgEl('line', { class: 'axis', x1: pad.left, x2: width, y1: height - pad.bottom, y2: height - pad.bottom }));
    svg.append(svgEl('text', { x: 0, y: pad.top + 4 }, String(max)));
    bars.forEach((bar, i) => {
      const h = (plot * bar.value) / max;
      const x = pad.left + i * step + 2;
      const rect = svgEl('rect', { x, y: height - pad.bottom - h, width: step - 4, height: h, rx: 2, fill: color });
      rect.append(svgEl('title', {}, `${bar.label}: ${bar.value}`));
      svg.append(rect);
      svg.append(svgEl('text', { x: x + (step - 4) / 2, y: height - 6, 'text-anchor': 'middle' }, bar.label));
    });
    return svg;
  }

  // Horizontal shares: [{label, value (0..1), color}].
  function shareChart(shares, { title, width = 420 }) {
    const row = 26;
    const labelWidth = 130;
    const svg = svgEl('svg', { width, height: row * shares.length + 4, role: 'img', 'aria-label': title });
    svg.append(svgEl('title', {}, title));
    shares.forEach((share, i) => {
      const y = i * row + 4;
      const w = (width - labelWidth - 50) * share.value;
      svg.append(svgEl('text', { x: 0, y: y + 14 }, share.label));
      svg.append(svgEl('rect', { x: labelWidth, y, width: Math.max(w, 1), height: 18, rx: 3, fill: share.color }));
      svg.append(svgEl('text', { x: labelWidth + w + 6, y: y + 14 }, `${Math.round(share.value * 100)}%`));
    });
    return svg;
  }

  globalThis.chimeCharts = Object.freeze({ barChart, shareChart });
})();
