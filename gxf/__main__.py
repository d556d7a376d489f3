# SPDX-License-Identifier: Apache-2.0
"""`python -m gxf` runs gxe.py."""

import sys

from gxf.gxe import main

sys.exit(main())
