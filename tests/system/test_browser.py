"""The browser view in a real headless Chromium, against a real `govgraph serve`.

Starts the server as a subprocess on a free port with a fresh data directory
(after `govgraph load`), drives Debian's /usr/bin/chromium through Selenium and
Debian's chromedriver (both installed by scripts/install-browser-deps.sh), and
checks what a person would: search 市住房城乡建设局, see its measures drawn, click
an edge and read the quoted clause; search the real community 塔东社区 and see
its committee linked to it, its street and county above it with their division
codes, and its residents as a count. The page must make no request beyond the
server it came from. Screenshots go to artifacts/ (a CI artefact).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from helpers import REGISTRY, REPO, RESIDENT_NAME, TADONG, TADONG_COMPOUND, TADONG_PMC, write_tadong_registry
from serving import serve

pytestmark = pytest.mark.slow

ARTIFACTS = REPO / "artifacts"
CHROMIUM = os.environ.get("GOVGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("GOVGRAPH_CHROMEDRIVER", "/usr/bin/chromedriver")
HOUSING = "市住房城乡建设局"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,900", "--lang=zh-CN"]


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            return f"{path} not found: run scripts/install-browser-deps.sh"
    return None


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as res:
        return json.loads(res.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    reason = _missing()
    if reason:
        _skip_or_fail(reason)
    data = tmp_path_factory.mktemp("browser-data")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVGRAPH_")}
    env["GOVGRAPH_DATA_DIR"] = str(data)
    gg = [sys.executable, "-m", "govgraph.cli", "--data-dir", str(data)]
    # The hand-made registry, and a made-up compound with 150 residents in the real 塔东社区.
    tadong = write_tadong_registry(tmp_path_factory.mktemp("tadong"), residents=150)
    load = subprocess.run([*gg, "load", "--registry", str(REGISTRY), "--registry", str(tadong)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert load.returncode == 0, load.stderr
    try:
        with serve(env, data / "serve.log", "--log-level", "warning") as base:
            yield base
    finally:
        subprocess.run([*gg, "db", "stop"], env=env, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def browser(server):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="govgraph-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in [*CHROME_FLAGS, f"--user-data-dir={profile}"]:
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    except Exception as e:  # a chromium that cannot start here
        shutil.rmtree(profile, ignore_errors=True)
        _skip_or_fail(f"headless Chromium could not start: {e}")
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _requests(driver) -> list[dict]:
    out = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            p = msg["params"]
            out.append({"url": p["request"]["url"], "document": p.get("documentURL", "")})
        elif msg["method"] == "Network.webSocketCreated":
            out.append({"url": msg["params"]["url"], "document": ""})
    return out


def _wait(driver, script: str, timeout: float = 20, what: str = "the page"):
    deadline = time.monotonic() + timeout
    while True:
        value = driver.execute_script(script)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}: {script}")
        time.sleep(0.15)


# Where to click an edge: a point on it (single edges between a pair are drawn
# straight) that no node or label covers, in viewport coordinates.
EDGE_POINT_JS = """
const cy = window.govgraph.cy, want = arguments[0];
const box = document.getElementById('cy').getBoundingClientRect();
const edges = cy.edges().filter(e => want.includes(e.data('type')) && e.visible());
for (const e of edges) {
  const s = e.source().renderedPosition(), t = e.target().renderedPosition();
  for (const f of [0.5, 0.42, 0.58, 0.35, 0.65]) {
    const p = {x: s.x + f * (t.x - s.x), y: s.y + f * (t.y - s.y)};
    if (p.x < 5 || p.y < 5 || p.x > box.width - 5 || p.y > box.height - 5) continue;
    const covered = cy.nodes().some(n => {
      const b = n.renderedBoundingBox({includeLabels: true});
      return p.x > b.x1 - 6 && p.x < b.x2 + 6 && p.y > b.y1 - 6 && p.y < b.y2 + 6;
    });
    const crowded = cy.edges().some(o => o.id() !== e.id() && o.visible() && (() => {
      const a = o.source().renderedPosition(), c = o.target().renderedPosition();
      const dx = c.x - a.x, dy = c.y - a.y, len2 = dx * dx + dy * dy || 1;
      const u = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
      const q = {x: a.x + u * dx, y: a.y + u * dy};
      return Math.hypot(q.x - p.x, q.y - p.y) < 9;
    })());
    if (!covered && !crowded) return [box.left + p.x, box.top + p.y, e.id()];
  }
}
return null;
"""


def test_search_draw_click_edge_read_clause(server, browser):
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    ARTIFACTS.mkdir(exist_ok=True)
    expected = _get_json(f"{server}/units/{quote(HOUSING)}/duties?limit=500")
    expected_measures = {d["measure"]["id"] for d in expected["items"]}
    assert len(expected_measures) == 16

    browser.get_log("performance")  # only what the page itself asks for from here on
    browser.get(f"{server}/")
    _wait(browser, "return document.body.dataset.ready === '1'", what="the page to start")

    box = browser.find_element(By.ID, "search")
    box.send_keys(HOUSING)
    _wait(browser, "return document.querySelectorAll('#results li[data-id]').length > 0",
          what="search suggestions")
    box.send_keys(Keys.ENTER)
    _wait(browser, "return window.govgraph.cy && window.govgraph.cy.nodes('.focus').length === 1",
          what="the neighbourhood to be drawn")
    time.sleep(0.8)  # let the layout settle

    # Its measures are drawn: every measure it leads or shares is a visible node
    # inside the canvas, linked to the focus by a lead or responsible edge.
    drawn = browser.execute_script("""
        const cy = window.govgraph.cy, f = cy.nodes('.focus')[0];
        const box = document.getElementById('cy').getBoundingClientRect();
        return {focus: f.data('name'),
                measures: f.connectedEdges("[type = 'LEADS_MEASURE'], [type = 'RESPONSIBLE_FOR']")
                  .connectedNodes("[kind = 'Measure']").filter(n => {
                    const p = n.renderedPosition();
                    return n.visible() && p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height;
                  }).map(n => n.id())};
    """)
    assert drawn["focus"] == HOUSING
    assert set(drawn["measures"]) == expected_measures
    details = browser.find_element(By.ID, "details").text
    assert HOUSING in details and "市住建局" in details  # the focus is selected; aliases shown

    # Click an edge (a real mouse click at its position on the canvas) and read its clause.
    point = browser.execute_script(EDGE_POINT_JS, ["LEADS_MEASURE"]) or \
        browser.execute_script(EDGE_POINT_JS, ["LEADS_MEASURE", "RESPONSIBLE_FOR"])
    assert point, "no edge could be clicked without hitting a node"
    x, y, edge_id = point
    actions = ActionBuilder(browser)
    actions.pointer_action.move_to_location(int(x), int(y))
    actions.pointer_action.click()
    actions.perform()
    _wait(browser, "return document.getElementById('edge-clause') !== null",
          what="the edge's details")
    selected = browser.execute_script(
        "const s = window.govgraph.cy.$('edge:selected'); return s.length ? s[0].id() : null")
    assert selected == edge_id
    edge = browser.execute_script(
        "return window.govgraph.cy.getElementById(arguments[0]).data('edge')", edge_id)
    clause = browser.find_element(By.ID, "edge-clause").text
    assert clause == edge["citation"]["clause"]
    assert clause.startswith(("牵头单位", "责任单位")) and HOUSING in clause
    cite = browser.find_element(By.CSS_SELECTOR, "#details .cite").text
    assert f"措施 {edge['citation']['measure']}" in cite
    # The clause in its measure's text, marked.
    _wait(browser, "return document.querySelector('#edge-context details') !== null",
          what="the clause in context")
    browser.find_element(By.CSS_SELECTOR, "#edge-context summary").click()
    assert browser.find_element(By.CSS_SELECTOR, "#edge-context mark").text == clause
    browser.save_screenshot(str(ARTIFACTS / "browser.png"))

    # Labels switch to English; the escalation chain is highlighted.
    browser.find_element(By.ID, "lang-en").click()
    label = browser.execute_script("return window.govgraph.cy.nodes('.focus')[0].data('label')")
    assert label.startswith("Anshun Housing")
    browser.find_element(By.ID, "escalation").click()
    chain = _wait(browser, "const c = window.govgraph.cy.nodes('.chain'); "
                           "return c.length ? c.map(n => n.id()) : null", what="the chain")
    assert {"level:compound", "level:community", "level:street"} <= set(chain)
    time.sleep(1.5)  # the layout, then the zoom onto the chain
    browser.save_screenshot(str(ARTIFACTS / "browser-escalation.png"))

    # Nothing beyond the server the page came from: no CDN, no fonts, no beacons.
    requests = _requests(browser)
    ours = [r["url"] for r in requests if r["document"].startswith(server)]
    assert any(u.startswith(f"{server}/static/vendor/cytoscape") for u in ours)
    assert any(u.startswith(f"{server}/graph/subgraph") for u in ours)
    foreign = [u for u in ours if not (u.startswith(f"{server}/") or u.startswith(("data:", "blob:")))]
    assert foreign == []
    network = [r["url"] for r in requests if r["url"].startswith(("http:", "https:", "ws:", "wss:"))]
    assert [u for u in network if not u.startswith(f"{server}/")] == []
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []  # no script errors, no Content-Security-Policy violations


def test_bad_search_says_so(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(f"{server}/")
    _wait(browser, "return document.body.dataset.ready === '1'")
    box = browser.find_element(By.ID, "search")
    box.send_keys("没有这个单位xyz")
    box.send_keys(Keys.ENTER)
    status = _wait(browser, "const s = document.getElementById('status'); "
                            "return s.classList.contains('error') ? s.textContent : null",
                   what="an error in the status line")
    assert "没有这个单位xyz" in status


def test_a_compound_shows_its_own_escalation_chain(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(f"{server}/")
    _wait(browser, "return document.body.dataset.ready === '1'", what="the page to start")
    box = browser.find_element(By.ID, "search")
    box.send_keys("阳光花园")
    _wait(browser, "return document.querySelectorAll('#results li[data-id]').length > 0",
          what="search suggestions")
    box.send_keys(Keys.ENTER)
    _wait(browser, "return window.govgraph.cy && window.govgraph.cy.nodes('.focus').length === 1 "
                   "&& window.govgraph.cy.nodes('.focus')[0].id() === 't:cpd:1'",
          what="the compound to be drawn")
    browser.find_element(By.ID, "escalation").click()
    chain = _wait(browser, "const c = window.govgraph.cy.nodes('.chain'); "
                           "return c.length ? c.map(n => n.id()) : null", what="the chain")
    # Its own committee, community 环物委, street office and manager — not the generic levels.
    assert {"t:cpd:1", "t:org:oc1", "t:org:c1e", "t:org:street1", "t:co:A"} <= set(chain)
    assert "level:compound" not in chain
    time.sleep(2.0)  # the layout, then the zoom onto the chain
    browser.save_screenshot(str(ARTIFACTS / "browser-compound-chain.png"))
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_changing_the_address_hash_refocuses_an_open_page(server, browser):
    browser.get(f"{server}/#focus=t:cpd:1&depth=1")
    _wait(browser, "return document.body.dataset.ready === '1'", what="the page to start")
    focused = ("return window.govgraph.cy && window.govgraph.cy.nodes('.focus').length === 1 "
               "&& window.govgraph.cy.nodes('.focus')[0].id() === arguments[0]")
    _wait(browser, focused.replace("arguments[0]", "'t:cpd:1'"), what="the first focus")
    # A link on the page (or an edited address) changes only the hash: no reload.
    browser.execute_script("window.__same_page = true; location.hash = arguments[0];",
                           "focus=unit:市住房城乡建设局&depth=2")
    _wait(browser, focused.replace("arguments[0]", "'unit:市住房城乡建设局'"),
          what="the new focus from the hash")
    assert browser.execute_script("return window.__same_page === true")
    assert browser.find_element("id", "depth").get_attribute("value") == "2"
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


# What the canvas shows: every visible node with its label, and every visible edge.
DRAWN_JS = """
const cy = window.govgraph.cy;
const box = document.getElementById('cy').getBoundingClientRect();
const inside = (n) => { const p = n.renderedPosition();
  return p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height; };
