# SPDX-License-Identifier: Apache-2.0
"""Bad graph files fail with a clear error naming the file, entity, component and parameter."""

import os

import pytest

from gxf_test_support import DATA, run_gxe
from gxf import core
from gxf.core.errors import (ActivationError, GraphLoadError, GxfError, HandleError,
                             ParameterError, error_report)


def load(context, name):
    """Load tests/data/<name> into the context."""
    core.graph_load_file(context, os.path.join(DATA, name))


def test_unknown_component_type_names_type_entity_and_line(context):
    with pytest.raises(GraphLoadError) as error:
        load(context, "bad_unknown_component_type.yaml")
    message = error_report(error.value)
    assert message.startswith("GXF_FACTORY_UNKNOWN_CLASS_NAME")
    assert "bad_unknown_component_type.yaml:" in message
    assert "entity 'tx'" in message and "component 'ping'" in message
    assert "nvidia::gxf::PingTxx" in message


def test_missing_mandatory_parameter_fails_activation_naming_it(context):
    load(context, "bad_missing_required_parameter.yaml")
    with pytest.raises(ActivationError) as error:
        core.graph_activate(context)
    message = error_report(error.value)
    assert message.startswith("GXF_PARAMETER_MANDATORY_NOT_SET")
    assert "entity 'tx'" in message and "component 'count'" in message
    assert "'count'" in message and "int64" in message


def test_ill_typed_parameter_names_parameter_and_expected_type(context):
    with pytest.raises(ParameterError) as error:
        load(context, "bad_parameter_wrong_type.yaml")
    message = error_report(error.value)
    assert message.startswith("GXF_PARAMETER_PARSER_ERROR")
    assert "bad_parameter_wrong_type.yaml:" in message
    assert "entity 'tx', component 'count'" in message
    assert "parameter 'count'" in message and "expected an integer, got 'three'" in message


def test_handle_naming_no_component_is_a_handle_error(context):
    with pytest.raises(HandleError) as error:
        load(context, "bad_handle_names_nothing.yaml")
    message = error_report(error.value)
    assert message.startswith("GXF_ENTITY_COMPONENT_NOT_FOUND")
    assert "component 'ping'" in message and "parameter 'signal'" in message
    assert "nothing_here" in message


def test_handle_naming_unknown_entity_is_entity_not_found(context):
    with pytest.raises(HandleError) as error:
        load(context, "bad_handle_unknown_entity.yaml")
    assert error_report(error.value).startswith("GXF_ENTITY_NOT_FOUND")
    assert "tx_missing" in error_report(error.value)


def test_handle_to_component_of_wrong_kind_names_expected_type(context):
    with pytest.raises(HandleError) as error:
        load(context, "bad_handle_wrong_kind.yaml")
    message = error_report(error.value)
    assert "parameter 'signal'" in message
    assert "is not a nvidia::gxf::Transmitter" in message


def test_connection_from_a_receiver_is_rejected(context):
    with pytest.raises(HandleError) as error:
        load(context, "bad_connection_ends.yaml")
    message = error_report(error.value)
    assert "nvidia::gxf::Connection" in message and "parameter 'source'" in message
    assert "is not a nvidia::gxf::Transmitter" in message


def test_yaml_syntax_error_names_file_and_line(context):
    with pytest.raises(GraphLoadError) as error:
        load(context, "bad_yaml_syntax.yaml")
    message = error_report(error.value)
    assert message.startswith("GXF_FAILURE")
    assert "bad_yaml_syntax.yaml:" in message and "invalid YAML" in message


def test_components_as_mapping_is_rejected(context):
    with pytest.raises(GraphLoadError) as error:
        load(context, "bad_components_not_sequence.yaml")
    assert "'components' must be a sequence" in error_report(error.value)


def test_parameters_as_list_is_invalid_data_format(context):
    with pytest.raises(GraphLoadError) as error:
        load(context, "bad_parameters_not_mapping.yaml")
    assert error_report(error.value).startswith("GXF_INVALID_DATA_FORMAT")
    assert "component 'count'" in error_report(error.value)
    assert "'parameters' must be a mapping" in error_report(error.value)


def test_missing_graph_file_is_file_not_found(context):
    with pytest.raises(GraphLoadError) as error:
        core.graph_load_file(context, "/nonexistent/graph.yaml")
    assert error_report(error.value).startswith("GXF_FILE_NOT_FOUND")


