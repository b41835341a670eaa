"""Mail through the task queue (marketplace/mail.py): what a request sends arrives whole after
the task runs. Django's immediate task backend stands in for ``db_worker`` (the production
rehearsal, deploy/production_check.py, runs the real worker); locmem stands in for SMTP."""

from __future__ import annotations

from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import override_settings


@override_settings(
    EMAIL_BACKEND="marketplace.mail.TaskEmailBackend",
    OCOP_EMAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)
def test_queued_mail_arrives_with_its_html_part_and_attachment():
    # given a message with an HTML alternative and a PDF attached
    message = EmailMultiAlternatives(
        subject="Đơn hàng 100023 đã được đặt",
        body="Cảm ơn quý khách.",
        from_email="no-reply@ocop.example.vn",
        to=["khach@example.vn"],
        reply_to=["hotro@ocop.example.vn"],
        headers={"X-Order": "100023"},
    )
    message.attach_alternative("<p>Cảm ơn quý khách.</p>", "text/html")
    message.attach("hoa-don.pdf", b"%PDF-1.4 invoice", "application/pdf")

    # when it is sent through the queue
    assert message.send() == 1

    # then the delivered copy is the same message
    [delivered] = mail.outbox
    assert delivered.subject == "Đơn hàng 100023 đã được đặt"
    assert delivered.to == ["khach@example.vn"] and delivered.reply_to == ["hotro@ocop.example.vn"]
    assert delivered.extra_headers["X-Order"] == "100023"
    assert delivered.alternatives[0][0] == "<p>Cảm ơn quý khách.</p>"
    assert delivered.attachments[0][:2] == ("hoa-don.pdf", b"%PDF-1.4 invoice")
