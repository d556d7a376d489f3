# SPDX-License-Identifier: Apache-2.0
"""The tensor components of the test helper extension, run in small graphs."""

SCHEDULER = """
---
components:
- {name: clock, type: nvidia::gxf::ManualClock}
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock, max_duration_ms: 10000}
"""

FACTORIAL = """
name: factorial
components:
- {name: out, type: nvidia::gxf::DoubleBufferTransmitter}
- {name: pool, type: nvidia::gxf::UnboundedAllocator}
- type: nvidia::gxf::test::ArbitraryPrecisionFactorial
  parameters: {digits: DIGITS, factorial: 20, result: out, pool: pool}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 1}
---
name: printer
components:
- {name: in, type: nvidia::gxf::DoubleBufferReceiver}
- type: nvidia::gxf::test::PrintTensor
  parameters: {tensors: in}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: in, min_size: 1}
---
components:
- type: nvidia::gxf::Connection
  parameters: {source: factorial/out, target: printer/in}
""" + SCHEDULER


def test_factorial_prints_the_digits_of_20_factorial(run_graph):
    code, _, output = run_graph(FACTORIAL.replace("DIGITS", "25"))
    assert code == 0, output
    digits = "".join(reversed("2432902008176640000".rjust(25, "0")))
    assert "shape: (25), factorial: " + ", ".join(digits) + ", " in output


def test_factorial_fails_when_the_digits_do_not_fit(run_graph):
    code, _, output = run_graph(FACTORIAL.replace("DIGITS", "10"))
    assert code != 0, output


def test_tensor_strides_checks_pass(run_graph):
    code, _, output = run_graph("""
name: strides
components:
- {name: pool, type: nvidia::gxf::UnboundedAllocator}
- type: nvidia::gxf::test::TestTensorStrides
  parameters: {pool: pool}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 5}
""" + SCHEDULER)
    assert code == 0, output


def test_generator_sends_integers_and_fibonacci_numbers(run_graph):
    code, _, output = run_graph("""
name: generator
components:
- {name: integers, type: nvidia::gxf::DoubleBufferTransmitter}
- {name: fibonacci, type: nvidia::gxf::DoubleBufferTransmitter}
- name: pool
  type: nvidia::gxf::BlockMemoryPool
  parameters: {storage_type: 0, block_size: 1024, num_blocks: 10}
- type: nvidia::gxf::test::Generator
  parameters: {integers: integers, fibonacci: fibonacci, pool: pool}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 1}
---
name: print_integers
components:
- {name: in, type: nvidia::gxf::DoubleBufferReceiver}
- type: nvidia::gxf::test::PrintTensor
  parameters: {tensors: in}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: in, min_size: 1}
---
name: print_fibonacci
components:
- {name: in, type: nvidia::gxf::DoubleBufferReceiver}
- type: nvidia::gxf::test::PrintTensor
  parameters: {tensors: in}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: in, min_size: 1}
---
components:
- type: nvidia::gxf::Connection
  parameters: {source: generator/integers, target: print_integers/in}
- type: nvidia::gxf::Connection
  parameters: {source: generator/fibonacci, target: print_fibonacci/in}
""" + SCHEDULER)
    assert code == 0, output
    assert "negative: 0, -1, -2," in output
    assert "fibonacci: 0.000000, 1.000000, 1.000000, 2.000000, 3.000000, 5.000000, 8.000000, " \
           "13.000000, " in output