def lifecycle_failure(context, name, error_class=GxfError):
    """Load tests/data/<name>, then activate, run, wait and deactivate it; the message of the
    error that ended it (which must be an `error_class`)."""
    load(context, name)
    with pytest.raises(error_class) as error:
        for step in (core.graph_activate, core.graph_run_async, core.graph_wait,
                     core.graph_deactivate):
            step(context)
    return error_report(error.value)


def test_capacity_zero_fails_initialize_with_its_reason(context):
    message = lifecycle_failure(context, "bad_capacity_zero.yaml", ActivationError)
    assert message.startswith("GXF_ARGUMENT_OUT_OF_RANGE: ")
    assert "bad_capacity_zero.yaml:4: entity 'tx', component 'signal'" in message
    assert message.endswith("parameter 'capacity' must be in 1..4294967296, got 0")


def test_unknown_periodic_policy_fails_initialize_with_its_reason(context):
    message = lifecycle_failure(context, "bad_periodic_policy.yaml", ActivationError)
    assert message.startswith("GXF_ARGUMENT_INVALID: ")
    assert "bad_periodic_policy.yaml:10: entity 'tx', component 'period'" in message
    assert "unknown policy 'Sometimes'" in message


def test_failing_tick_ends_the_run_with_its_reason(context):
    message = lifecycle_failure(context, "bad_tick_fails.yaml")
    assert message.startswith("GXF_FAILURE: ") and "bad_tick_fails.yaml:5: " in message
    assert "entity 'failing', component 'mock' (nvidia::gxf::test::MockFailure)" in message
    assert message.endswith("tick() failed: failing as asked after 2 tick(s)")


def test_step_count_mismatch_names_both_counts(context):
    message = lifecycle_failure(context, "bad_step_count.yaml")
    assert message.startswith("GXF_FAILURE: ") and "component 'step'" in message
    assert "deinitialize() failed: wrong tick count: " in message
    assert "tick count [3] does not match expected tick count [5]" in message


def test_scheduler_without_workers_cannot_start(context):
    message = lifecycle_failure(context, "bad_worker_threads.yaml")
    assert message.startswith("GXF_PARAMETER_OUT_OF_RANGE: ")
    assert "component 'workers' (nvidia::gxf::MultiThreadScheduler)" in message
    assert "parameter 'worker_thread_number' must be in 1..1024, got 0" in message


