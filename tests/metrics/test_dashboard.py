# SPDX-License-Identifier: Apache-2.0
"""The live dashboard: its HTTP endpoints while a graph runs, `gxf dashboard`, and the page in
a real headless browser (the system's chromium driven by selenium) reading changing numbers."""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from gxf_test_support import MANIFEST, REPO
from live_gxe import PACED_PING, LiveGxe

LONG = ["tx/count/count=400", "py_tx/count/count=400"]


def get(url):
    """(status, content type, body bytes) of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def test_dashboard_serves_page_structure_and_live_metrics_on_localhost():
    run = LiveGxe(["--dashboard", "0", "--metrics-interval", "0.1"], params=LONG)
    try:
        url = run.wait_for_url("dashboard:")
        assert url.startswith("http://127.0.0.1:")
        status, content_type, page = get(url)
        assert status == 200 and content_type.startswith("text/html")
        assert b'<script src="dashboard.js">' in page and b"http" not in page.split(b"-->", 1)[1]
        for name, kind in (("dashboard.js", "text/javascript"), ("dashboard.css", "text/css")):
            status, content_type, _ = get(url + name)
            assert status == 200 and content_type.startswith(kind)
        assert get(url + "nothing")[0] == 404
        # The picture is gxf draw's (one model), each arrow tied to its metrics row.
        graph = json.loads(get(url + "api/graph")[2])
        assert graph == json.loads(json.dumps(_drawn(graph)))
        assert sorted(entity["id"] for entity in graph["entities"]) == [
            "py_rx", "py_tx", "rx", "scheduler", "tx"]  # as gxf draw draws it
        tx = next(entity for entity in graph["entities"] if entity["id"] == "tx")
        assert [port["id"] for port in tx["transmitters"]] == ["tx/signal"]
        assert [codelet["label"] for codelet in tx["codelets"]] == ["ping: PingTx"]
        assert {(edge["source"], edge["target"], edge["label"]) for edge in graph["edges"]} == {
            ("tx/signal", "rx/signal", "capacity 1, fault"),
            ("py_tx/signal", "py_rx/signal", "capacity 1, fault")}
        rows = json.loads(get(url + "api/metrics")[2])["edges"]
        for edge in graph["edges"]:
            row = rows[edge["metrics"]]
            assert (row["source"], row["target"]) == (edge["source"], edge["target"])
        counts = []
        for _ in range(100):
            view = json.loads(get(url + "api/metrics")[2])
            counts.append(view["edges"][0]["messages"])
            if len(set(counts)) >= 3:
                break
            time.sleep(0.1)
        assert len(set(counts)) >= 3 and counts == sorted(counts), counts
        assert view["running"] is True
        assert {row["codelet"] for row in view["codelets"]} == {"ping", "python_codelet"}
    finally:
        run.kill()


def _drawn(served):
    """What gxf draw's model gives for the paced ping, with the served metrics indices."""
    from gxf.tools.draw import picture
    from gxf.tools.graph_model import graph_from_files

    drawn = picture(graph_from_files([PACED_PING], [MANIFEST]))
    indices = {(edge["source"], edge["target"]): edge["metrics"] for edge in served["edges"]}
    cids = {}  # component ids differ between the two contexts: compare them by name
    for entity in served["entities"]:
        for codelet in entity["codelets"]:
            cids[(entity["id"], codelet["label"])] = codelet["cid"]
        for port in entity["receivers"] + entity["transmitters"]:
            cids[port["id"]] = port["cid"]
    for entity in drawn["entities"]:
        entity["eid"] = next(e["eid"] for e in served["entities"] if e["id"] == entity["id"])
        for codelet in entity["codelets"]:
            codelet["cid"] = cids[(entity["id"], codelet["label"])]
        for port in entity["receivers"] + entity["transmitters"]:
            port["cid"] = cids[port["id"]]
    for edge in drawn["edges"]:
        edge["source_cid"], edge["target_cid"] = cids[edge["source"]], cids[edge["target"]]
        edge["metrics"] = indices[(edge["source"], edge["target"])]
    return drawn


