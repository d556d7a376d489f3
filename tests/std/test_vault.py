# SPDX-License-Identifier: Apache-2.0
"""Vault hands a graph's messages to Python through gxf.std.vault_pybind."""

import contextlib
import os
import threading

import pytest

import gxf.std.vault_pybind as vault_pybind
from gxf import core
from gxf.std import get_from_entity_context

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


@contextlib.contextmanager
def stored(context, cid, count):
    """Run the graph and store `count` messages; yields their eids, then frees them and waits
    for the run's end."""
    core.graph_activate(context)
    core.graph_run_async(context)
    eids = vault_pybind.store_blocking_for(context, cid, count, WAIT_NS)
    try:
        yield eids
    finally:
        vault_pybind.free(context, cid, eids)
        core.graph_wait(context)
        core.graph_deactivate(context)


def test_vault_stores_the_received_messages(vault_graph):
    """All six pings can be stored from Python, then freed; the run ends normally."""
    context, cid = vault_graph
    with stored(context, cid, 6) as eids:
        pass
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


def test_stored_eids_of_native_messages_resolve(vault_graph):
    """Eids the vault returns name entities that the eid-based API finds (native producer)."""
    context, cid = vault_graph
    with stored(context, cid, 6) as eids:
        assert len(eids) == 6
        for eid in eids:
            assert core.entity_get_name(context, eid) == ""
            assert isinstance(core.component_find(context, eid), list)


PYTHON_SOURCE = '''
import numpy as np

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Tensor, Transmitter


class Source(CodeletAdapter):
    def start(self):
        self.tx = Transmitter.get(self.context(), self.cid(), "signal")
        self.count = 0

    def tick(self):
        message = MessageEntity(self.context())
        Tensor.add_to_entity(message, Tensor.as_tensor(np.full(4, self.count, np.int32)), "t")
        self.count += 1
        self.tx.publish(message)
'''

PYTHON_VAULT_GRAPH = '''
name: tx
components:
- name: signal
  type: nvidia::gxf::DoubleBufferTransmitter
- name: codelet
  type: nvidia::gxf::PyCodeletV0
  parameters: {codelet_name: Source, codelet_file: source.py}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 3}
---
name: rx
components:
- name: signal
  type: nvidia::gxf::DoubleBufferReceiver
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: signal}
- name: vault
  type: nvidia::gxf::Vault
  parameters: {source: signal, max_waiting_count: 10, drop_waiting: false}
---
components:
- type: nvidia::gxf::Connection
  parameters: {source: tx/signal, target: rx/signal}
---
name: scheduler
components:
- type: nvidia::gxf::RealtimeClock
  name: clock
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock}
'''


def test_stored_eids_of_python_messages_resolve_to_their_tensors(context, tmp_path):
    """A Python producer's messages (nobody called eid()) are found by eid with their tensors."""
    (tmp_path / "source.py").write_text(PYTHON_SOURCE)
    graph = tmp_path / "graph.yaml"
    graph.write_text(PYTHON_VAULT_GRAPH)
    core.graph_load_file(context, str(graph))
    cid = core.component_find(context, core.entity_find(context, "rx"), component_name="vault")[0]
    with stored(context, cid, 3) as eids:
        assert len(eids) == 3
        values = [get_from_entity_context(context, eid, "t").tolist() for eid in eids]
        assert values == [[0] * 4, [1] * 4, [2] * 4]
        assert all(len(core.component_find(context, eid, component_name="t")) == 1
                   for eid in eids)


def test_unknown_type_id_finds_no_component(vault_graph):
    """A tid nobody registered matches nothing, as in GXF's test_std_vault driver."""
    context, cid = vault_graph
    eid = core.entity_find(context, "rx")
    assert core.component_find(context, eid, core.gxf_tid_t(12, 0xBA02D27406EE9E65), "vault") == []
