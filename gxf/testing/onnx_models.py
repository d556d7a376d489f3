# SPDX-License-Identifier: Apache-2.0
"""Small ONNX models the inference tests and benchmarks build with the onnx helper API (nothing downloaded),
and the reference: the same file run by onnxruntime directly."""

import numpy as np

OPSET = 17


def _save(graph, path):
    import onnx
    from onnx import helper

    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="gxf-inference-tests")
    model.ir_version = 8  # readable by every onnxruntime of the last years
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return str(path)


def _initializer(name, array):
    from onnx import numpy_helper

    return numpy_helper.from_array(np.asarray(array, dtype=np.float32), name)


def conv_relu_gemm(path, batch="N", size=(8, 8), seed=0):
    """images [batch, 3, H, W] -> Conv(4, 3x3, pad 1) -> Relu -> Flatten -> Gemm -> logits
    [batch, 10], and probabilities = Softmax(logits). `size` None makes H and W dynamic (the
    Gemm is then replaced by a global average pool to [batch, 4])."""
    from onnx import TensorProto, helper

    rng = np.random.default_rng(seed)
    height, width = size if size else ("H", "W")
    nodes = [helper.make_node("Conv", ["images", "conv_w", "conv_b"], ["conv"], pads=[1, 1, 1, 1]),
             helper.make_node("Relu", ["conv"], ["relu"])]
    weights = [_initializer("conv_w", rng.normal(size=(4, 3, 3, 3))),
               _initializer("conv_b", rng.normal(size=4))]
    if size:
        nodes += [helper.make_node("Flatten", ["relu"], ["flat"], axis=1),
                  helper.make_node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"]),
                  helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1)]
        weights += [_initializer("fc_w", rng.normal(size=(4 * size[0] * size[1], 10)) * 0.05),
                    _initializer("fc_b", rng.normal(size=10))]
        outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [batch, 10]),
                   helper.make_tensor_value_info("probabilities", TensorProto.FLOAT,
                                                 [batch, 10])]
    else:
        nodes += [helper.make_node("GlobalAveragePool", ["relu"], ["pool"]),
                  helper.make_node("Flatten", ["pool"], ["pooled"], axis=1)]
        outputs = [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, [batch, 4])]
    graph = helper.make_graph(
        nodes, "conv_relu_gemm",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, [batch, 3, height, width])],
        outputs, weights)
    return _save(graph, path)


def small_cnn(path, size=224, batch="N", seed=0):
    """An image classifier of the size inference graphs run: images [batch, 3, size, size] ->
    Conv(16, 3x3, stride 2) -> Relu -> Conv(32, 3x3, stride 2) -> Relu -> GlobalAveragePool ->
    Flatten -> Gemm -> logits [batch, 10], and probabilities = Softmax(logits)."""
    from onnx import TensorProto, helper

    rng = np.random.default_rng(seed)
    conv = {"pads": [1, 1, 1, 1], "strides": [2, 2]}
    nodes = [helper.make_node("Conv", ["images", "c1_w", "c1_b"], ["c1"], **conv),
             helper.make_node("Relu", ["c1"], ["r1"]),
             helper.make_node("Conv", ["r1", "c2_w", "c2_b"], ["c2"], **conv),
             helper.make_node("Relu", ["c2"], ["r2"]),
             helper.make_node("GlobalAveragePool", ["r2"], ["pool"]),
             helper.make_node("Flatten", ["pool"], ["flat"], axis=1),
             helper.make_node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"]),
             helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1)]
    weights = [_initializer("c1_w", rng.normal(size=(16, 3, 3, 3)) * 0.2),
               _initializer("c1_b", rng.normal(size=16) * 0.1),
               _initializer("c2_w", rng.normal(size=(32, 16, 3, 3)) * 0.1),
               _initializer("c2_b", rng.normal(size=32) * 0.1),
               _initializer("fc_w", rng.normal(size=(32, 10)) * 0.2),
               _initializer("fc_b", rng.normal(size=10) * 0.1)]
    graph = helper.make_graph(
        nodes, "small_cnn",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, [batch, 3, size, size])],
        [helper.make_tensor_value_info(name, TensorProto.FLOAT, [batch, 10])
         for name in ("logits", "probabilities")], weights)
    return _save(graph, path)


def two_inputs(path, batch="N"):
    """a, b [batch, 4] -> difference = a - b, product = a * b."""
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [helper.make_node("Sub", ["a", "b"], ["difference"]),
         helper.make_node("Mul", ["a", "b"], ["product"])], "two_inputs",
        [helper.make_tensor_value_info(name, TensorProto.FLOAT, [batch, 4]) for name in "ab"],
        [helper.make_tensor_value_info(name, TensorProto.FLOAT, [batch, 4])
         for name in ("difference", "product")])
    return _save(graph, path)


def run_directly(path, feeds):
    """{output name: array}: the model run by onnxruntime itself (the reference)."""
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    names = [node.name for node in session.get_outputs()]
    return dict(zip(names, session.run(names, feeds)))
