"""The closed word sets of format version 1, with their Chinese and English labels."""

from __future__ import annotations

FORMAT_NAME = "chainmap"
FORMAT_VERSION = 1

# Best first: a segment's regional status is the best of its regions' statuses.
STATUSES = ("strong", "present", "weak", "gap", "unknown")
STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}
STATUS_LABELS = {
    "strong": ("优势", "strong"),
    "present": ("有基础", "present"),
    "weak": ("薄弱", "weak"),
    "gap": ("缺失", "gap"),
    "unknown": ("未评估", "not assessed"),
}

ACTIONS = ("fill", "strengthen", "extend", "optimise")
ACTION_LABELS = {
    "fill": ("补链", "fill"),
    "strengthen": ("强链", "strengthen"),
    "extend": ("延链", "extend"),
    "optimise": ("优链", "optimise"),
}

PRIORITIES = ("high", "medium", "low")
PRIORITY_LABELS = {"high": ("高", "high"), "medium": ("中", "medium"), "low": ("低", "low")}

MARKS = ("chain-leader", "leader", "little-giant", "champion", "listed")
MARK_LABELS = {
    "chain-leader": ("链主", "chain leader"),
    "leader": ("龙头", "leading firm"),
    "little-giant": ("专精特新“小巨人”", "little giant"),
    "champion": ("单项冠军", "single-product champion"),
    "listed": ("上市", "listed"),
}

EDGE_KINDS = ("supply", "technology", "service")
DEFAULT_EDGE_KIND = "supply"
NODE_KINDS = ("material", "component", "product", "service")

CONFLICT_KINDS = ("edit", "delete", "duplicate")

# The USCC alphabet: digits and the capitals without I, O, S, V, Z; a code has 18 of them.
USCC_ALPHABET = frozenset("0123456789ABCDEFGHJKLMNPQRTUWXY")
USCC_LENGTH = 18

# The longest segment name the format allows (the validator's error, the model's refusal).
MAX_NAME_LENGTH = 200

DEFAULT_REGIONS = (
    ("CN-BJ", "北京", "#D9412B"),
    ("CN-TJ", "天津", "#2B6CD9"),
    ("CN-HE", "河北", "#2E9E5B"),
)
