# SPDX-License-Identifier: Apache-2.0
"""Vault hands a graph's messages to Python through gxf.std.vault_pybind."""

import os
import threading

import pytest

import gxf.std.vault_pybind as vault_pybind
from gxf import core

VAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs", "vault.yaml")
WAIT_NS = 5_000_000_000


@pytest.fixture
def vault_graph():
    """The loaded vault graph: (context, cid of the Vault); destroyed afterwards."""
    context = core.context_create()
    core.load_extensions(context, extension_filenames=["libgxf_std.so", "libgxf_sample.so",
                                                       "libgxf_test.so"])
    core.graph_load_file(context, VAULT)
    eid = core.entity_find(context, "rx")
    cid = core.component_find(context, eid, component_name="vault")[0]
    yield context, cid
    core.context_destroy(context)


def test_vault_stores_the_received_messages(vault_graph):
    """All six pings can be stored from Python, then freed; the run ends normally."""
    context, cid = vault_graph
    core.graph_activate(context)
    core.graph_run_async(context)
    eids = vault_pybind.store_blocking_for(context, cid, 6, WAIT_NS)
    vault_pybind.free(context, cid, eids)
    core.graph_wait(context)
    core.graph_deactivate(context)
    assert len(eids) == 6
    assert len(set(eids)) == 6


def test_vault_wakes_a_blocked_caller_at_deactivation(vault_graph):
    """store_blocking for more than will ever come returns [] once the graph deactivates."""
    context, cid = vault_graph
    core.graph_activate(context)
    core.graph_run_async(context)
    result = {}
    caller = threading.Thread(
        target=lambda: result.setdefault("eids", vault_pybind.store_blocking(context, cid, 100)))
    caller.start()
    core.graph_wait(context)
    core.graph_deactivate(context)
    caller.join(timeout=10)
    assert not caller.is_alive()
    assert result["eids"] == []


def test_vault_has_gxf_type_id(vault_graph):
    """The Vault is found by GXF's type id for it."""
    context, cid = vault_graph
    eid = core.entity_find(context, "rx")
    tid = core.gxf_tid_t(0x1108CB8D85E44303, 0xBA02D27406EE9E65)
    assert core.component_find(context, eid, tid, "vault") == [cid]
