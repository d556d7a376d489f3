# SPDX-License-Identifier: Apache-2.0
"""Python-side loggers of the graph API (GXF's `gxf.core.logger`): the "Core" logger reports
graph building, the exception handler and the crash handler."""

import logging
import sys

__all__ = ["init_logger", "is_inited", "get_logger"]

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_inited = False


def is_inited():
    """Whether init_logger has run."""
    return _inited


def init_logger():
    """Give the "Core" logger a stdout handler (once) unless the application configured
    logging itself (root or "Core" handlers), whose handlers then receive the reports."""
    global _inited
    logger = logging.getLogger("Core")
    if not logger.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter(_FORMAT))
        logger.addHandler(handler)
        logger.propagate = False
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.INFO)
    _inited = True


def get_logger(name):
    """A logger of the graph API ("Core", ...)."""
    return logging.getLogger(name)
