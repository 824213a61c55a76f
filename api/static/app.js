/* govgraph browser view: search a unit, measure, committee or place, draw its
 * neighbourhood, read each fact's quoted clause. Talks only to the server it came
 * from (the API under the same origin); Cytoscape.js is vendored under /static. */
(function () {
  "use strict";

  // ------------------------------------------------------------------ i18n
  const STRINGS = {
    zh: {
      tagline: "谁牵头、谁负责、纠纷如何上报",
      searchPlaceholder: "搜索单位、措施、委员会…(简称亦可)",
      search: "搜索", depth: "深度", layout: "布局", layoutForce: "力导向",
      layoutConcentric: "同心圆", layoutTree: "层次", layoutCircle: "环形", layoutGrid: "网格",
      relayout: "重新布局", fit: "适应窗口", issue: "问题", anyIssue: "(全部层级)",
      escalation: "上报链", clearHighlight: "取消高亮",
      welcomeTitle: "从一个单位、措施或委员会开始",
      welcomeText: "搜索后可见其关系网络。单击节点或连线查看详情与原文条款；双击节点展开或收起。",
      detailsHint: "单击节点或连线，查看详情和所引条款。",
      nodeKinds: "节点类型", edgeTypes: "关系类型", edgeTypesHint: "(勾选以显示)",
      noResults: "没有找到", loading: "加载中…", focus: "以此为中心", expand: "展开",
      collapse: "收起", relations: "关系", quoted: "所引条款", inContext: "在措施原文中",
      measureText: "措施原文", from: "从", to: "到", stated: "原文明载", curated: "据原文归纳",
      measure: "措施", chars: "字符", doc: "文件", noCitation: "此关系来自单位名录，无条款引用。",
      nodes: "个节点", edges: "条关系", truncated: "（已截断）", chainShown: "已高亮上报链",
      id: "标识", kind: "类型", more: "另有 {n} 条", examples: "示例：",
      place: "地点", residents: "居民 {n} 人", members: "成员 {n} 人", resident: "居民",
      residentsOf: "居民", inPlace: "所在", placesInside: "下辖", shownFirst: "显示前 {n} 处",
      adcode: "区划代码", chainOf: "上报链",
      measureBy: "度量", measureNone: "(无)", m_degree: "度(协同单位数)", m_strength: "加权度",
      m_betweenness: "中介中心性", m_eigenvector: "特征向量中心性", m_community: "社群 (Louvain)",
      encode: "表示为", encodeSize: "大小", encodeColour: "颜色", sizeBy: "节点大小", colourBy: "节点颜色",
      communitiesTitle: "社群：共同承担措施的单位", community: "社群", unitsN: "{n} 个单位",
      modularity: "模块度", basisLine: "据 {d} 份文件 · {n} 个单位 · {e} 条协同关系",
      notInNetwork: "灰色：不在协同网络中的节点(措施、文件、地点、居民计数…)。",
      scaleNote: "面积与数值成正比；范围取全部 {n} 个单位。", noUnitsDrawn: "画布上没有单位：搜索一个单位或措施。",
      communityNote: "单击社群以突出其单位。",
      casesTitle: "小事不出小区", casesHint: "(措施十三 · 案件)", casesBy: "分组",
      byBodyType: "按治理主体", byStreet: "按街道", byCommunity: "按社区", byCounty: "按县区",
      byCompound: "按小区", casesNone: "没有案件数据", casesIn: "范围：",
      casesCols: ["", "案件", "小区内", "社区内", "街道内", "中位天数", "未结/超期", "越级", "链外"],
      casesNote: "比例为已办结案件中在该层级及以下化解的比例；{as_of} 为准",
      props: { full_name: "全称", aliases: "别称", tier: "层级", level: "级别", number: "编号",
               numeral: "序号", doc: "文件", section: "章节", title: "标题", order: "顺序",
               motto: "口号", key: "键", role: "角色", as_written: "原文写法", label: "标签",
               stage: "阶段", action: "行动", action_en: "行动(英)", nature: "性质",
               collective: "集合主体", generic: "泛指", basis: "依据", issuer: "发文机关",
               date: "日期" },
    },
    en: {
      tagline: "who leads, who answers, how disputes escalate",
      searchPlaceholder: "Search a unit, measure, committee…",
      search: "Search", depth: "Depth", layout: "Layout", layoutForce: "force",
      layoutConcentric: "concentric", layoutTree: "tree", layoutCircle: "circle", layoutGrid: "grid",
      relayout: "Re-layout", fit: "Fit", issue: "Issue", anyIssue: "(levels only)",
      escalation: "Escalation chain", clearHighlight: "Clear highlight",
      welcomeTitle: "Start from a unit, measure or committee",
      welcomeText: "Search to see its network. Click a node or edge for its details and the quoted clause; double-click a node to expand or collapse it.",
      detailsHint: "Click a node or an edge to read its details and the clause it comes from.",
      nodeKinds: "Node kinds", edgeTypes: "Edge types", edgeTypesHint: "(tick to show)",
      noResults: "Nothing found", loading: "Loading…", focus: "Focus here", expand: "Expand",
      collapse: "Collapse", relations: "Relations", quoted: "Quoted clause", inContext: "In the measure's text",
      measureText: "Text of the measure", from: "from", to: "to", stated: "stated in the text",
      curated: "a reading of the text", measure: "measure", chars: "chars", doc: "document",
      noCitation: "This relation comes from the unit registry; no clause is quoted.",
      nodes: "nodes", edges: "edges", truncated: "(cut)", chainShown: "escalation chain highlighted",
      id: "id", kind: "kind", more: "{n} more", examples: "Try:",
      place: "place", residents: "{n} residents", members: "{n} members", resident: "resident",
      residentsOf: "residents", inPlace: "in", placesInside: "places inside", shownFirst: "first {n} shown",
      adcode: "division code", chainOf: "Escalation chain",
      measureBy: "Measure", measureNone: "(none)", m_degree: "degree (partners)", m_strength: "weighted degree",
      m_betweenness: "betweenness", m_eigenvector: "eigenvector centrality", m_community: "communities (Louvain)",
      encode: "as", encodeSize: "size", encodeColour: "colour", sizeBy: "Node size", colourBy: "Node colour",
      communitiesTitle: "Communities: units that share duties", community: "community", unitsN: "{n} units",
      modularity: "modularity", basisLine: "from {d} document(s) · {n} units · {e} co-responsibility ties",
      notInNetwork: "Grey: nodes outside the co-responsibility network (measures, documents, places, resident counts…).",
      scaleNote: "Area proportional to the value; scaled over all {n} units.", noUnitsDrawn: "No unit on the canvas: search a unit or a measure.",
      communityNote: "Click a community to pick out its units.",
      casesTitle: "Small matters stay in the compound", casesHint: "(measure 13 · cases)", casesBy: "by",
      byBodyType: "governing body", byStreet: "street", byCommunity: "community", byCounty: "county",
      byCompound: "compound", casesNone: "No cases loaded", casesIn: "within: ",
      casesCols: ["", "cases", "in compound", "in community", "in street", "median days", "open/overdue", "skips", "off-chain"],
      casesNote: "shares of resolved cases settled at or below each level; as of {as_of}",
      props: { full_name: "full name", aliases: "aliases", tier: "tier", level: "level", number: "number",
               numeral: "numeral", doc: "document", section: "section", title: "title", order: "order",
               motto: "motto", key: "key", role: "role", as_written: "as written", label: "label",
               stage: "stage", action: "action", action_en: "action (en)", nature: "nature",
               collective: "collective", generic: "generic", basis: "basis", issuer: "issuer",
               date: "date" },
    },
  };
  const EXAMPLES = ["市住房城乡建设局", "市委组织部", "环物委", "十一", "塔东社区", "占用堵塞消防通道"];
  // Residents are folded into counts (never drawn one by one), so LIVES_IN is shown.
  const HIDDEN_BY_DEFAULT = new Set(["LOCATED_IN", "PART_OF"]);
  // A place is drawn with its governance: where its bodies sit and what it lies in.
  const PLACE_TYPES = ["LOCATED_IN", "PART_OF", "MANAGES", "LIVES_IN"];

  const state = {
    lang: localStorage.getItem("govgraph.lang") === "en" ? "en" : "zh",
    schema: { kinds: {}, types: {} },
    focus: null,
    place: null,           // the focused place's answer (GET /graph/place), when a place is focused
    residentCounts: {},    // area id -> residents, shown on the labels of places inside the focus
    expandedBy: {},        // node id -> ids it added when expanded
    hiddenTypes: new Set(HIDDEN_BY_DEFAULT),
    chain: false,
    selected: null,
    docs: {},
    requests: 0,
    measure: "",           // "", degree, strength, betweenness, eigenvector or community
    encode: "size",        // a numeric measure drawn as node size or colour
    metrics: null,         // the /analytics answers, by unit id (loaded on first use)
    pickedCommunity: null,
  };
  const $ = (sel) => document.querySelector(sel);
  const t = (key) => STRINGS[state.lang][key] ?? STRINGS.zh[key] ?? key;
  const propName = (k) => STRINGS[state.lang].props[k] || k;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "style") Object.assign(node.style, v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  // ------------------------------------------------------------------ API
  async function api(path) {
    state.requests += 1;
    const res = await fetch(path, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const detail = body && (body.detail || body.title) ? body.detail || body.title : res.statusText;
      const err = new Error(detail);
      err.status = res.status;
      throw err;
    }
    return body;
  }
  const enc = encodeURIComponent;

  function status(msg, isError) {
    const s = $("#status");
    s.textContent = msg || "";
    s.classList.toggle("error", !!isError);
  }

  // ------------------------------------------------------------------ labels
  function kindStyle(kind) { return state.schema.kinds[kind] || { color: "#888", shape: "ellipse", zh: kind, en: kind }; }
  function typeStyle(type) { return state.schema.types[type] || { color: "#999", line: "solid", zh: type, en: type }; }
  function kindLabel(kind) { return kindStyle(kind)[state.lang] || kind; }
  function typeLabel(type) { return typeStyle(type)[state.lang] || type; }

  // A resident from registry data: drawn as a count, never by name.
  function isPerson(n) { return n.kind === "Resident" && !(n.properties || {}).generic && !n.folded; }

  function countLabel(f) {
    return t(f.type === "MEMBER_OF" ? "members" : "residents").replace("{n}", f.count);
  }

  function nodeLabel(n) {
    const p = n.properties || {};
    if (n.folded) return countLabel(n.folded);
    if (isPerson(n)) return t("resident");
    if (state.lang === "en") {
      if (n.name_en) return n.name_en;
      if (n.kind === "Measure" && p.number != null) return `Measure ${p.number}: ${n.name}`;
      if (n.kind === "Section" && p.number != null) return `Section ${p.number}`;
      return n.name;
    }
    if (n.kind === "Measure" && p.number != null) return `(${p.numeral || p.number}) ${n.name}`;
    return n.name;
  }
  // The label drawn on the canvas: Chinese names are dense, English ones wrap.
  function nodeText(n) {
    let text = shortLabel(nodeLabel(n), state.lang === "en" ? 40 : 24);
    const p = n.properties || {};
    if (n.kind === "Area" && p.adcode) text += `\n${p.adcode}`;
    const count = state.residentCounts[n.id];
    if (n.kind === "Area" && count && !(state.place && state.place.place.id === n.id)) {
      text += `\n${t("residents").replace("{n}", count)}`;
    }
    return text;
  }
  function shortLabel(s, max) {
    max = max || 26;
    return s.length > max ? s.slice(0, max - 1) + "…" : s;
  }

  // ------------------------------------------------------------------ graph
  let cy = null;

  function cyStyle() {
    const font = getComputedStyle(document.documentElement).fontFamily;
    return [
      { selector: "node", style: {
          "background-color": "data(color)", shape: "data(shape)", label: "data(label)",
          width: 26, height: 26, "border-width": 2, "border-color": "#ffffff",
          "font-family": font, "font-size": 11, color: "#0f172a", "text-wrap": "wrap",
          "text-max-width": 120, "text-valign": "bottom", "text-halign": "center", "text-margin-y": 4,
          "text-background-color": "#ffffff", "text-background-opacity": 0.85,
          "text-background-padding": 2, "text-background-shape": "roundrectangle",
          "min-zoomed-font-size": 6, "overlay-padding": 4 } },
      { selector: "node[kind = 'Measure']", style: { width: 34, height: 22 } },
      { selector: "node[kind = 'Section'], node[kind = 'PolicyDocument']", style: { width: 30, height: 22 } },
      { selector: "node[kind = 'PartyOrganization']", style: { width: 30, height: 30 } },
      { selector: "node.focus", style: {
          width: 44, height: 44, "border-color": "#0f172a", "border-width": 3, "font-size": 13,
          "font-weight": "bold", "z-index": 10 } },
      { selector: "node[kind = 'Measure'].focus", style: { width: 54, height: 34 } },
      { selector: "node.folded", style: {
          shape: "round-rectangle", width: 30, height: 18, "border-color": "#94a3b8",
          "border-style": "dashed", "font-weight": "bold" } },
      { selector: "node.expanded", style: { "border-style": "double", "border-width": 5, "border-color": "#334155" } },
      { selector: "edge", style: {
          width: 1.6, "line-color": "data(color)", "target-arrow-color": "data(color)",
          "target-arrow-shape": "triangle", "arrow-scale": 0.8, "curve-style": "bezier",
          "line-style": "data(line)", label: "data(label)", "font-family": font, "font-size": 9,
          color: "#475569", "text-rotation": "autorotate", "text-background-color": "#ffffff",
          "text-background-opacity": 0.9, "text-background-padding": 1, "min-zoomed-font-size": 7,
          "overlay-padding": 5 } },
      { selector: "edge[type = 'LEADS_MEASURE']", style: { width: 3.2 } },
      { selector: "edge[type = 'ESCALATES_TO']", style: { width: 3.2 } },
      { selector: "node:selected", style: { "border-color": "#e11d48", "border-width": 4 } },
      { selector: "edge:selected", style: {
          width: 4.5, "line-color": "#e11d48", "target-arrow-color": "#e11d48", color: "#e11d48",
          "z-index": 20, "font-weight": "bold" } },
      { selector: ".chain", style: { "z-index": 15 } },
      { selector: "node.chain", style: { "border-color": "#06b6d4", "border-width": 5, "underlay-color": "#67e8f9", "underlay-opacity": 0.45, "underlay-padding": 6 } },
      { selector: "edge.chain", style: { width: 4, "underlay-color": "#67e8f9", "underlay-opacity": 0.5, "underlay-padding": 3 } },
      { selector: "node.m-size", style: { width: "data(msize)", height: "data(msize)" } },
      { selector: "node.m-colour", style: { "background-color": "data(mcolor)" } },
      { selector: "node.m-none", style: { "background-color": "#cbd5e1", opacity: 0.75, color: "#64748b" } },
      { selector: "node.m-picked", style: { "border-color": "#0f172a", "border-width": 4 } },
      { selector: "node.m-faded", style: { opacity: 0.15 } },
      { selector: ".faded", style: { opacity: 0.15 } },
      { selector: ".type-hidden", style: { display: "none" } },
    ];
  }

  function initCy() {
    if (window.cytoscapeFcose && !cytoscape.__fcose) { cytoscape.use(window.cytoscapeFcose); cytoscape.__fcose = true; }
    if (!window.cytoscapeFcose) { $("#layout").querySelector("option[value=fcose]").value = "cose"; }
    cy = cytoscape({
      container: $("#cy"), style: cyStyle(), elements: [],
      minZoom: 0.15, maxZoom: 3, boxSelectionEnabled: false, selectionType: "single",
    });
    cy.on("tap", "node", (evt) => { selectElement(evt.target); });
    cy.on("tap", "edge", (evt) => { selectElement(evt.target); });
    cy.on("dbltap", "node", (evt) => { toggleExpand(evt.target.id()); });
    cy.on("tap", (evt) => { if (evt.target === cy) { cy.elements().unselect(); } });
    window.govgraph.cy = cy;
  }

  function nodeElement(n) {
    const ks = kindStyle(n.kind);
    return { group: "nodes", data: {
      id: n.id, kind: n.kind, name: n.name, name_en: n.name_en, label: nodeText(n),
      color: ks.color, shape: ks.shape, node: n } };
  }
  function edgeElement(e) {
    const ts = typeStyle(e.type);
    return { group: "edges", data: {
      id: e.id, source: e.source, target: e.target, type: e.type, label: typeLabel(e.type),
      color: ts.color, line: ts.line || "solid", edge: e } };
  }

  // Residents next to a node as one count node, tied to it by the folded edge type.
  function foldedElements(f) {
    const node = { id: f.id, kind: f.kind, name: countLabel(f), folded: f, properties: { count: f.count } };
    const n = nodeElement(node);
    n.classes = "folded";
    const e = edgeElement({ id: `${f.id}|edge`, type: f.type, source: f.id, target: f.target,
                            properties: { count: f.count }, folded: true });
    return [n, e];
  }

  function addGraph(sub, opts) {
    opts = opts || {};
    const added = [];
    const fold = opts.folded || sub.folded || [];
    cy.batch(() => {
      for (const n of sub.nodes) {
        if (cy.getElementById(n.id).empty()) { cy.add(nodeElement(n)); added.push(n.id); }
      }
      for (const f of fold) {
        if (cy.getElementById(f.target).empty()) continue;
        const [n, e] = foldedElements(f);
        if (cy.getElementById(f.id).empty()) { cy.add(n); added.push(f.id); }
        else cy.getElementById(f.id).data(n.data);
        if (cy.getElementById(e.data.id).empty()) cy.add(e);
      }
      for (const e of sub.edges) {
        if (cy.getElementById(e.id).empty() && !cy.getElementById(e.source).empty() &&
            !cy.getElementById(e.target).empty()) {
          cy.add(edgeElement(e));
        }
      }
    });
    applyTypeFilter();
    applyMeasure();
    return added;
  }

  function applyTypeFilter() {
    cy.batch(() => {
      cy.edges().forEach((e) => { e.toggleClass("type-hidden", state.hiddenTypes.has(e.data("type"))); });
      // A node shown only through hidden edges would float alone: hide it too.
      cy.nodes().forEach((n) => {
        if (n.hasClass("focus")) { n.removeClass("type-hidden"); return; }
        const edges = n.connectedEdges();
        const visible = edges.filter((e) => !e.hasClass("type-hidden"));
        n.toggleClass("type-hidden", edges.length > 0 && visible.length === 0);
      });
    });
  }

  function runLayout(animate, override) {
    if (!cy || cy.nodes().length === 0) return null;
    const name = override || $("#layout").value;
    const visible = cy.elements().not(".type-hidden");
    const focus = cy.nodes(".focus");
    const opts = { name, animate: animate !== false, animationDuration: 350, fit: true, padding: 40 };
    if (name === "fcose") {
      Object.assign(opts, { animate: !!animate, animationDuration: 400, quality: "proof",
        randomize: true, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 80,
        nodeRepulsion: () => 6500, nodeSeparation: 60, gravity: 0.3, gravityRange: 3.0,
        packComponents: true, numIter: 2500 });
    } else if (name === "concentric") {
      Object.assign(opts, { minNodeSpacing: 28, nodeDimensionsIncludeLabels: true,
        concentric: (n) => (n.hasClass("focus") ? 100 : 50 - (n.data("node").hop ?? 3) * 10 - (n.data("kind") === "Measure" ? 0 : 1)),
        levelWidth: () => 1 });
    } else if (name === "breadthfirst") {
      // A place: from the top of its chain (the city) down to it and what lies in it.
      const top = state.place && state.place.place.chain.length
        ? cy.getElementById(state.place.place.chain[state.place.place.chain.length - 1].id) : null;
      const roots = top && top.nonempty() ? top : focus;
      Object.assign(opts, { directed: false, roots: roots.length ? roots : undefined, spacingFactor: 1.1,
        nodeDimensionsIncludeLabels: true });
    } else if (name === "circle" || name === "grid") {
      Object.assign(opts, { nodeDimensionsIncludeLabels: true, avoidOverlap: true });
    }
    const layout = visible.layout(opts);
    layout.run();
    return layout;
  }

  function graphSummary(sub) {
    const n = cy.nodes().not(".type-hidden").length;
    const m = cy.edges().not(".type-hidden").length;
    return `${n} ${t("nodes")} · ${m} ${t("edges")}${sub && sub.truncated ? " " + t("truncated") : ""}`;
  }

  async function focusOn(idOrName, opts) {
    opts = opts || {};
    const depth = $("#depth").value;
    status(t("loading"));
    let sub;
    try {
      sub = await api(`/graph/subgraph?focus=${enc(idOrName)}&depth=${enc(depth)}&max_nodes=400&fold_residents=true`);
    } catch (e) { status(e.message, true); return; }
    // A place is drawn with its governance, its chain and its residents counted.
    const root = sub.nodes.find((n) => n.id === sub.focus[0]);
    if (sub.focus.length === 1 && root && root.kind === "Area") return focusPlace(root.id, opts);
    $("#welcome").hidden = true;
    clearChain();
    cy.elements().remove();
    state.expandedBy = {};
    const wasPlace = state.place !== null;
    state.place = null;
    state.residentCounts = {};
    state.focus = sub.focus[0];
    if (wasPlace) loadCases();
    addGraph(sub);
    cy.nodes().forEach((n) => { n.toggleClass("focus", sub.focus.includes(n.id())); });
    applyTypeFilter();
    runLayout(false);
    const f = cy.getElementById(state.focus);
    if (f.nonempty()) { cy.elements().unselect(); f.select(); showNode(state.focus); }
    status(graphSummary(sub));
    if (!opts.keepHash) { history.replaceState(null, "", `#focus=${enc(state.focus)}&depth=${depth}`); writeHash(); }
  }

  async function focusPlace(idOrName, opts) {
    opts = opts || {};
    status(t("loading"));
    let sub;
    try { sub = await api(`/graph/place?place=${enc(idOrName)}`); }
    catch (e) { status(e.message, true); return; }
    $("#welcome").hidden = true;
    clearChain();
    cy.elements().remove();
    state.expandedBy = {};
    state.place = sub;
    state.focus = sub.place.id;
    loadCases();
    // The place's own residents are one count node; those of the places inside it are
    // written on their labels.
    state.residentCounts = Object.fromEntries(sub.folded.map((f) => [f.target, f.count]));
    for (const tp of PLACE_TYPES) state.hiddenTypes.delete(tp);
    renderLegend();
    addGraph(sub, { folded: sub.folded.filter((f) => f.target === sub.place.id) });
    cy.nodes().forEach((n) => { n.toggleClass("focus", n.id() === sub.place.id); });
    applyTypeFilter();
    runLayout(false, "breadthfirst");
    const f = cy.getElementById(state.focus);
    if (f.nonempty()) { cy.elements().unselect(); f.select(); showNode(state.focus); }
    const more = sub.truncated ? ` · ${t("shownFirst").replace("{n}", sub.nodes.filter((n) => n.properties && n.properties.level && n.hop === 1).length)}` : "";
    status(`${sub.place.name}${sub.place.adcode ? " " + sub.place.adcode : ""} · ${graphSummary()} · ` +
           `${t("residents").replace("{n}", sub.residents)}${more}`);
    if (!opts.keepHash) { history.replaceState(null, "", `#place=${enc(state.focus)}`); writeHash(); }
  }

  async function toggleExpand(id) {
    if (state.expandedBy[id]) return collapse(id);
    return expand(id);
  }

  async function expand(id) {
    status(t("loading"));
    let sub;
    if (id.startsWith("residents:")) return;  // a count has nothing behind it to draw
    try { sub = await api(`/graph/subgraph?focus=${enc(id)}&depth=1&max_nodes=200&fold_residents=true`); }
    catch (e) { status(e.message, true); return; }
    const node = cy.getElementById(id);
    const before = node.nonempty() ? node.position() : { x: 0, y: 0 };
    const added = addGraph(sub);
    // New nodes start around the expanded one, then the layout settles them.
    added.forEach((nid, i) => {
      const a = (2 * Math.PI * i) / Math.max(added.length, 1);
      cy.getElementById(nid).position({ x: before.x + 140 * Math.cos(a), y: before.y + 140 * Math.sin(a) });
    });
    state.expandedBy[id] = added;
    node.addClass("expanded");
    if (added.length) runLayout();
    status(graphSummary(sub));
  }

  function collapse(id) {
    const added = state.expandedBy[id] || [];
    delete state.expandedBy[id];
    cy.getElementById(id).removeClass("expanded");
    const keep = new Set([state.focus, ...Object.keys(state.expandedBy)]);
    cy.batch(() => {
      for (const nid of added) {
        const n = cy.getElementById(nid);
        if (n.empty() || keep.has(nid)) continue;
        // Keep a node that something else still holds on the canvas.
        const others = n.neighborhood("node").filter((m) => m.id() !== id);
        if (others.some((m) => keep.has(m.id()))) continue;
        n.remove();
      }
    });
    status(graphSummary());
  }

  // ------------------------------------------------------------------ analytics
  // Units sized or coloured by a measure of the co-responsibility network, or coloured
  // by community, from GET /analytics/degree, /centrality and /communities (every
  // loaded document). Only units carry a value; other nodes turn grey.
  const COMMUNITY_COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
                             "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
  // Low to high (viridis stops): light and warm for little, dark for much.
  const RAMP = [[253, 231, 37], [94, 201, 98], [33, 145, 140], [59, 82, 139], [68, 1, 84]];
  const MIN_SIZE = 16, MAX_SIZE = 66;

  function communityColour(n) { return COMMUNITY_COLOURS[(n - 1) % COMMUNITY_COLOURS.length]; }
  function rampColour(f) {
    f = Math.max(0, Math.min(1, f)) * (RAMP.length - 1);
    const i = Math.min(Math.floor(f), RAMP.length - 2), u = f - i;
    const c = RAMP[i].map((a, k) => Math.round(a + u * (RAMP[i + 1][k] - a)));
    return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
  }
  // Area proportional to the value, from 0 (the smallest node) to the largest value.
  function sizeFor(v, max) { return max > 0 ? MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(v, 0) / max) : MIN_SIZE; }
  function fmtMeasure(m, v) {
    if (v === null || v === undefined) return "–";
    if (m === "degree" || m === "community") return String(v);
    if (m === "strength") return (Math.round(v * 10) / 10).toString();
    return v.toFixed(3);
  }

  async function allItems(path) {
    let offset = 0, first = null;
    for (;;) {
      const page = await api(`${path}${path.includes("?") ? "&" : "?"}offset=${offset}&limit=500`);
      if (!first) first = page; else first.items.push(...page.items);
      offset += page.items.length;
      if (!page.next || !page.items.length) return first;
    }
  }

  async function loadMetrics() {
    const [deg, cen, com] = await Promise.all([
      allItems("/analytics/degree"), allItems("/analytics/centrality"), allItems("/analytics/communities")]);
    const byId = {};
    const one = (unit) => (byId[unit.id] = byId[unit.id] || { unit });
    for (const d of deg.items) Object.assign(one(d.unit), { degree: d.partners, strength: d.strength });
    for (const c of cen.items) Object.assign(one(c.unit), { betweenness: c.betweenness, eigenvector: c.eigenvector });
    const communities = com.items.map((c) => {
      for (const u of c.units) one(u).community = c.community;
      // Named after its member with the strongest ties.
      const top = [...c.units].sort((a, b) => (byId[b.id].strength || 0) - (byId[a.id].strength || 0))[0];
      return { n: c.community, size: c.size, units: c.units.map((u) => u.id), top };
    });
    return { byId, communities, modularity: com.modularity, basis: cen.basis, units: cen.items.length };
  }

  async function chooseMeasure(m) {
    if (m && !["degree", "strength", "betweenness", "eigenvector", "community"].includes(m)) m = "";
    state.measure = m;
    state.pickedCommunity = null;
    $("#measure").value = m;
    $("#encode").disabled = !m || m === "community";
    if (m && !state.metrics) {
      status(t("loading"));
      try { state.metrics = await loadMetrics(); }
      catch (e) { state.measure = ""; $("#measure").value = ""; status(e.message, true); renderMeasureLegend(); return; }
    }
    applyMeasure();
    renderMeasureLegend();
    if (cy && cy.nodes().length) status(graphSummary());
    writeHash();
  }

  function applyMeasure() {
    if (!cy) return;
    const m = state.measure, mt = state.metrics;
    cy.batch(() => {
      cy.nodes().removeClass("m-size m-colour m-none m-picked m-faded");
      if (!m || !mt) return;
      const max = Math.max(0, ...Object.values(mt.byId).map((v) => v[m]).filter((x) => typeof x === "number"));
      const picked = state.pickedCommunity;
      cy.nodes().forEach((n) => {
        const v = mt.byId[n.id()];
        if (!v || v[m] === undefined || v[m] === null) { n.addClass("m-none"); if (picked) n.addClass("m-faded"); return; }
        if (m === "community") {
          n.data("mcolor", communityColour(v.community)).addClass("m-colour");
          if (picked) n.addClass(v.community === picked ? "m-picked" : "m-faded");
        } else if (state.encode === "size") {
          n.data("msize", sizeFor(v[m], max)).addClass("m-size");
        } else {
          n.data("mcolor", rampColour(max ? v[m] / max : 0)).addClass("m-colour");
        }
      });
    });
  }

  function renderMeasureLegend() {
    const box = $("#legend-measure");
    const m = state.measure, mt = state.metrics;
    if (!m || !mt) { box.hidden = true; box.replaceChildren(); return; }
    const parts = [];
    const b = mt.basis;
    const basis = t("basisLine").replace("{d}", b.documents.length).replace("{n}", b.nodes).replace("{e}", b.edges);
    if (m === "community") {
      parts.push(el("h3", {}, t("communitiesTitle")));
      const ul = el("ul", { class: "communities", id: "legend-communities" });
      for (const c of mt.communities) {
        const name = c.top ? (state.lang === "en" && c.top.name_en ? c.top.name_en : c.top.name) : "";
        ul.append(el("li", { "data-community": c.n, class: state.pickedCommunity === c.n ? "on" : null, title: c.units.join(" "),
          onclick: () => { state.pickedCommunity = state.pickedCommunity === c.n ? null : c.n; applyMeasure(); renderMeasureLegend(); } },
          el("span", { class: "swatch", style: { background: communityColour(c.n) } }),
          el("b", {}, `${t("community")} ${c.n}`), ` · ${t("unitsN").replace("{n}", c.size)} · `,
          el("span", { class: "who" }, name)));
      }
      parts.push(ul, el("p", { class: "m-note" }, `${basis} · ${t("modularity")} ${mt.modularity.toFixed(3)}. ${t("communityNote")}`));
    } else {
      const vals = Object.values(mt.byId).map((v) => v[m]).filter((x) => typeof x === "number");
      const max = Math.max(0, ...vals), min = Math.min(...vals);
      parts.push(el("h3", {}, `${t(state.encode === "size" ? "sizeBy" : "colourBy")}: ${t("m_" + m)}`));
      if (state.encode === "size") {
        parts.push(el("div", { class: "m-scale", id: "legend-scale" }, ...[min, max / 2, max].map((v) => {
          const d = sizeFor(v, max) * 0.6;
          return el("div", { class: "step" }, el("span", { class: "dot", style: { width: `${d}px`, height: `${d}px` } }), fmtMeasure(m, v));
        })));
        parts.push(el("p", { class: "m-note" }, t("scaleNote").replace("{n}", vals.length)));
      } else {
        parts.push(el("div", { class: "m-ramp", id: "legend-scale",
          style: { background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map(rampColour).join(", ")})` } }),
          el("div", { class: "m-ramp-labels" }, el("span", {}, fmtMeasure(m, 0)), el("span", {}, fmtMeasure(m, max))));
      }
      parts.push(el("p", { class: "m-note" }, basis));
    }
    parts.push(el("p", { class: "m-note" }, cy && !cy.nodes().some((n) => mt.byId[n.id()]) ? t("noUnitsDrawn") : t("notInNetwork")));
    box.replaceChildren(...parts);
    box.hidden = false;
  }

  // A unit's values in the details panel, while a measure is shown.
  function measureRows(id) {
    const v = state.measure && state.metrics ? state.metrics.byId[id] : null;
    if (!v) return [];
    return ["degree", "strength", "betweenness", "eigenvector", "community"].filter((m) => v[m] !== undefined)
      .flatMap((m) => [el("dt", {}, t("m_" + m)), el("dd", { "data-measure": m }, fmtMeasure(m, v[m]))]);
  }

  function writeHash() {
    if (!state.focus) return;
    const params = new URLSearchParams(location.hash.slice(1));
    if (state.measure) params.set("measure", state.measure); else params.delete("measure");
    if (state.measure && state.measure !== "community" && state.encode !== "size") params.set("as", state.encode);
    else params.delete("as");
    history.replaceState(null, "", `#${params.toString()}`);
  }

  // ------------------------------------------------------------------ escalation
  function clearChain() {
    state.chain = false;
    if (cy) cy.elements().removeClass("chain faded");
    $("#clear-highlight").hidden = true;
    $("#escalation").classList.remove("on");
  }

  async function showEscalation() {
    const issue = $("#issue").value;
    status(t("loading"));
    // On a compound, its own chain (registry data); elsewhere the notice's levels.
    const focused = state.focus && cy ? cy.getElementById(state.focus) : null;
    const node = focused && focused.nonempty() ? focused.data("node") : null;
    const compound = node && node.kind === "Area" && node.properties && node.properties.level === "compound"
      ? node.id : null;
    const params = new URLSearchParams();
    if (issue) params.set("issue", issue);
    if (compound) params.set("compound", compound);
    let sub;
    try { sub = await api(`/graph/escalation${params.toString() ? "?" + params : ""}`); }
    catch (e) { status(e.message, true); return; }
    $("#welcome").hidden = true;
    // Escalation edges are shown while the chain is highlighted.
    for (const tp of ["ESCALATES_TO", "MEDIATES_AT", "HANDLES"]) state.hiddenTypes.delete(tp);
    // A compound's chain is joined by where its bodies sit: show those edges too.
    if (compound) for (const tp of ["LOCATED_IN", "PART_OF", "MANAGES"]) state.hiddenTypes.delete(tp);
    renderLegend();
    const added = addGraph(sub);
    const ids = new Set([...sub.nodes.map((n) => n.id), ...sub.edges.map((e) => e.id)]);
    cy.batch(() => {
      cy.elements().forEach((x) => {
        const on = ids.has(x.id());
        x.toggleClass("chain", on);
        x.toggleClass("faded", !on);
      });
    });
    state.chain = true;
    $("#clear-highlight").hidden = false;
    $("#escalation").classList.add("on");
    const fitChain = () => cy.animate({ fit: { eles: cy.elements(".chain"), padding: 50 } }, { duration: 300 });
    if (added.length) {
      const layout = runLayout(false, state.place ? "breadthfirst" : undefined);
      if (layout) layout.one("layoutstop", () => setTimeout(fitChain, 50));
    } else fitChain();
    status(`${t("chainShown")} · ${sub.nodes.length} ${t("nodes")} · ${sub.edges.length} ${t("edges")}`);
    if (compound) showChainLevels(compound, issue);
  }

  // A compound's chain in words: each level, its place with its division code, and
  // who acts there.
  async function showChainLevels(compound, issue) {
    let chain;
    try { chain = await api(`/compounds/${enc(compound)}/escalation${issue ? "?issue=" + enc(issue) : ""}`); }
    catch (e) { return; }
    const ol = el("ol", { class: "chain-levels", id: "chain-levels" });
    for (const lv of chain.levels) {
      const who = lv.bodies.map((b) => (b.body || b.manager || b.unit).name);
      ol.append(el("li", { "data-level": lv.level },
        el("b", {}, lv.name), lv.area ? [" · ", nodeLink(lv.area.id, lv.area.name),
          lv.area.adcode ? el("span", { class: "code" }, ` ${lv.area.adcode}`) : null] : null,
        who.length ? el("div", { class: "who" }, [...new Set(who)].join("、")) : null,
        lv.gap ? el("div", { class: "gap" }, lv.gap) : null));
    }
    const county = chain.frame.county;
    const box = $("#details");
    box.querySelector("#chain-levels-box")?.remove();
    box.prepend(el("div", { id: "chain-levels-box" }, el("h4", {}, t("chainOf")), ol,
      county && county.name ? el("p", { class: "muted" }, `${t("inPlace")} ${county.name}${county.adcode ? " " + county.adcode : ""}`) : null));
  }

  // ------------------------------------------------------------------ details
  function selectElement(ele) {
    cy.elements().unselect();
    ele.select();
    if (ele.isNode()) showNode(ele.id());
    else showEdge(ele.data("edge"));
  }

  function nodeLink(id, text) {
    return el("a", { class: "node-link", "data-node": id, title: id, onclick: (ev) => {
      ev.preventDefault();
      const n = cy.getElementById(id);
      if (n.nonempty()) { selectElement(n); cy.animate({ center: { eles: n } }, { duration: 250 }); }
      else focusOn(id);
    } }, text);
  }

  function nameOf(id) {
    const n = cy.getElementById(id);
    return n.nonempty() ? nodeLabel(n.data("node")) : id;
  }

  function kindBadge(kind) {
    return el("span", { class: "badge", style: { background: kindStyle(kind).color } }, kindLabel(kind));
  }

  function fmt(v) {
    if (Array.isArray(v)) return v.join("、");
    if (v === true) return state.lang === "en" ? "yes" : "是";
    if (v === false) return state.lang === "en" ? "no" : "否";
    return String(v);
  }

  function citeLine(c) {
    if (!c) return null;
    const doc = state.docs[c.doc];
    const parts = [];
    parts.push(doc ? `《${doc.title}》` : `${t("doc")} ${c.doc}`);
    if (c.measure != null) parts.push(`${t("measure")} ${c.measure}`);
    if (c.start != null && c.end != null) parts.push(`${t("chars")} ${c.start}–${c.end}`);
    parts.push(c.basis === "curated" ? t("curated") : t("stated"));
    return el("p", { class: "cite" }, parts.join(" · "));
  }

  function placeChain(place) {
    const levels = [place, ...place.chain];
    return el("p", { class: "chain-line", id: "place-chain" }, ...levels.flatMap((c, i) => [
      i ? el("span", { class: "lt" }, " < ") : null,
      i ? nodeLink(c.id, c.name) : el("b", {}, c.name),
      c.adcode ? el("span", { class: "code" }, ` ${c.adcode}`) : null]));
  }

  function placeCard(sub) {
    const p = sub.place;
    const rows = el("dl", {},
      p.adcode ? [el("dt", {}, t("adcode")), el("dd", {}, p.adcode)] : null,
      el("dt", {}, t("residentsOf")), el("dd", { id: "place-residents" }, String(sub.residents)),
      sub.children_total ? [el("dt", {}, t("placesInside")),
        el("dd", {}, String(sub.children_total) + (sub.truncated ? ` (${t("shownFirst").replace("{n}", Math.min(sub.children_total, sub.nodes.filter((n) => n.hop === 1 && n.kind === "Area").length))})` : ""))] : null);
    return el("div", { class: "place-card" }, el("h4", {}, t("place")), placeChain(p), rows);
  }

  function showFolded(node) {
    const f = node.data("node").folded;
    $("#details").replaceChildren(kindBadge("Resident"), el("h2", {}, countLabel(f)),
      el("p", { class: "ends" }, typeLabel(f.type), " → ", nodeLink(f.target, nameOf(f.target))));
  }

  async function showNode(id) {
    const box = $("#details");
    const drawn = cy.getElementById(id);
    if (drawn.nonempty() && drawn.data("node") && drawn.data("node").folded) return showFolded(drawn);
    box.replaceChildren(el("p", { class: "muted" }, t("loading")));
    let d;
    try { d = await api(`/graph/nodes/${enc(id)}`); }
    catch (e) { box.replaceChildren(el("p", { class: "muted" }, e.message)); return; }
    if (!cy.getElementById(id).selected()) return; // another element was picked meanwhile
    const n = d.node;
    const p = n.properties || {};
    const title = state.lang === "en" ? nodeLabel(n) : nodeLabel(n);
    const sub = state.lang === "en" ? (n.name_en ? n.name : null) : n.name_en;
    const dl = el("dl", {}, el("dt", {}, t("id")), el("dd", {}, n.id));
    for (const [k, v] of Object.entries(isPerson(n) ? {} : p)) {
      if (k === "text" || k === "start" || k === "end" || v === null || v === "") continue;
      dl.append(el("dt", {}, propName(k)), el("dd", {}, fmt(v)));
    }
    dl.append(...measureRows(id));
    const expanded = !!state.expandedBy[id];
    const actions = el("div", { class: "actions" },
      el("button", { type: "button", onclick: () => focusOn(id) }, t("focus")),
      el("button", { type: "button", onclick: () => Promise.resolve(expanded ? collapse(id) : expand(id)).then(() => showNode(id)) },
         expanded ? t("collapse") : t("expand")));
    const parts = [kindBadge(n.kind), el("h2", {}, title), sub ? el("p", { class: "sub" }, sub) : null, actions,
                   state.place && state.place.place.id === id ? placeCard(state.place) : null, dl];
    if (n.citation && n.citation.clause) {
      parts.push(el("h4", {}, n.kind === "Measure" ? t("measureText") : t("quoted")),
                 el("blockquote", { class: "clause long" }, n.citation.clause), citeLine(n.citation));
    }
    const byId = Object.fromEntries(d.neighbours.map((m) => [m.id, m]));
    const rels = el("ul", { class: "relations" });
    const max = 60;
    d.edges.slice(0, max).forEach((e) => {
      const out = e.source === id;
      const otherId = out ? e.target : e.source;
      const other = byId[otherId];
      rels.append(el("li", {},
        el("span", { class: "rel" }, (out ? "→ " : "← ") + typeLabel(e.type)),
        nodeLink(otherId, other ? nodeLabel(other) : otherId),
        e.properties && e.properties.role ? ` (${e.properties.role})` : null,
        e.citation ? el("span", { class: "q" }, `“${shortLabel(e.citation.clause, 80)}”`) : null));
    });
    if (d.edges.length > max) rels.append(el("li", { class: "more" }, t("more").replace("{n}", d.edges.length - max)));
    parts.push(el("h4", {}, `${t("relations")} (${d.edges.length})`), rels);
    // A compound's chain levels, listed while its chain is highlighted, stay on top.
    const levels = state.chain ? box.querySelector("#chain-levels-box") : null;
    box.replaceChildren(...[levels, ...parts].filter(Boolean));
  }

  async function showEdge(e) {
    const box = $("#details");
    const ts = typeStyle(e.type);
    const parts = [
      el("span", { class: "badge", style: { background: ts.color } }, e.type),
      el("h2", {}, typeLabel(e.type)),
      el("p", { class: "ends" }, nodeLink(e.source, nameOf(e.source)), "  →  ", nodeLink(e.target, nameOf(e.target))),
    ];
    const dl = el("dl", {});
    for (const [k, v] of Object.entries(e.properties || {})) {
      if (v === null || v === "" || k === "name_start" || k === "name_end") continue;
      dl.append(el("dt", {}, propName(k)), el("dd", {}, fmt(v)));
    }
    if (dl.children.length) parts.push(dl);
    const c = e.citation;
    if (c && c.clause) {
      parts.push(el("h4", {}, t("quoted")), el("blockquote", { class: "clause", id: "edge-clause" }, c.clause), citeLine(c));
      const ctx = el("div", { id: "edge-context" });
      parts.push(ctx);
      box.replaceChildren(...parts);
      if (c.doc && c.measure != null && c.start != null) {
        try {
          const m = await api(`/graph/nodes/${enc(c.doc + "#m" + c.measure)}`);
          const text = m.node.properties.text;
          const off = c.start - m.node.properties.start;
          const len = c.end - c.start;
          if (text && off >= 0 && off + len <= text.length && text.slice(off, off + len) === c.clause) {
            const mark = el("mark", {}, text.slice(off, off + len));
            ctx.replaceChildren(el("details", { class: "ctx" },
              el("summary", {}, `${t("inContext")} (${t("measure")} ${c.measure})`),
              el("p", { class: "context" }, text.slice(0, off), mark, text.slice(off + len))));
            const para = ctx.querySelector(".context");
            ctx.querySelector("details").addEventListener("toggle", () => {
              para.scrollTop += mark.getBoundingClientRect().top - para.getBoundingClientRect().top - 28;
            }, { once: true });
          }
        } catch (err) { /* the clause itself is shown; the context is a bonus */ }
      }
    } else {
      parts.push(el("p", { class: "muted" }, t("noCitation")));
      box.replaceChildren(...parts);
    }
  }

  // ------------------------------------------------------------------ search
  let searchTimer = null;
  let hits = [];
  let active = -1;

  function renderResults() {
    const ul = $("#results");
    ul.replaceChildren();
    if (!hits.length) {
      ul.append(el("li", { class: "none" }, t("noResults")));
    }
    hits.forEach((h, i) => {
      const label = h.kind === "Measure" ? `(${h.number}) ${h.name}` : h.name;
      const where = h.place ? [h.place.adcode, h.place.chain.slice(0, 2).map((c) => c.name).join(" < ")]
        .filter(Boolean).join(" · ") : null;
      ul.append(el("li", { role: "option", class: [i === active ? "active" : null, h.place ? "place" : null].filter(Boolean).join(" ") || null,
        "data-id": h.id, "data-place": h.place ? "1" : null,
        onmousedown: (ev) => { ev.preventDefault(); pick(i); } },
        h.place ? el("span", { class: "badge", style: { background: kindStyle("Area").color } }, t("place")) : kindBadge(h.kind),
        el("span", { class: "nm" }, label),
        where ? el("span", { class: "en" }, where) : h.name_en ? el("span", { class: "en" }, h.name_en) : null));
    });
    ul.hidden = false;
  }

  async function runSearch(q) {
    q = q.trim();
    if (!q) { $("#results").hidden = true; hits = []; return; }
    try {
      // Places (real ones with their division codes) from /places; everything else from
      // /search, without places (listed already) and without residents (never drawn).
      const [places, page] = await Promise.all([api(`/places?q=${enc(q)}&limit=6`), api(`/search?q=${enc(q)}&limit=12`)]);
      if ($("#search").value.trim() !== q) return;
      const placeHits = places.items.map((p) => ({ id: p.id, kind: "Area", name: p.name, place: p }));
      hits = [...placeHits, ...page.items.filter((h) => h.kind !== "Area" && !h.person)].slice(0, 14);
      active = hits.length ? 0 : -1;
      renderResults();
    } catch (e) { status(e.message, true); }
  }

  function pick(i) {
    const h = hits[i];
    if (!h) return;
    $("#results").hidden = true;
    $("#search").value = h.kind === "Measure" ? `(${h.number}) ${h.name}` : h.name;
    if (h.place) focusPlace(h.id); else focusOn(h.id);
  }

  function initSearch() {
    const input = $("#search");
    input.addEventListener("input", () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => runSearch(input.value), 180);
    });
    input.addEventListener("keydown", (ev) => {
      if ($("#results").hidden) return;
      if (ev.key === "ArrowDown") { active = Math.min(active + 1, hits.length - 1); renderResults(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); renderResults(); ev.preventDefault(); }
      else if (ev.key === "Escape") { $("#results").hidden = true; }
    });
    input.addEventListener("blur", () => setTimeout(() => { $("#results").hidden = true; }, 150));
    $("#search-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const q = input.value.trim();
      if (!q) return;
      clearTimeout(searchTimer);
      if (!hits.length || $("#results").hidden) await runSearch(q);
      if (hits.length) pick(active >= 0 ? active : 0);
      else { $("#results").hidden = true; status(`${t("noResults")}: ${q}`, true); }
    });
  }

  // ------------------------------------------------------------------ legend, language
  function renderLegend() {
    const kinds = $("#legend-kinds");
    kinds.replaceChildren();
    for (const [k, s] of Object.entries(state.schema.kinds)) {
      kinds.append(el("li", { title: k }, el("span", { class: "swatch", style: { background: s.color } }), s[state.lang] || k));
    }
    const types = $("#legend-types");
    types.replaceChildren();
    for (const [tp, s] of Object.entries(state.schema.types)) {
      const box = el("input", { type: "checkbox", "data-type": tp, checked: !state.hiddenTypes.has(tp) });
      box.addEventListener("change", () => {
        if (box.checked) state.hiddenTypes.delete(tp); else state.hiddenTypes.add(tp);
        applyTypeFilter();
        status(graphSummary());
      });
      types.append(el("li", { title: tp }, el("label", {}, box,
        el("span", { class: `line-swatch ${s.line || "solid"}`, style: { borderTopColor: s.color } }),
        s[state.lang] || tp)));
    }
  }

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((n) => { n.placeholder = t(n.dataset.i18nPlaceholder); });
    $("#lang-zh").classList.toggle("on", state.lang === "zh");
    $("#lang-en").classList.toggle("on", state.lang === "en");
    const ex = $("#examples");
    ex.replaceChildren(el("span", { class: "muted" }, t("examples")),
      ...EXAMPLES.map((x) => el("button", { type: "button", class: "chip", onclick: () => { $("#search").value = x; focusOn(x); } }, x)));
    renderLegend();
    renderMeasureLegend();
    if (cy) {
      cy.batch(() => {
        cy.nodes().forEach((n) => n.data("label", nodeText(n.data("node"))));
        cy.edges().forEach((e) => e.data("label", typeLabel(e.data("type"))));
      });
      const sel = cy.$(":selected");
      if (sel.nonempty()) { if (sel.isNode()) showNode(sel.id()); else showEdge(sel.data("edge")); }
    }
  }

  function setLanguage(lang) {
    state.lang = lang;
    localStorage.setItem("govgraph.lang", lang);
    applyLanguage();
    const opts = $("#issue").options;
    for (const o of opts) if (o.dataset.name) o.textContent = lang === "en" ? o.dataset.nameEn || o.dataset.name : o.dataset.name;
    loadCases();
  }

  async function loadIssueTypes() {
    try {
      const page = await api("/issue-types?limit=100");
      const sel = $("#issue");
      for (const it of page.items) {
        const o = el("option", { value: it.key, "data-name": it.name, "data-name-en": it.name_en || it.name },
                     state.lang === "en" ? it.name_en || it.name : it.name);
        sel.append(o);
      }
    } catch (e) { /* no issue types loaded yet */ }
  }

  async function loadDocuments() {
    try {
      const page = await api("/documents?limit=500");
      for (const d of page.items) state.docs[d.doc] = d;
    } catch (e) { /* citations fall back to document ids */ }
  }

  // ------------------------------------------------------------------ cases (measure 13)
  const CASE_SCOPES = ["compound", "community", "street", "county"];
  const BODY_TYPE_NAMES = {
    zh: { "owners-committee-party": "业委会(有党支部)", "owners-committee": "业委会(无党支部)",
          "property-management": "物管委", courtyard: "院委会", joint: "联合物管委院委会", none: "无治理主体" },
    en: { "owners-committee-party": "业委会 with Party branch", "owners-committee": "业委会, no branch",
          "property-management": "物管委", courtyard: "院委会", joint: "joint committee", none: "no governing body" },
  };
  async function loadCases() {
    const body = $("#cases-body");
    if (!body) return;
    const by = $("#cases-by").value;
    const p = state.place && state.place.place;
    const within = p && CASE_SCOPES.includes(p.level) ? p.id : null;
    let m;
    try { m = await api(`/cases/measure?by=${enc(by)}` + (within ? `&within=${enc(within)}` : "")); }
    catch (e) { body.replaceChildren(el("p", { class: "muted", text: e.message })); return; }
    if (!m.total.cases) {
      body.replaceChildren(el("p", { class: "muted", text: t("casesNone") + (within ? ` (${p.name})` : "") }));
      return;
    }
    const pct = (x) => (x === null || x === undefined ? "–" : `${Math.round(x * 100)}%`);
    const cols = t("casesCols");
    const row = (r, cls) => el("tr", { class: cls },
      el("td", { text: r.key === "all" ? "∑" : (by === "body-type" ? BODY_TYPE_NAMES[state.lang][r.key]
        : null) || r.name || r.key, title: r.key }),
      el("td", { text: r.cases }), el("td", { text: pct(r.within_compound) }),
      el("td", { text: pct(r.within_community) }), el("td", { text: pct(r.within_street) }),
      el("td", { text: r.median_days === null ? "–" : r.median_days }),
      el("td", { text: `${r.open}/${r.overdue}` }), el("td", { text: r.skipped_steps }),
      el("td", { text: r.off_chain_steps }));
    body.replaceChildren(
      within ? el("p", { class: "muted", text: t("casesIn") + p.name }) : null,
      el("table", { class: "cases-table" },
        el("thead", {}, el("tr", {}, cols.map((c) => el("th", { text: c })))),
        el("tbody", {}, m.rows.slice(0, 30).map((r) => row(r)), row(m.total, "total"))),
      el("p", { class: "muted small", text: t("casesNote").replace("{as_of}", m.as_of) +
        (m.total.synthetic ? " · SYNTHETIC" : "") }));
  }

  // ------------------------------------------------------------------ start
  async function start() {
    window.govgraph = { state, cy: null, focusOn, focusPlace, expand, collapse, showEscalation, setLanguage, chooseMeasure };
    try { state.schema = await api("/graph/schema"); }
    catch (e) { status(e.message, true); }
    initCy();
    initSearch();
    applyLanguage();
    $("#lang-zh").addEventListener("click", () => setLanguage("zh"));
    $("#lang-en").addEventListener("click", () => setLanguage("en"));
    $("#relayout").addEventListener("click", () => runLayout());
    $("#layout").addEventListener("change", () => runLayout());
    $("#fit").addEventListener("click", () => cy.animate({ fit: { eles: cy.elements().not(".type-hidden"), padding: 40 } }, { duration: 250 }));
    $("#depth").addEventListener("change", () => { if (state.focus && !state.place) focusOn(state.focus); });
    $("#escalation").addEventListener("click", () => showEscalation());
    $("#clear-highlight").addEventListener("click", () => clearChain());
    $("#measure").addEventListener("change", () => chooseMeasure($("#measure").value));
    $("#encode").addEventListener("change", () => { state.encode = $("#encode").value; chooseMeasure(state.measure); });
    $("#cases-by").addEventListener("change", () => loadCases());
    await Promise.all([loadIssueTypes(), loadDocuments(), loadCases()]);
    await followHash();
    // A link or an edited address on an open page moves the focus too. The page's
    // own focus changes use replaceState, which fires no hashchange.
    window.addEventListener("hashchange", () => { followHash(); });
    document.body.dataset.ready = "1";
  }

  async function followHash() {
    const hash = new URLSearchParams(location.hash.slice(1));
    const depth = hash.get("depth");
    const depthChanged = depth && depth !== $("#depth").value;
    if (depth) $("#depth").value = depth;
    const place = hash.get("place");
    const focus = hash.get("focus");
    if (place && place !== state.focus) await focusPlace(place, { keepHash: true });
    else if (focus && (focus !== state.focus || depthChanged)) await focusOn(focus, { keepHash: true });
    const measure = hash.get("measure") || "";
    const encode = hash.get("as") === "colour" ? "colour" : "size";
    if (measure !== state.measure || (measure && encode !== state.encode)) {
      state.encode = encode;
      $("#encode").value = encode;
      await chooseMeasure(measure);
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
