#!/bin/bash
# Issue 11 items 3-5 on the GPU machine (run from the repository root by the lead):
#   bash tools/gpu/inference_check.sh 2>&1 | tee devinfer.log
# Builds the editable install (the machine has no package registry: torch, onnx, onnxruntime
# (CPU), CuPy are there already), runs the GPU inference tests, then tools/bench/infer.py with
# TorchInference on the GPU and OnnxRuntimeInference on the CPU: frames/s of graph and direct,
# graph/direct ratio per model (cnn, tiny) and batch (8, 1).
set -u
cd "$(dirname "$0")/../.."
export CMAKE_BUILD_PARALLEL_LEVEL=16
echo "== build"; date
python -m pip install -q --no-build-isolation -e . || { echo "BUILD FAILED"; exit 1; }
python -c "import torch, onnxruntime; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), '| onnxruntime', onnxruntime.__version__, onnxruntime.get_available_providers())"
nvidia-smi --query-gpu=name,utilization.gpu,memory.used --format=csv,noheader || true
status=0
echo "== pytest -m gpu tests/inference -v"; date
timeout 900 python -m pytest -m gpu tests/inference -v -p no:cacheprovider || status=1
timeout 300 python -m pytest tests/inference/test_host_frames.py -q -p no:cacheprovider || status=1
echo "== bench: TorchInference on cuda vs torch directly"; date
timeout 900 python tools/bench/infer.py --backend torch --device cuda --reps 3 || status=1
echo "== bench: TorchInference on cuda vs a direct loop staged + CUDA graph (cnn)"; date
timeout 300 python tools/bench/infer.py --backend torch --device cuda --batch 8 --reps 3 \
  --direct-staged --model cnn || status=1
echo "== bench: the same with the C++ source and sink (extensions/bench)"; date
timeout 900 python tools/bench/infer.py --backend torch --device cuda --batch 8 --reps 3 \
  --native-ends || status=1
timeout 900 python tools/bench/infer.py --backend torch --device cuda --batch 8 --reps 3 \
  --native-ends --direct-staged || status=1
timeout 900 python tools/bench/infer.py --batch 8 --reps 3 --native-ends || status=1
echo "== bench: OnnxRuntimeInference (CPU provider) vs onnxruntime directly"; date
timeout 900 python tools/bench/infer.py --backend onnxruntime --reps 3 || status=1
echo "== bench: host path profile (cnn and tiny, batch 8)"; date
for model in cnn tiny; do
  timeout 300 python tools/bench/infer_profile.py --model "$model" --batch 8 || status=1
  timeout 300 python tools/bench/infer_profile.py --model "$model" --batch 8 --python-path || status=1
done
date; echo "== done (status $status)"
exit $status
