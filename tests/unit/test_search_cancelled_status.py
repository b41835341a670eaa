"""The search index keeps its own copy of the cancelled order status (search may not import
commerce, see the import contracts), so that cancelled orders do not count towards "Bán chạy".
The copy must follow the one vocabulary: when the status was respelt "Đã hủy", a stale copy would
have silently counted cancelled units as sold."""

from __future__ import annotations

from marketplace.order import statuses
from search import documents


def test_the_index_excludes_the_status_that_commerce_calls_cancelled():
    assert documents.CANCELLED_STATUS == statuses.CANCELLED
