# SPDX-License-Identifier: Apache-2.0
"""Flow tests import their shared objects from this folder."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
