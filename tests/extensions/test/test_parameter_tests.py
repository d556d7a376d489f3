# SPDX-License-Identifier: Apache-2.0
"""The parameter-test components check their parsed values at activation."""

import os

PARAMETERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs",
                          "parameters.yaml")


def test_parameter_components_accept_the_graph_values(run_graph):
    """Scalars, YAML text, std containers, pairs, maps, complex and hex bytes all parse."""
    run = run_graph([PARAMETERS])
    assert run.returncode == 0, run.output


def test_load_parameter_from_yaml_test_asserts_on_a_wrong_value(run_graph):
    """A wrong value ends the process during activation, as GXF_ASSERT does."""
    run = run_graph([PARAMETERS], params=["parameters/nvidia::gxf::test::"
                                          "LoadParameterFromYamlTest/forty_two=41"])
    assert run.returncode == 1
    assert "'forty_two' is 41" in run.output
    assert run.output.rstrip().splitlines()[-1].startswith("PANIC")


def test_register_parameter_interface_test_fails_initialize_on_defaults(run_graph):
    """mandatory_with_default left at its default 3 (not 2) fails initialize()."""
    run = run_graph([PARAMETERS], params=["parameters/nvidia::gxf::test::"
                                          "RegisterParameterInterfaceTest/"
                                          "mandatory_with_default=3"])
    assert run.returncode == 1
    assert "GxfGraphActivate Error: GXF_FAILURE" in run.output


def test_std_parameter_test_rejects_a_bad_complex_number(run_graph):
    """'2.0 + 1.5' lacks the imaginary unit: a parser error while loading."""
    run = run_graph([PARAMETERS], params=["parameters/nvidia::gxf::test::StdParameterTest/"
                                          "complex64=2.0 + 1.5"])
    assert run.returncode == 1
    assert "LoadApplication Error: GXF_PARAMETER_PARSER_ERROR" in run.output

