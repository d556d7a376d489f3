# SPDX-License-Identifier: Apache-2.0
"""`python3 <package>/gxf/std/gxe.py ...`: the path GXF documents for running graphs."""

import os
import sys

if __name__ == "__main__":
    # Run as a script: make the package that holds this file importable.
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    from gxf.gxe import main

    sys.exit(main())
