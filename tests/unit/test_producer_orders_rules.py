"""The steps a producer may take with a line: delivery and pickup lines follow their own flow,
and packing never moves the order's status."""

from __future__ import annotations

import pytest
from django.conf import settings

from marketplace.checkout import rules


@pytest.mark.parametrize(
    "status, pickup, expected",
    [
        (rules.LINE_PENDING, False, (rules.LINE_PACKED, rules.LINE_SHIPPED)),
        (rules.LINE_PACKED, False, (rules.LINE_SHIPPED,)),
        (rules.LINE_SHIPPED, False, (rules.LINE_DELIVERED,)),
        (rules.LINE_DELIVERED, False, ()),
        (rules.LINE_PENDING, True, (rules.LINE_READY,)),
        (rules.LINE_READY, True, (rules.LINE_COLLECTED,)),
        (rules.LINE_COLLECTED, True, ()),
        (rules.LINE_CANCELLED, False, ()),
        (rules.LINE_CANCELLED, True, ()),
        ("not a status", False, ()),
    ],
)
def test_next_steps_follow_the_lines_own_flow(status, pickup, expected):
    assert rules.line_next_statuses(status, pickup=pickup) == expected


def test_every_producer_step_is_allowed_by_oscars_line_pipeline():
    pipeline = settings.OSCAR_LINE_STATUS_PIPELINE
    for flow in (rules.DELIVERY_LINE_NEXT, rules.PICKUP_LINE_NEXT):
        for status, steps in flow.items():
            assert set(steps) <= set(pipeline[status]), status


def test_packed_lines_leave_the_order_status_as_it_is():
    current = "Chờ xử lý"
    assert (
        rules.order_status_from_lines([rules.LINE_PACKED, rules.LINE_PENDING], current=current)
        == current
    )
    assert (
        rules.order_status_from_lines([rules.LINE_PACKED, rules.LINE_SHIPPED], current=current)
        == rules.ORDER_PARTLY_SHIPPED
    )
