// The page's behaviour: draw the network, explain what was clicked, search, filter by legend.
// Tooltip HTML comes from graph/view.py, where every value in it was escaped; it is parsed
// into elements here because vis-network shows plain strings as text.
(function () {
  "use strict";
  var byId = function (id) { return document.getElementById(id); };
  var read = function (id) { return JSON.parse(byId(id).textContent); };
  var fold = function (s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  };
  var element = function (markup) {
    var div = document.createElement("div");
    div.innerHTML = markup;
    return div;
  };

  var rawNodes = read("graph-nodes");
  var rawEdges = read("graph-edges");
  var options = read("graph-options");
  var details = {};
  rawNodes.forEach(function (n) { details["n:" + n.id] = n.title; n.title = element(n.title); });
  rawEdges.forEach(function (e) { details["e:" + e.id] = e.title; e.title = element(e.title); });

  var nodes = new vis.DataSet(rawNodes);
  var edges = new vis.DataSet(rawEdges);
  var network = new vis.Network(byId("mynetwork"), {}, options);
  var view = { network: network, nodes: nodes, edges: edges, ready: false };
  window.graphView = view;

  var markReady = function () {
    network.once("afterDrawing", function () {
      view.ready = true;
      document.body.setAttribute("data-ready", "true");
    });
  };
  if (options.physics.enabled) {
    // lay out once, then hold still: a page being read should not drift
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markReady();
      network.fit();
    });
  } else {
    markReady();
  }
  network.setData({ nodes: nodes, edges: edges });

  // details panel: the tooltip of what was clicked, where its links can be followed
  var detailsBox = byId("details");
  var intro = detailsBox.innerHTML;
  var show = function (key) { detailsBox.innerHTML = details[key] || intro; };
  network.on("click", function (params) {
    if (params.nodes.length) { show("n:" + params.nodes[0]); }
    else if (params.edges.length) { show("e:" + params.edges[0]); }
    else { detailsBox.innerHTML = intro; }
  });

  // search: exact name first, then without accents, then a part of a name
  var names = byId("names");
  rawNodes.forEach(function (n) {
    var opt = document.createElement("option");
    opt.value = n.search;
    opt.label = n.kind;
    names.appendChild(opt);
  });
  var find = function (query) {
    var q = fold(query.trim());
    if (!q) { return null; }
    var exact = rawNodes.filter(function (n) { return n.search === query.trim(); });
    if (exact.length) { return exact[0]; }
    var bare = rawNodes.filter(function (n) { return fold(n.search) === q; });
    if (bare.length) { return bare[0]; }
    var part = rawNodes.filter(function (n) { return fold(n.search).indexOf(q) >= 0; });
    return part.length ? part[0] : null;
  };
  var search = byId("search");
  var go = function () {
    var hit = find(search.value);
    search.classList.toggle("nomatch", !hit && search.value.trim() !== "");
    if (!hit) { return; }
    nodes.update({ id: hit.id, hidden: false });
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.2, animation: { duration: 400 } });
    show("n:" + hit.id);
  };
  search.addEventListener("change", go);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { go(); } });

  // legend: each entry shows or hides its nodes or relationships
  Array.prototype.forEach.call(document.querySelectorAll("#legend input[data-label]"), function (box) {
    box.addEventListener("change", function () {
      nodes.update(rawNodes.filter(function (n) { return n.kind === box.dataset.label; })
        .map(function (n) { return { id: n.id, hidden: !box.checked }; }));
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("#legend input[data-type]"), function (box) {
    box.addEventListener("change", function () {
      edges.update(rawEdges.filter(function (e) { return e.relType === box.dataset.type; })
        .map(function (e) { return { id: e.id, hidden: !box.checked }; }));
    });
  });
  byId("edge-labels").addEventListener("change", function (ev) {
    edges.update(rawEdges.map(function (e) { return { id: e.id, label: ev.target.checked ? e.relType : "" }; }));
  });
  byId("fit").addEventListener("click", function () { network.fit({ animation: { duration: 400 } }); });
}());