def test_gxf_dashboard_runs_the_graph_with_its_dashboard():
    command = [sys.executable, "-m", "gxf.cli", "dashboard", PACED_PING, "--manifest", MANIFEST,
               "--port", "0", "--severity", "1", "--param", "tx/count/count=5",
               "--param", "py_tx/count/count=5"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "dashboard: http://127.0.0.1:" in result.stderr


def test_dashboard_on_a_taken_port_is_a_one_line_error():
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = LiveGxe(["--dashboard", str(port)], params=["tx/count/count=3",
                                                          "py_tx/count/count=3"])
        assert run.finish() == 1
    assert f"gxe.py: error: dashboard: cannot serve on 127.0.0.1:{port}" in run.output
    assert "Traceback" not in run.output


def _browser():
    """A headless chromium driven by selenium, or skip when either is absent."""
    webdriver = pytest.importorskip("selenium.webdriver")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("chromium and chromium-driver (Debian packages) are not installed")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    # The browser is not ours: under tools/sanitize/run.sh it must not inherit the preloaded
    # ASan runtime (chromedriver then aborts: "Shadow memory range interleaves").
    env = {key: value for key, value in os.environ.items() if key != "LD_PRELOAD"}
    return webdriver.Chrome(service=Service(executable_path=driver_path, env=env),
                            options=options)


def test_browser_shows_the_graph_and_numbers_that_change():
    browser = _browser()
    run = LiveGxe(["--dashboard", "0", "--metrics-interval", "0.2"], params=LONG)
    try:
        url = run.wait_for_url("dashboard:")
        browser.set_page_load_timeout(20)
        browser.get(url)
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        wait = WebDriverWait(browser, 20, poll_frequency=0.1)
        wait.until(lambda b: b.find_element(By.ID, "status").get_attribute("data-state")
                   == "running")
        # The picture: one box per entity, one arrow per edge, each labelled with live numbers.
        labels = {element.text for element in browser.find_elements(By.CSS_SELECTOR,
                                                                     "g.node text.title")}
        assert labels == {"tx", "rx", "py_tx", "py_rx", "scheduler"}
        assert len(browser.find_elements(By.CSS_SELECTOR, "g.edge path")) == 2
        # As gxf draw draws it: queues as ports, arrows labelled with capacity and policy.
        ports = {element.get_attribute("data-port") for element in browser.find_elements(
            By.CSS_SELECTOR, "g.node text.receiver, g.node text.transmitter")}
        assert ports == {"tx/signal", "rx/signal", "py_tx/signal", "py_rx/signal"}
        settings = [element.text for element in browser.find_elements(
            By.CSS_SELECTOR, 'g.edge [data-field="settings"]')]
        assert settings == ["capacity 1, fault"] * 2

        def edge_messages():
            cells = browser.find_elements(By.CSS_SELECTOR,
                                          'tr[data-edge="0"] td[data-field="messages"]')
            return int(cells[0].text.replace(",", "")) if cells else None

        seen = []
        wait.until(lambda b: seen.append(edge_messages()) or len(set(seen) - {None}) >= 3)
        values = [value for value in seen if value is not None]
        assert values == sorted(values)
        rate = browser.find_element(By.CSS_SELECTOR, 'g.edge[data-edge="0"] [data-field="rate"]')
        wait.until(lambda b: rate.text.endswith("msg/s") and rate.text != "- msg/s")
        assert 20 <= int(rate.text.split()[0].replace(",", "")) <= 500  # paced at 100 Hz
        tick = browser.find_element(By.CSS_SELECTOR, 'text.codelet [data-field="tick"]')
        wait.until(lambda b: "p50" in tick.text)
        gil = browser.find_elements(By.CSS_SELECTOR, 'td[data-field="gil_hold_p50"]')
        assert any(cell.text.endswith("s") for cell in gil)
    finally:
        run.kill()
        browser.quit()
