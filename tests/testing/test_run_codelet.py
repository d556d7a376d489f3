# SPDX-License-Identifier: Apache-2.0
"""gxf.testing.run_codelet: one codelet alone, fed inputs, collected outputs."""

import numpy
import pytest

from gxf.core import CodeletError
from gxf.python_codelet import CodeletAdapter
from gxf.std import Receiver, Tensor, Transmitter
from gxf.testing import Message, run_codelet


class Doubler(CodeletAdapter):
    """Publishes each received tensor times two."""

    def start(self):
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), params["rx"])
        self.tx = Transmitter.get(self.context(), self.cid(), params["tx"])

    def tick(self):
        from gxf.core import MessageEntity

        message = self.rx.receive()
        values = numpy.asarray(Tensor.get_from_entity(message, "values"))
        out = MessageEntity(self.context())
        Tensor.add_to_entity(out, Tensor(values * 2), "values")
        self.tx.publish(out)


def test_python_codelet_gets_its_inputs_and_its_outputs_are_collected(gxf_run_codelet):
    inputs = [{"values": numpy.arange(4, dtype=numpy.float32) + i} for i in range(3)]
    run = gxf_run_codelet(Doubler, inputs={"in": inputs}, outputs=["out"],
                          params={"rx": "in", "tx": "out"})
    assert run.ticks == 3
    got = [message.tensors["values"] for message in run.outputs["out"]]
    for index, array in enumerate(got):
        numpy.testing.assert_array_equal(array, (numpy.arange(4) + index) * 2)
        assert array.dtype == numpy.float32
    assert all(message.acqtime is not None for message in run.outputs["out"])


def test_a_codelet_class_defined_inside_a_test_runs(gxf_run_codelet):
    class Source(CodeletAdapter):
        def start(self):
            self.tx = Transmitter.get(self.context(), self.cid(), "out")

        def tick(self):
            from gxf.core import MessageEntity

            message = MessageEntity(self.context())
            Tensor.add_to_entity(message, Tensor(numpy.full(2, self.get_execution_count())), "n")
            self.tx.publish(message)

    run = gxf_run_codelet(Source, outputs=["out"], ticks=4)
    assert [int(m.tensors["n"][0]) for m in run.outputs["out"]] == [1, 2, 3, 4]


def test_native_codelet_runs_alone():
    run = run_codelet("nvidia::gxf::PingTx", outputs=["out"], params={"signal": "out"}, ticks=5)
    assert run.ticks == 5
    assert len(run.outputs["out"]) == 5
    assert run.outputs["out"][0] == Message()  # PingTx sends empty messages


def test_native_forward_passes_fed_messages_through():
    fed = [Message({"x": numpy.array([i], dtype=numpy.int64)}) for i in range(4)]
    run = run_codelet("nvidia::gxf::Forward", inputs={"in": fed}, outputs=["out"],
                      params={"in": "in", "out": "out"})
    assert run.outputs["out"] == fed


def test_a_codelet_that_raises_fails_the_run_with_its_traceback():
    class Broken(CodeletAdapter):
        def tick(self):
            raise RuntimeError("broken on purpose")

    with pytest.raises(CodeletError, match="broken on purpose"):
        run_codelet(Broken, ticks=1)


def test_something_not_a_codelet_is_a_type_error():
    with pytest.raises(TypeError, match="CodeletAdapter subclass or a native type name"):
        run_codelet(42)