# What gxe prints for each bad file: the code and the specific reason, even with logging off.
GXE_REASONS = {
    "bad_capacity_zero.yaml": ("GXF_ARGUMENT_OUT_OF_RANGE",
                               "parameter 'capacity' must be in 1..4294967296, got 0"),
    "bad_capacity_huge.yaml": ("GXF_ARGUMENT_OUT_OF_RANGE", "parameter 'capacity' must be in "
                               "1..4294967296, got 9223372036854775807"),
    "bad_count_negative.yaml": ("GXF_PARAMETER_OUT_OF_RANGE",
                                "parameter 'count' must be in 0..9223372036854775807, got -1"),
    "bad_duplicate_entity.yaml": ("GXF_ARGUMENT_INVALID",
                                  "entity 'rx' is already defined at "),
    "bad_deadlock_timeout_huge.yaml": (
        "GXF_PARAMETER_OUT_OF_RANGE", "parameter 'stop_on_deadlock_timeout' must be in "
        "-9223372036854775808..4611686018427, got 10000000000000000"),
    "bad_max_duration_negative.yaml": ("GXF_PARAMETER_OUT_OF_RANGE",
                                       "parameter 'max_duration_ms' must be in 0..4611686018427, "
                                       "got -5"),
    "bad_max_duration_overflow.yaml": ("GXF_PARAMETER_OUT_OF_RANGE",
                                       "parameter 'max_duration_ms' must be in 0..4611686018427, "
                                       "got 10000000000000"),
    "bad_period_huge.yaml": ("GXF_ARGUMENT_OUT_OF_RANGE",
                             "period '1e300s' must be at most 4611686018427387903 ns"),
    "bad_pool_no_blocks.yaml": ("GXF_PARAMETER_OUT_OF_RANGE",
                                "parameter 'num_blocks' must be in 1..281474976710656, got 0"),
    "bad_pool_out_of_memory.yaml": ("GXF_OUT_OF_MEMORY",
                                    "cannot allocate 128 blocks of 1099511627776 bytes"),
    "bad_pool_size_overflow.yaml": ("GXF_PARAMETER_OUT_OF_RANGE",
                                    "block_size * num_blocks must be at most 281474976710656 "
                                    "bytes, got 1099511627776 * 1099511627776"),
    "bad_queue_policy.yaml": ("GXF_ARGUMENT_OUT_OF_RANGE",
                              "parameter 'policy' must be in 0..2, got 7"),
    "bad_recession_period_negative.yaml": ("GXF_ARGUMENT_OUT_OF_RANGE",
                                           "parameter 'check_recession_period_ms' must be in "
                                           "0..4611686018427, got -1.5"),
    "bad_subgraph_location_missing.yaml": (
        "GXF_FILE_NOT_FOUND", "subgraph location 'tests/data/subgraph/no_such_block.yaml' "
        "names no file"),
    "bad_subgraph_location_tagged.yaml": (
        "GXF_INVALID_DATA_FORMAT", "parameter 'location' has the YAML tag !include, which the "
        "loader does not interpret"),
    "bad_thread_pool_size.yaml": ("GXF_ARGUMENT_OUT_OF_RANGE",
                                  "parameter 'initial_size' must be in 0..1024, got 1000000"),
    "bad_components_not_sequence.yaml": ("GXF_FAILURE", "'components' must be a sequence"),
    "bad_connection_ends.yaml": ("GXF_ENTITY_COMPONENT_NOT_FOUND",
                                 "is not a nvidia::gxf::Transmitter"),
    "bad_handle_names_nothing.yaml": ("GXF_ENTITY_COMPONENT_NOT_FOUND", "nothing_here"),
    "bad_handle_unknown_entity.yaml": ("GXF_ENTITY_NOT_FOUND", "tx_missing"),
    "bad_handle_wrong_kind.yaml": ("GXF_ENTITY_COMPONENT_NOT_FOUND",
                                   "is not a nvidia::gxf::Transmitter"),
    "bad_missing_required_parameter.yaml": ("GXF_PARAMETER_MANDATORY_NOT_SET",
                                            "mandatory parameter 'count' (int64) is not set"),
    "bad_parameter_wrong_type.yaml": ("GXF_PARAMETER_PARSER_ERROR",
                                      "expected an integer, got 'three'"),
    "bad_parameters_not_mapping.yaml": ("GXF_INVALID_DATA_FORMAT", "'parameters' must be a mapping"),
    "bad_periodic_policy.yaml": ("GXF_ARGUMENT_INVALID", "unknown policy 'Sometimes'"),
    "bad_step_count.yaml": ("GXF_FAILURE",
                            "tick count [3] does not match expected tick count [5]"),
    "bad_tick_fails.yaml": ("GXF_FAILURE", "failing as asked after 2 tick(s)"),
    "bad_unknown_component_type.yaml": ("GXF_FACTORY_UNKNOWN_CLASS_NAME", "nvidia::gxf::PingTxx"),
    "bad_worker_threads_huge.yaml": ("GXF_PARAMETER_OUT_OF_RANGE",
                                     "'worker_thread_number' must be in 1..1024, got 10000000000000"),
    "bad_worker_threads.yaml": ("GXF_PARAMETER_OUT_OF_RANGE",
                                "parameter 'worker_thread_number' must be in 1..1024, got 0"),
    "bad_yaml_syntax.yaml": ("GXF_FAILURE", "invalid YAML"),
}


def test_every_bad_file_has_its_expected_reason():
    assert sorted(GXE_REASONS) == sorted(n for n in os.listdir(DATA) if n.startswith("bad_"))


@pytest.mark.parametrize("name", sorted(GXE_REASONS))
def test_gxe_exits_non_zero_with_one_clear_line(name):
    result = run_gxe(os.path.join(DATA, name), extra_args=["--severity", "0"])
    code, reason = GXE_REASONS[name]
    assert result.returncode == 1
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("gxe.py: error:")]
    assert len(error_lines) == 1, result.stderr
    assert error_lines[0].startswith(f"gxe.py: error: {code}: ")
    assert name in error_lines[0] and reason in error_lines[0]
    assert "Traceback" not in result.stderr


def test_unregistered_parameter_warning_names_file_entity_and_component(tmp_path):
    graph = tmp_path / "graph.yaml"
    graph.write_text("name: tx\ncomponents:\n- name: clock\n  type: nvidia::gxf::ManualClock\n"
                     "  parameters:\n    no_such_key: 3\n")
    result = run_gxe(str(graph), extra_args=["--severity", "2", "--run", "false"])
    assert result.returncode == 0, result.output
    assert (f"{graph}:3: Using unregistered parameter 'no_such_key' in entity 'tx', component "
            "'clock' (nvidia::gxf::ManualClock).") in result.output
