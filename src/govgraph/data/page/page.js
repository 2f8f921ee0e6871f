// govgraph network page: draws the graph from the JSON data island and wires up search,
// filters, tooltips and neighbour highlighting. Article text is data: it reaches the DOM
// only through textContent, never as markup.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("govgraph-data").textContent);
  var DIM_NODE = { background: "#eceff1", border: "#d0d5da" };
  var DIM_FONT = { color: "#c3c8cd" };
  var DIM_EDGE = { color: "#e3e6e9", opacity: 0.6 };
  var NODE_FONT = { color: data.style.nodeFont };
  // Edge labels show for the selected node's edges only: colour tells the relation (see the
  // legend), and a label on every edge would lie across the node labels.
  var EDGE_FONT_ON = { color: data.style.edgeFont, strokeWidth: 3, size: data.options.edges.font.size };
  var EDGE_FONT_OFF = { size: 0 };

  var byId = new Map();
  var adjacent = new Map(); // undirected neighbours, for filters
  data.nodes.forEach(function (n) {
    byId.set(n.id, n);
    adjacent.set(n.id, new Set());
  });
  data.edges.forEach(function (e) {
    adjacent.get(e.from).add(e.to);
    adjacent.get(e.to).add(e.from);
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function kindName(n) {
    return data.kindNames[n.cls + "/" + n.kind] || n.kind;
  }

  // Details of a node as DOM: canonical name, class, regions, aliases, evidence; the side
  // panel also lists its facts (`full`), each a link to the node at the other end.
  function describe(n, full) {
    var box = el("div", "gg-info");
    box.appendChild(el("div", "gg-info-name", n.name));
    box.appendChild(el("div", "gg-info-meta", data.classNames[n.cls] + " · " + kindName(n)
      + " · 连接 " + n.degree));
    if (n.regions.length) box.appendChild(el("div", "gg-info-row", "地区：" + n.regions.join(" › ")));
    if (n.aliases.length) box.appendChild(el("div", "gg-info-row", "别名：" + n.aliases.join("、")));
    if (full) box.appendChild(facts(n));
    if (n.evidence.length) {
      box.appendChild(el("div", "gg-info-row", "证据："));
      var list = el("ol");
      n.evidence.forEach(function (ev) {
        var item = el("li");
        if (ev.headline) item.appendChild(el("span", "gg-headline", ev.headline));
        item.appendChild(el("span", "gg-sentence", ev.sentence));
        item.appendChild(el("span", "gg-doc", "—— " + ev.document));
        list.appendChild(item);
      });
      box.appendChild(list);
      if (n.evidence_total > n.evidence.length) {
        box.appendChild(el("div", "gg-hint", "另有 " + (n.evidence_total - n.evidence.length) + " 条证据未列出"));
      }
    }
    return box;
  }

  var MAX_FACTS = 12;

  // A sentence of either end's evidence that names the other end (by name or alias): the
  // sentence the fact was read from, as far as the page can tell.
  function names(n) { // short aliases (中院, 该院) would match other bodies' sentences
    if (n.cls === "outcome") return [];
    return [n.name].concat(n.aliases).filter(function (x) { return x.length >= 3; });
  }

  function sharedEvidence(a, b) {
    var pairs = [[a, b], [b, a]];
    for (var i = 0; i < pairs.length; i++) {
      var own = pairs[i][0], other = names(pairs[i][1]);
      for (var j = 0; j < own.evidence.length; j++) {
        var ev = own.evidence[j];
        if (other.some(function (x) { return ev.sentence.indexOf(x) >= 0; })) return ev;
      }
    }
    return null;
  }

  // The node's edges as sentences ("采用 → 枫桥经验", "← 采用 杭州市人民检察院").
  function facts(n) {
    var mine = data.edges.filter(function (e) { return e.from === n.id || e.to === n.id; });
    var part = el("div");
    if (!mine.length) return part;
    part.appendChild(el("div", "gg-info-row", "关系（" + mine.length + "）："));
    var list = el("ul", "gg-facts");
    mine.slice(0, MAX_FACTS).forEach(function (e) {
      var out = e.from === n.id;
      var other = byId.get(out ? e.to : e.from);
      var item = el("li");
      item.appendChild(el("span", "gg-rel", out ? e.label + " → " : "← " + e.label + " "));
      var link = el("button", null, other.name);
      link.type = "button";
      link.addEventListener("click", function () { select(other.id); });
      item.appendChild(link);
      var ev = sharedEvidence(n, other);
      if (ev) {
        item.appendChild(el("span", "gg-fact-ev",
          (ev.headline ? "《" + ev.headline + "》 " : "") + ev.sentence + "（" + ev.document + "）"));
      }
      list.appendChild(item);
    });
    part.appendChild(list);
    if (mine.length > MAX_FACTS) part.appendChild(el("div", "gg-hint", "另有 " + (mine.length - MAX_FACTS) + " 条关系"));
    return part;
  }

  // vis-network shows an Element title as-is (a string title would also be plain text,
  // but building the DOM ourselves keeps that guarantee independent of the library).
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n, { title: describe(n), font: NODE_FONT });
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var title = el("div", "gg-info", byId.get(e.from).name + " —" + e.label + "→ " + byId.get(e.to).name);
    return Object.assign({}, e, { title: title, font: EDGE_FONT_OFF });
  }));

  var container = document.getElementById("gg-network");
  var progress = document.getElementById("gg-progress");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  var api = {
    network: network, nodes: nodes, edges: edges, data: data,
    ready: false, readyMs: null, stabilizedMs: null, mapMode: false
  };
  window.govgraph = api;

  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyMs = performance.now(); // since navigation start
    progress.classList.add("gg-done");
    document.documentElement.setAttribute("data-gg-ready", "1");
  }

  // Positions come with the data (laid out at build time): fit them to the window, but
  // never zoom a small graph in past a comfortable size.
  fitView();
  // The view fits the window until the reader moves it (or a search does).
  var moved = false;
  network.on("dragStart", function () { moved = true; });
  network.on("zoom", function () { moved = true; });
  window.addEventListener("resize", function () { if (!moved) fitView(); });
  network.once("afterDrawing", function () {
    api.stabilizedMs = performance.now();
    markReady();
  });

  // --- labels ------------------------------------------------------------------------
  // vis-network hides labels too small to read; the best connected nodes keep theirs at
  // every zoom, drawn here at a fixed screen size, each where it overlaps no other.

  var FONT = data.options.nodes.font;
  var LABEL_MIN = data.options.nodes.scaling.label.drawThreshold;
  var TOP_PX = 13;
  api.labelsDrawn = []; // [{id, px, left, top, right, bottom}] in canvas-element pixels

  function nativeLabels(scale) {
    return FONT.size * scale >= LABEL_MIN - 1; // vis-network's own rule
  }

  function labelBox(p, r, w, h, where) {
    if (where === 0) return { left: p.x - w / 2, top: p.y + r + 2, right: p.x + w / 2, bottom: p.y + r + 2 + h };
    if (where === 1) return { left: p.x - w / 2, top: p.y - r - 2 - h, right: p.x + w / 2, bottom: p.y - r - 2 };
    if (where === 2) return { left: p.x + r + 3, top: p.y - h / 2, right: p.x + r + 3 + w, bottom: p.y + h / 2 };
    return { left: p.x - r - 3 - w, top: p.y - h / 2, right: p.x - r - 3, bottom: p.y + h / 2 };
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  network.on("afterDrawing", function (ctx) {
    var scale = network.getScale();
    var drawn = [];
    api.nativeLabels = nativeLabels(scale);
    if (!api.nativeLabels) {
      ctx.save();
      ctx.font = TOP_PX / scale + "px " + FONT.face;
      ctx.textAlign = "left";
      ctx.textBaseline = "top";
      ctx.lineJoin = "round";
      ctx.lineWidth = 4 / scale;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.fillStyle = FONT.color;
      var ids = mapMode ? mapLabels : data.topLabels;
      var positions = network.getPositions(ids);
      ids.forEach(function (id) {
        var node = nodes.get(id);
        if (node.hidden) return;
        var p = network.canvasToDOM(positions[id]);
        var w = ctx.measureText(node.label).width * scale;
        var box = null, far = false;
        // beside the node, then further off (with a leader line), never off the canvas
        for (var k = 0; k < 48 && box === null; k++) {
          var b = labelBox(p, node.size * scale + Math.floor(k / 4) * TOP_PX * 1.2, w, TOP_PX * 1.2, k % 4);
          var inside = b.left >= 0 && b.top >= 0 && b.right <= container.clientWidth && b.bottom <= container.clientHeight;
          if (inside && !drawn.some(function (d) { return overlaps(b, d); })) { box = b; far = k >= 4; }
        }
        if (box === null) box = labelBox(p, node.size * scale, w, TOP_PX * 1.2, 0);
        if (far) {
          var from = positions[id], to = network.DOMtoCanvas({ x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 });
          ctx.save();
          ctx.strokeStyle = "#868e96";
          ctx.lineWidth = 1 / scale;
          ctx.beginPath(); ctx.moveTo(from.x, from.y); ctx.lineTo(to.x, to.y); ctx.stroke();
          ctx.restore();
        }
        var at = network.DOMtoCanvas({ x: box.left, y: box.top + 0.1 * TOP_PX });
        ctx.strokeText(node.label, at.x, at.y);
        ctx.fillText(node.label, at.x, at.y);
        drawn.push({ id: id, px: TOP_PX, left: box.left, top: box.top, right: box.right, bottom: box.bottom });
      });
      ctx.restore();
    }
    api.labelsDrawn = drawn;
  });

  // --- neighbour highlighting --------------------------------------------------------

  var highlighted = null;
  var mapMode = false;

  function highlight(id) {
    highlighted = id;
    if (mapMode) applyFilters();
    var near = new Set(network.getConnectedNodes(id));
    near.add(id);
    if (mapMode && byId.get(id).spread) { // where a mechanism has spread, on the map
      byId.get(id).spread.forEach(function (r) { near.add(r); });
    }
    nodes.update(data.nodes.map(function (n) {
      return near.has(n.id)
        ? { id: n.id, color: n.color, font: NODE_FONT }
        : { id: n.id, color: DIM_NODE, font: DIM_FONT };
    }));
    edges.update(data.edges.map(function (e) {
      var on = e.from === id || e.to === id;
      return { id: e.id, color: on ? e.color : DIM_EDGE, font: on ? EDGE_FONT_ON : EDGE_FONT_OFF };
    }));
  }

  function unhighlight() {
    if (highlighted === null) return;
    highlighted = null;
    if (mapMode) applyFilters();
    nodes.update(data.nodes.map(function (n) { return { id: n.id, color: n.color, font: NODE_FONT }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, color: e.color, font: EDGE_FONT_OFF }; }));
  }

  var details = document.getElementById("gg-details");
  var detailsHint = details.firstElementChild;

  var side = document.getElementById("gg-side");

  // The details come first in the side panel and never run off the window: the panel
  // scrolls back to the top and the details scroll inside what height is left.
  function fitDetails() {
    details.style.maxHeight = "";
    var room = window.innerHeight - details.getBoundingClientRect().top - 8;
    details.style.maxHeight = Math.max(120, room) + "px";
  }

  function showDetails(id) {
    details.replaceChildren(id === null ? detailsHint : describe(byId.get(id), true));
    details.scrollTop = 0;
    if (id !== null) side.scrollTop = 0;
    fitDetails();
  }
  window.addEventListener("resize", fitDetails);

  function select(id) {
    if (nodes.get(id).hidden) resetFilters(); // a found node must be visible
    if (nodes.get(id).hidden) setMap(false); // ... and outcomes are not on the map
    network.selectNodes([id]);
    moved = true;
    var spread = mapMode ? byId.get(id).spread || [] : [];
    if (spread.length) {
      network.fit({ nodes: [id].concat(spread), animation: { duration: 300 } });
    } else {
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
    }
    highlight(id);
    showDetails(id);
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight(params.nodes[0]);
      showDetails(params.nodes[0]);
    } else {
      unhighlight();
      showDetails(null);
    }
  });

  // --- search ------------------------------------------------------------------------

  function norm(s) {
    return String(s).normalize("NFKC").trim().toLowerCase();
  }

  // Best matches first: exact name, exact alias, name contains, alias contains.
  function find(query) {
    var q = norm(query);
    if (!q) return [];
    var hits = [];
    data.nodes.forEach(function (n) {
      var name = norm(n.name);
      var aliases = n.aliases.map(norm);
      var rank = n.id === query.trim() || name === q ? 0
        : aliases.indexOf(q) >= 0 ? 1
        : name.indexOf(q) >= 0 ? 2
        : aliases.some(function (a) { return a.indexOf(q) >= 0; }) ? 3 : -1;
      if (rank >= 0) hits.push({ rank: rank, node: n });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || b.node.degree - a.node.degree
        || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0);
    });
    return hits.map(function (h) { return h.node; });
  }

  var searchInput = document.getElementById("gg-search-input");
  var searchMsg = document.getElementById("gg-search-msg");
  var searchResults = document.getElementById("gg-search-results");

  function search(query) {
    var found = find(query);
    searchResults.replaceChildren();
    if (!found.length) {
      searchMsg.textContent = "未找到「" + query.trim() + "」";
      return null;
    }
    searchMsg.textContent = found.length === 1 ? "找到 1 个节点"
      : "找到 " + found.length + " 个节点，已选中第一个";
    found.slice(0, 10).forEach(function (n) {
      var button = el("button", null, n.name);
      button.type = "button";
      button.title = data.classNames[n.cls] + " · " + kindName(n);
      button.addEventListener("click", function () { select(n.id); });
      var item = el("li");
      item.appendChild(button);
      searchResults.appendChild(item);
    });
    select(found[0].id);
    return found[0].id;
  }

  document.getElementById("gg-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(searchInput.value);
  });

  // --- filters -----------------------------------------------------------------------

  var classBoxes = Array.prototype.slice.call(document.querySelectorAll(".gg-class-filter"));
  var regionSelect = document.getElementById("gg-region");
  var mechanismSelect = document.getElementById("gg-mechanism");
  var visibleMsg = document.getElementById("gg-visible");

  function withNeighbours(ids) {
    var out = new Set(ids);
    ids.forEach(function (id) { adjacent.get(id).forEach(function (m) { out.add(m); }); });
    return out;
  }

  function applyFilters() {
    var classes = new Set(classBoxes.filter(function (b) { return b.checked; })
      .map(function (b) { return b.value; }));
    var allowed = null;
    var region = regionSelect.value;
    if (region) {
      // Same rule as `govgraph page --region`: nodes in the region plus their neighbours.
      allowed = withNeighbours(data.nodes.filter(function (n) {
        return n.regions.indexOf(region) >= 0 || (n.cls === "region" && n.name === region);
      }).map(function (n) { return n.id; }));
    }
    var mechanism = mechanismSelect.value;
    if (mechanism) {
      var around = withNeighbours([mechanism]);
      allowed = allowed === null ? around
        : new Set(Array.from(allowed).filter(function (id) { return around.has(id); }));
    }
    var shown = new Set();
    data.nodes.forEach(function (n) {
      if (classes.has(n.cls) && (allowed === null || allowed.has(n.id)) && (!mapMode || n.map)) shown.add(n.id);
    });
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: !shown.has(n.id) }; }));
    edges.update(data.edges.map(function (e) {
      var hidden = !(shown.has(e.from) && shown.has(e.to));
      if (mapMode && !hidden && highlighted !== e.from && highlighted !== e.to) hidden = toMechanism(e);
      return { id: e.id, hidden: hidden };
    }));
    visibleMsg.textContent = shown.size === data.nodes.length ? ""
      : "筛选后显示 " + shown.size + " / " + data.nodes.length + " 个节点";
    return shown.size;
  }

  // On the map, lines to the mechanisms' columns would cross the whole map: they show
  // only for the selected node.
  function toMechanism(e) {
    return byId.get(e.from).cls === "mechanism" || byId.get(e.to).cls === "mechanism";
  }

  function resetFilters() {
    classBoxes.forEach(function (b) { b.checked = true; });
    regionSelect.value = "";
    mechanismSelect.value = "";
    return applyFilters();
  }

  classBoxes.forEach(function (b) { b.addEventListener("change", applyFilters); });
  regionSelect.addEventListener("change", applyFilters);
  mechanismSelect.addEventListener("change", applyFilters);
  document.getElementById("gg-reset").addEventListener("click", resetFilters);

  // --- map view ----------------------------------------------------------------------
  // The same nodes at their places on a map of China (`govgraph.pagemap`): regions at
  // their seats, institutions beside them, mechanisms in columns on the right.

  var mapButton = document.getElementById("gg-map-toggle");
  var mapNote = document.getElementById("gg-map-note");
  var MAP_RANK = { province: 0, prefecture: 2 };
  var mapLabels = data.nodes.filter(function (n) { return n.map && (n.cls === "region" || n.cls === "mechanism"); })
    .sort(function (a, b) {
      var ra = a.cls === "mechanism" ? 1 : (MAP_RANK[a.kind] === undefined ? 3 : MAP_RANK[a.kind]);
      var rb = b.cls === "mechanism" ? 1 : (MAP_RANK[b.kind] === undefined ? 3 : MAP_RANK[b.kind]);
      return ra - rb || b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    }).slice(0, data.topLabels.length).map(function (n) { return n.id; });
  var offMap = data.nodes.filter(function (n) { return !n.map; }).length;

  // On the map institutions crowd round their region's seat: open below the zoom at which
  // every label shows, with the regions and mechanisms named (zoom in for the rest).
  function fitView() {
    network.fit({ animation: false });
    var most = mapMode ? 0.5 : 1.2;
    if (network.getScale() > most) network.moveTo({ scale: most, animation: false });
  }

  function setMap(on) {
    mapMode = on;
    api.mapMode = on;
    mapButton.setAttribute("aria-pressed", on ? "true" : "false");
    mapButton.textContent = on ? "返回网络视图" : "地图视图";
    nodes.update(data.nodes.map(function (n) {
      var p = on && n.map ? n.map : [n.x, n.y, n.size];
      return { id: n.id, x: p[0], y: p[1], size: p[2] };
    }));
    mapNote.textContent = !on ? "" : "地图：地区按驻地经纬度放置，机构在其地区旁；右侧为机制，按采用地区数排序，"
      + "大小表示地区数，点击机制可见其分布。" + (offMap ? "未上图 " + offMap + " 个节点（成果及无坐标的节点）。" : "");
    unhighlight();
    applyFilters();
    fitView();
  }

  mapButton.addEventListener("click", function () { setMap(!mapMode); });

  network.on("beforeDrawing", function (ctx) {
    if (!mapMode) return;
    var f = data.map, scale = network.getScale();
    ctx.save();
    ctx.fillStyle = "#f3f8fc";
    ctx.fillRect(f.left, f.top, f.right - f.left, f.bottom - f.top);
    ctx.strokeStyle = "#d0dde8";
    ctx.lineWidth = 1 / scale;
    ctx.font = 11 / scale + "px " + FONT.face;
    ctx.fillStyle = "#7b8a97";
    f.meridians.forEach(function (m) {
      ctx.beginPath(); ctx.moveTo(m[0], f.top); ctx.lineTo(m[0], f.bottom); ctx.stroke();
      ctx.fillText(m[1], m[0] + 3 / scale, f.bottom - 4 / scale);
    });
    f.parallels.forEach(function (p) {
      ctx.beginPath(); ctx.moveTo(f.left, p[0]); ctx.lineTo(f.right, p[0]); ctx.stroke();
      ctx.fillText(p[1], f.left + 3 / scale, p[0] - 3 / scale);
    });
    ctx.strokeStyle = "#8aa1b4";
    ctx.lineWidth = 2 / scale;
    ctx.strokeRect(f.left, f.top, f.right - f.left, f.bottom - f.top);
    ctx.restore();
  });

  if (data.startMap) setMap(true);

  api.setMap = setMap;
  api.search = search;
  api.select = select;
  api.applyFilters = applyFilters;
  api.resetFilters = resetFilters;
})();