return {
  focus: cy.nodes('.focus').map(n => n.id()),
  nodes: cy.nodes().filter(n => n.visible()).map(n => ({id: n.id(), kind: n.data('kind'),
    label: n.data('label'), inside: inside(n), folded: !!n.data('node').folded})),
  edges: cy.edges().filter(e => e.visible()).map(e => [e.data('type'), e.source().id(), e.target().id()]),
};
"""


def _search_place(browser, text: str, place_id: str):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = browser.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text)
    # The place search (GET /places) lists it first, with its division code.
    first = _wait(browser, "const li = document.querySelector('#results li[data-id]'); "
                           "return li && li.dataset.place === '1' && li.dataset.id === arguments[0] "
                           "? [li.dataset.id, li.textContent] : null".replace("arguments[0]", repr(place_id)),
                  what=f"{text} first among the places")
    box.send_keys(Keys.ENTER)
    _wait(browser, "const c = window.govgraph.cy; return c && c.nodes('.focus').length === 1 "
                   f"&& c.nodes('.focus')[0].id() === {place_id!r}", what=f"{text} to be drawn")
    time.sleep(0.8)  # let the layout settle
    return first[1], browser.execute_script(DRAWN_JS)


def test_a_real_community_drawn_with_its_governance(server, browser):
    from selenium.webdriver.common.by import By

    ARTIFACTS.mkdir(exist_ok=True)
    browser.get(f"{server}/")
    _wait(browser, "return document.body.dataset.ready === '1'", what="the page to start")
    browser.find_element(By.ID, "lang-zh").click()  # an earlier test may have left English on
    suggestion, drawn = _search_place(browser, "塔东社区", TADONG)
    assert "520402001001" in suggestion and "南街街道" in suggestion
    nodes = {n["id"]: n for n in drawn["nodes"]}
    edges = {tuple(e) for e in drawn["edges"]}
    assert all(n["inside"] for n in nodes.values())  # nothing drawn off the canvas
    # Its residents' committee, linked to it.
    assert ("LOCATED_IN", "committee:520402001001", TADONG) in edges
    assert nodes["committee:520402001001"]["label"] == "塔东社区居民委员会"
    # Its street and county above it, each labelled with its division code.
    assert ("PART_OF", TADONG, "area:520402001") in edges
    assert ("PART_OF", "area:520402001", "area:西秀区") in edges
    assert nodes["area:520402001"]["label"] == "南街街道\n520402001"
    assert nodes["area:西秀区"]["label"] == "西秀区\n520402"
    assert ("LOCATED_IN", "gov:520402001", "area:520402001") in edges  # 南街街道办事处
    # Its 150 residents: one count node, never a node or a name each.
    [count] = [n for n in nodes.values() if n["folded"]]
    assert count["label"] == "居民 150 人"
    assert ("LIVES_IN", count["id"], TADONG) in edges
    assert "居民 150 人" in nodes[TADONG_COMPOUND]["label"]  # the compound inside it, counted
    assert not [n for n in nodes.values() if n["kind"] == "Resident" and not n["folded"]]
    assert len(nodes) < 20
    assert not [n for n in nodes.values() if RESIDENT_NAME in n["label"]]
    assert RESIDENT_NAME not in browser.find_element(By.TAG_NAME, "body").text
    # The details panel: the place's chain up to the city with the codes.
    chain = _wait(browser, "const c = document.getElementById('place-chain'); return c && c.textContent",
                  what="the place's chain")
    assert chain.split() == ["塔东社区", "520402001001", "<", "南街街道", "520402001", "<", "西秀区",
                             "520402", "<", "安顺市", "5204"]
    assert browser.find_element(By.ID, "place-residents").text == "150"
    browser.save_screenshot(str(ARTIFACTS / "browser-place.png"))

    # The compound in it: its 物管委 linked to it (not floating), the community above.
    _, drawn = _search_place(browser, "塔东试验小区", TADONG_COMPOUND)
    nodes = {n["id"]: n for n in drawn["nodes"]}
    edges = {tuple(e) for e in drawn["edges"]}
    pmc = [i for i, n in nodes.items() if n["label"] == TADONG_PMC]
    assert pmc and ("LOCATED_IN", pmc[0], TADONG_COMPOUND) in edges
    assert ("PART_OF", TADONG_COMPOUND, TADONG) in edges
    assert [n["label"] for n in nodes.values() if n["folded"]] == ["居民 150 人"]
    # Its escalation chain, level by level with each place's code.
    browser.find_element(By.ID, "escalation").click()
    levels = _wait(browser, "const l = document.querySelectorAll('#chain-levels li'); "
                            "return l.length ? [...l].map(x => x.textContent) : null", what="the chain levels")
    assert "塔东社区 520402001001" in levels[1] and "塔东社区居民委员会" in levels[1]
    assert "南街街道 520402001" in levels[2] and "南街街道办事处" in levels[2]
    time.sleep(1.5)
    browser.save_screenshot(str(ARTIFACTS / "browser-place-chain.png"))
    assert RESIDENT_NAME not in browser.find_element(By.TAG_NAME, "body").text
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


# Each unit drawn with a value of the chosen measure: its id, size, colour and classes.
MEASURED_JS = """
const cy = window.govgraph.cy;
return cy.nodes().filter(n => n.visible()).map(n => ({id: n.id(), kind: n.data('kind'),
  width: n.width(), colour: n.style('background-color'), label: n.data('label'),
  size: n.hasClass('m-size'), coloured: n.hasClass('m-colour'), none: n.hasClass('m-none')}));
