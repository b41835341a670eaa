"""OCOP steps 2–3: a producer submits an idea, commune staff receive and forward it, the
programme office shortlists it, the producer submits a business plan; each step has a status and
a comment trail; producers see only their own."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from oscar.core.loading import get_model

from catalog import services as catalog_services
from catalog.programme import services
from tests.factories import CategoryFactory, ProducerFactory, UserFactory

ProductIdea = get_model("catalogue", "ProductIdea")

pytestmark = pytest.mark.django_db


def _producer_user(producer):
    user = UserFactory()
    user.save()
    producer.partner.users.add(user)
    return user


@pytest.fixture
def food():
    return CategoryFactory(name="Thực phẩm", slug="thuc-pham")


@pytest.fixture
def producer():
    return ProducerFactory(name="HTX Vải thiều Thanh Hà")


def _submit(client, producer, food, **overrides):
    data = {
        "title": "Vải thiều sấy dẻo",
        "commune": producer.commune_id,
        "group": food.pk,
        "distinctive": "Sấy lạnh, không đường.",
    }
    data.update(overrides)
    return client.post("/y-tuong/moi/", data)


def test_a_producer_submits_an_idea_and_sees_its_status(client, producer, food):
    # given
    user = _producer_user(producer)
    client.force_login(user)
    # when
    response = _submit(client, producer, food)
    # then
    idea = ProductIdea.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/y-tuong/{idea.pk}/"
    assert (idea.producer, idea.status, idea.submitted_by) == (producer, "submitted", user)
    html = client.get(f"/y-tuong/{idea.pk}/").content.decode()
    assert "Đã gửi ý tưởng, chờ xã tiếp nhận" in html
    assert "Vải thiều sấy dẻo" in client.get("/y-tuong/").content.decode()


def test_an_idea_with_missing_facts_is_refused_with_messages(client, producer, food):
    client.force_login(_producer_user(producer))
    response = _submit(client, producer, food, title="", distinctive="")
    assert response.status_code == 200
    assert not ProductIdea.objects.exists()


def test_another_producers_idea_is_404(client, producer, food):
    # given
    services.idea_submit(
        producer=producer,
        by=None,
        title="Ý tưởng riêng",
        commune=producer.commune,
        group=food,
        distinctive="x",
    )
    idea = ProductIdea.objects.get()
    other = ProducerFactory()
    client.force_login(_producer_user(other))
    # when / then
    assert client.get(f"/y-tuong/{idea.pk}/").status_code == 404
    assert client.post(f"/y-tuong/{idea.pk}/", {"body": "xin chào"}).status_code == 404
    assert "Ý tưởng riêng" not in client.get("/y-tuong/").content.decode()


def test_a_customer_who_is_no_producer_gets_a_clear_page(client):
    customer = UserFactory()
    customer.save()
    client.force_login(customer)
    response = client.get("/y-tuong/")
    assert response.status_code == 403
    assert "chưa gắn với chủ thể" in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get("/y-tuong/").status_code == 302


def test_shortlist_then_plan_then_acceptance_with_a_comment_trail(client, producer, food):
    # given a submitted idea
    user = _producer_user(producer)
    client.force_login(user)
    _submit(client, producer, food)
    idea = ProductIdea.objects.get()
    # when the producer tries to send a plan too early
    early = client.post(f"/y-tuong/{idea.pk}/", {"plan": "1", "summary": "x", "market": "y"})
    # then it is refused
    assert "chưa được chọn" in early.content.decode()
    # when the office tries to shortlist it before the commune has forwarded it
    staff = UserFactory(is_staff=True)
    staff.save()
    staff.groups.add(Group.objects.get(name=catalog_services.PROGRAMME_OFFICE_GROUP))
    client.force_login(staff)
    client.post(
        "/django-admin/catalogue/productidea/",
        {"action": "shortlist", "_selected_action": [idea.pk]},
    )
    idea.refresh_from_db()
    # then it stays with the commune
    assert idea.status == "submitted"
    # when commune staff forward it in the admin
    commune_officer = UserFactory(is_staff=True)
    commune_officer.save()
    commune_officer.groups.add(Group.objects.get(name=catalog_services.COMMUNE_STAFF_GROUP))
    client.force_login(commune_officer)
    response = client.post(
        "/django-admin/catalogue/productidea/", {"action": "forward", "_selected_action": [idea.pk]}
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == "forwarded"
    # and the programme office shortlists it in the admin
    staff = UserFactory(is_staff=True)
    staff.save()
    staff.groups.add(Group.objects.get(name=catalog_services.PROGRAMME_OFFICE_GROUP))
    client.force_login(staff)
    response = client.post(
        "/django-admin/catalogue/productidea/",
        {"action": "shortlist", "_selected_action": [idea.pk]},
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == "shortlisted"
    # and the producer sends the business plan and a remark
    client.force_login(user)
    client.post(
        f"/y-tuong/{idea.pk}/",
        {
            "plan": "1",
            "summary": "Dây chuyền sấy lạnh 2 tấn/ngày",
            "market": "Siêu thị Hà Nội",
            "investment": "850000000",
        },
    )
    client.post(f"/y-tuong/{idea.pk}/", {"body": "Xin lịch gặp cán bộ huyện."})
    # then staff accept it
    client.force_login(staff)
    client.post(
        "/django-admin/catalogue/productidea/",
        {"action": "accept_plan", "_selected_action": [idea.pk]},
    )
    idea.refresh_from_db()
    assert idea.status == "plan_accepted"
    assert idea.plan_investment == 850_000_000
    trail = list(idea.comments.values_list("status_to", flat=True))
    assert trail == ["submitted", "forwarded", "shortlisted", "plan_submitted", "", "plan_accepted"]
    client.force_login(user)
    html = client.get(f"/y-tuong/{idea.pk}/").content.decode()
    assert "Phương án được duyệt" in html and "Xin lịch gặp cán bộ huyện." in html
    assert "850.000" in html


def test_declined_ideas_cannot_be_accepted(producer, food):
    # given
    idea = services.idea_submit(
        producer=producer,
        by=None,
        title="Ý tưởng",
        distinctive="x",
        commune=producer.commune,
        group=food,
    )
    services.idea_forward(idea=idea, by=None)
    services.idea_review(idea=idea, status="declined", by=None)
    # when / then
    with pytest.raises(Exception, match="Không thể chuyển"):
        services.idea_review(idea=idea, status="plan_accepted", by=None)


def test_the_commune_officer_cannot_shortlist_and_the_office_cannot_forward(client, producer, food):
    # given a submitted idea and a commune officer
    idea = services.idea_submit(
        producer=producer,
        by=None,
        title="Ý tưởng",
        distinctive="x",
        commune=producer.commune,
        group=food,
    )
    officer = UserFactory(is_staff=True)
    officer.save()
    officer.groups.add(Group.objects.get(name=catalog_services.COMMUNE_STAFF_GROUP))
    # then the admin offers the officer forwarding, not the office's review actions
    client.force_login(officer)
    html = client.get("/django-admin/catalogue/productidea/").content.decode()
    assert 'value="forward"' in html and 'value="shortlist"' not in html
    # and the rules refuse the office a forward and the commune a review
    with pytest.raises(Exception, match="Không thể chuyển"):
        services.idea_review(idea=idea, status="shortlisted", by=None)
    services.idea_forward(idea=idea, by=officer)
    with pytest.raises(Exception, match="Không thể chuyển"):
        services.idea_forward(idea=idea, by=officer)
