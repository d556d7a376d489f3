# SPDX-License-Identifier: Apache-2.0
"""Bad graph files fail with a clear error naming the file, entity, component and parameter."""

import os

import pytest

from gxf_test_support import DATA, run_gxe
from gxf import core
from gxf.core.errors import ActivationError, GraphLoadError, HandleError, ParameterError


def load(context, name):
    """Load tests/data/<name> into the context."""
    core.graph_load_file(context, os.path.join(DATA, name))


def test_unknown_component_type_names_type_entity_and_line(context):
    with pytest.raises(GraphLoadError) as error:
        load(context, "bad_unknown_component_type.yaml")
    message = str(error.value)
    assert message.startswith("GXF_FACTORY_UNKNOWN_CLASS_NAME")
    assert "bad_unknown_component_type.yaml:" in message
    assert "entity 'tx'" in message and "component 'ping'" in message
    assert "nvidia::gxf::PingTxx" in message


def test_missing_mandatory_parameter_fails_activation_naming_it(context):
    load(context, "bad_missing_required_parameter.yaml")
    with pytest.raises(ActivationError) as error:
        core.graph_activate(context)
    message = str(error.value)
    assert message.startswith("GXF_PARAMETER_MANDATORY_NOT_SET")
    assert "entity 'tx'" in message and "component 'count'" in message
    assert "'count'" in message and "int64" in message


def test_ill_typed_parameter_names_parameter_and_expected_type(context):
    with pytest.raises(ParameterError) as error:
        load(context, "bad_parameter_wrong_type.yaml")
    message = str(error.value)
    assert message.startswith("GXF_PARAMETER_PARSER_ERROR")
    assert "bad_parameter_wrong_type.yaml:" in message
    assert "entity 'tx', component 'count'" in message
    assert "parameter 'count'" in message and "expected an integer, got 'three'" in message


def test_handle_naming_no_component_is_a_handle_error(context):
    with pytest.raises(HandleError) as error:
        load(context, "bad_handle_names_nothing.yaml")
    message = str(error.value)
    assert message.startswith("GXF_ENTITY_COMPONENT_NOT_FOUND")
    assert "component 'ping'" in message and "parameter 'signal'" in message
    assert "nothing_here" in message


def test_handle_naming_unknown_entity_is_entity_not_found(context):
    with pytest.raises(HandleError) as error:
        load(context, "bad_handle_unknown_entity.yaml")
    assert str(error.value).startswith("GXF_ENTITY_NOT_FOUND")
    assert "tx_missing" in str(error.value)


def test_handle_to_component_of_wrong_kind_names_expected_type(context):
    with pytest.raises(HandleError) as error:
        load(context, "bad_handle_wrong_kind.yaml")
    message = str(error.value)
    assert "parameter 'signal'" in message
    assert "is not a nvidia::gxf::Transmitter" in message


def test_connection_from_a_receiver_is_rejected(context):
    with pytest.raises(HandleError) as error:
        load(context, "bad_connection_ends.yaml")
    message = str(error.value)
    assert "nvidia::gxf::Connection" in message and "parameter 'source'" in message
    assert "is not a nvidia::gxf::Transmitter" in message


def test_yaml_syntax_error_names_file_and_line(context):
    with pytest.raises(GraphLoadError) as error:
        load(context, "bad_yaml_syntax.yaml")
    message = str(error.value)
    assert message.startswith("GXF_FAILURE")
    assert "bad_yaml_syntax.yaml:" in message and "invalid YAML" in message


def test_components_as_mapping_is_rejected(context):
    with pytest.raises(GraphLoadError) as error:
        load(context, "bad_components_not_sequence.yaml")
    assert "'components' must be a sequence" in str(error.value)


def test_parameters_as_list_is_invalid_data_format(context):
    with pytest.raises(GraphLoadError) as error:
        load(context, "bad_parameters_not_mapping.yaml")
    assert str(error.value).startswith("GXF_INVALID_DATA_FORMAT")
    assert "component 'count'" in str(error.value)


def test_missing_graph_file_is_file_not_found(context):
    with pytest.raises(GraphLoadError) as error:
        core.graph_load_file(context, "/nonexistent/graph.yaml")
    assert str(error.value).startswith("GXF_FILE_NOT_FOUND")


def test_capacity_zero_fails_initialize_naming_component(context):
    load(context, "bad_capacity_zero.yaml")
    with pytest.raises(ActivationError) as error:
        core.graph_activate(context)
    assert str(error.value).startswith("GXF_ARGUMENT_OUT_OF_RANGE")
    assert "component 'signal'" in str(error.value)


@pytest.mark.parametrize("name", sorted(n for n in os.listdir(DATA) if n.startswith("bad_")))
def test_gxe_exits_non_zero_with_one_clear_line(name):
    result = run_gxe(os.path.join(DATA, name), extra_args=["--severity", "0"])
    assert result.returncode == 1
    assert "gxe.py: error: GXF_" in result.stderr
    assert "Traceback" not in result.stderr
