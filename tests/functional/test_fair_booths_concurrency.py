"""Two organisers accept the last booth of a size at the same moment, on PostgreSQL: the row lock
on the booth size serialises them, so exactly one accept succeeds and the other is told the size
is full; two organisers giving the same booth number to two producers: one wins.

Each thread has its own database connection (Django opens one per thread), so the reviews really
race; the test needs a database with row locks and is skipped on SQLite.
"""

from __future__ import annotations

import threading

from django.db import connections
from django.utils import timezone

from cms.models import FairApplication
from cms.services import BoothError, fair_application_review, fair_application_submit
from tests.concurrency import ROW_LOCK_TESTS
from tests.factories import ProducerFactory, listed_product
from tests.fairs import booth_size, make_fair
from tests.functional.conftest import make_home_page

pytestmark = ROW_LOCK_TESTS

ORGANISERS = 6


def _applications(fair, count, size):
    applications = []
    for _ in range(count):
        producer = ProducerFactory()
        applications.append(
            fair_application_submit(
                producer=producer,
                fair=fair,
                products=[listed_product(5, producer=producer)],
                booth_size=booth_size(fair, size),
                needs_power=False,
                needs_refrigeration=False,
                contact_name="Anh Nam",
                contact_phone="0987654321",
                language="vi",
                today=timezone.localdate(),
            )
        )
    return applications


def _race(reviews):
    """Run each ``(application, booth_number)`` accept at once; return (accepted, refusals)."""
    barrier = threading.Barrier(len(reviews))
    accepted, refused, errors = [], [], []

    def accept(application, number):
        try:
            barrier.wait()
            fair_application_review(
                application_id=application.pk,
                decision="accepted",
                booth_number=number,
                now=timezone.now(),
            )
            accepted.append(application.pk)
        except BoothError as error:
            refused.append(str(error))
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=review) for review in reviews]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return accepted, refused


def test_simultaneous_accepts_for_the_last_booth_give_it_to_exactly_one_producer():
    # given a size with one booth left and six pending applications for it
    fair = make_fair(home=make_home_page(), sizes=(("3x6 m", 3),))
    taken = _applications(fair, 2, "3x6 m")
    for number, application in enumerate(taken, start=1):
        fair_application_review(
            application_id=application.pk,
            decision="accepted",
            booth_number=f"B0{number}",
            now=timezone.now(),
        )
    waiting = _applications(fair, ORGANISERS, "3x6 m")
    # when every one is accepted at once, each with its own booth number
    accepted, refused = _race([(a, f"B1{i}") for i, a in enumerate(waiting)])
    # then
    assert len(accepted) == 1
    assert len(refused) == ORGANISERS - 1
    assert all("Đã hết gian hàng loại 3x6 m" in message for message in refused)
    assert FairApplication.objects.filter(fair=fair, status="accepted").count() == 3


def test_simultaneous_accepts_with_the_same_booth_number_give_it_to_one_producer():
    # given plenty of room
    fair = make_fair(home=make_home_page(), sizes=(("3x3 m", 20),))
    waiting = _applications(fair, ORGANISERS, "3x3 m")
    # when every one is given booth A01 at once
    accepted, refused = _race([(a, "A01") for a in waiting])
    # then
    assert len(accepted) == 1
    assert all("A01 đã được xếp" in message for message in refused)
    assert FairApplication.objects.filter(fair=fair, booth_number="A01").count() == 1