"""


def test_size_and_colour_units_by_a_measure_and_by_community(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    ARTIFACTS.mkdir(exist_ok=True)
    centrality = {c["unit"]["id"]: c for c in
                  _get_json(f"{server}/analytics/centrality?limit=500")["items"]}
    communities = _get_json(f"{server}/analytics/communities?limit=500")["items"]
    assert len(centrality) == 21 and len(communities) >= 2
    # The housing bureau at depth 2: all 16 measures and every unit named in them (a
    # fresh page: from an open one only the hash would change).
    browser.get("about:blank")
    browser.get(f"{server}/#focus={quote('unit:' + HOUSING)}&depth=2")
    _wait(browser, "return document.body.dataset.ready === '1'", what="the page to start")
    _wait(browser, "return window.govgraph.cy && window.govgraph.cy.nodes('.focus').length === 1",
          what="the network to be drawn")
    browser.find_element(By.ID, "lang-zh").click()
    assert browser.find_element(By.ID, "legend-measure").get_attribute("hidden") is not None
    before = {n["id"]: n["width"] for n in browser.execute_script(MEASURED_JS)}

    # Size by betweenness: every unit sized, larger betweenness never smaller, others grey.
    Select(browser.find_element(By.ID, "measure")).select_by_value("betweenness")
    _wait(browser, "return window.govgraph.cy.nodes('.m-size').length > 0", what="nodes sized")
    drawn = browser.execute_script(MEASURED_JS)
    sized = {n["id"]: n["width"] for n in drawn if n["size"]}
    assert set(sized) == set(centrality)  # every unit with a duty, and only those
    assert all(n["none"] for n in drawn if n["id"] not in centrality)
    ranked = sorted(sized, key=lambda u: centrality[u]["betweenness"])
    for a, b in zip(ranked, ranked[1:], strict=False):
        assert sized[a] <= sized[b] + 1e-6, (a, b)
        if centrality[a]["betweenness"] < centrality[b]["betweenness"] - 1e-9:
            assert sized[a] < sized[b], (a, b)
    assert max(sized.values()) > 2 * min(sized.values())  # the sizes say something
    assert any(abs(sized[u] - before[u]) > 1 for u in sized)  # the sizes changed
    legend = browser.find_element(By.ID, "legend-measure")
    assert legend.get_attribute("hidden") is None
    assert "中介中心性" in legend.text and "21 个单位" in legend.text
    assert "measure=betweenness" in browser.current_url
    browser.save_screenshot(str(ARTIFACTS / "browser-measure-size.png"))

    # The same measure as colour: one colour per value, darker for more.
    Select(browser.find_element(By.ID, "encode")).select_by_value("colour")
    _wait(browser, "return window.govgraph.cy.nodes('.m-colour').length === 21", what="nodes coloured")
    coloured = {n["id"]: n["colour"] for n in browser.execute_script(MEASURED_JS) if n["coloured"]}
    top = max(centrality, key=lambda u: centrality[u]["betweenness"])
    low = min(centrality, key=lambda u: centrality[u]["betweenness"])
    assert coloured[top] != coloured[low]
    assert browser.find_element(By.ID, "encode").is_enabled()

    # Communities: the units of one community share a colour, two communities differ.
    Select(browser.find_element(By.ID, "measure")).select_by_value("community")
    _wait(browser, "return document.querySelectorAll('#legend-communities li').length > 0",
          what="the communities' legend")
    colours = {n["id"]: n["colour"] for n in browser.execute_script(MEASURED_JS) if n["coloured"]}
    assert set(colours) == set(centrality)
    per = [{colours[u["id"]] for u in c["units"]} for c in communities]
    assert all(len(p) == 1 for p in per)
    assert len({next(iter(p)) for p in per}) == len(communities)
    assert not browser.find_element(By.ID, "encode").is_enabled()
    items = browser.find_elements(By.CSS_SELECTOR, "#legend-communities li")
    assert [i.get_attribute("data-community") for i in items] == [str(c["community"]) for c in communities]
    assert f"{len(communities[0]['units'])} 个单位" in items[0].text
    # The enforcement bloc and the housing bloc: named after their most tied member.
    assert HOUSING in browser.find_element(By.ID, "legend-communities").text
    time.sleep(0.5)
    browser.save_screenshot(str(ARTIFACTS / "browser-communities.png"))

    # Picking a community in the legend picks out its units.
    items[0].click()
    picked = _wait(browser, "const p = window.govgraph.cy.nodes('.m-picked'); "
                            "return p.length ? p.map(n => n.id()) : null", what="a community picked")
    assert set(picked) == {u["id"] for u in communities[0]["units"]}
    # A unit's details name its values.
    browser.execute_script("window.govgraph.cy.getElementById(arguments[0]).emit('tap')",
                           "unit:" + HOUSING)
    _wait(browser, "return document.querySelector('#details dd[data-measure=community]') !== null",
          what="the unit's measures in its details")
    home = next(c["community"] for c in communities if any(u["name"] == HOUSING for u in c["units"]))
    assert browser.find_element(By.CSS_SELECTOR, "#details dd[data-measure=community]").text == str(home)
    # English labels in the legend too; residents are never named anywhere.
    browser.find_element(By.ID, "lang-en").click()
    assert "communities" in browser.find_element(By.ID, "legend-measure").text.lower()
    assert RESIDENT_NAME not in browser.find_element(By.TAG_NAME, "body").text
    browser.find_element(By.ID, "lang-zh").click()
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
