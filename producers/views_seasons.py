"""The public harvest calendar (*Lịch mùa vụ*): months across, seasonal products down, each row
linking to the product and saying whether it sells now, takes pre-orders or waits; and one
iCalendar feed per product, so a buyer can subscribe to "the lychee season opens"."""

from __future__ import annotations

from datetime import timedelta

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog import seasons
from catalog import selectors as catalog_selectors
from catalog.models import District
from producers import selectors

Category = get_model("catalogue", "Category")


def calendar(request):
    """The calendar for this year, filtered by ``nhom`` (a product group's slug) and ``huyen``
    (a district's slug); an unknown filter value shows no rows, never an error."""
    today = timezone.localdate()
    group = (request.GET.get("nhom") or "").strip()[:100]
    district = (request.GET.get("huyen") or "").strip()[:100]
    rows = selectors.season_calendar(
        year=today.year, group_slug=group, district_slug=district, today=today
    )
    return render(
        request,
        "producers/season_calendar.html",
        {
            "rows": rows,
            "year": today.year,
            "today": today,
            "months": range(1, 13),
            "groups": Category.get_root_nodes(),
            "districts": District.objects.all(),
            "group": group,
            "district": district,
        },
    )


def _ics_text(value: str) -> str:
    """RFC 5545 TEXT escaping."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode())
            current = b""
        current += encoded
    out.append(current.decode())
    return "\r\n ".join(out)


def product_ics(request, product_id: int):
    """The product's next seasons (this year's and the next two) as all-day events, each with
    a reminder a week before it opens. 404 for a product not listed or not seasonal."""
    today = timezone.localdate()
    product = catalog_selectors.product_listed_queryset(today=today).filter(pk=product_id).first()
    windows = selectors.product_windows(product) if product is not None else []
    if not windows:
        raise Http404(_("Không tìm thấy."))
    url = request.build_absolute_uri(product.get_absolute_url())
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//OCOP Bac Giang//Lich mua vu//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + _ics_text(_("Mùa vụ: %(title)s") % {"title": product.title}),
    ]
    for season in seasons.seasons_around(windows, today=today, years=2):
        if season.end < today:
            continue
        title = _("Bắt đầu mùa vụ %(title)s") % {"title": product.title}
        lines += [
            "BEGIN:VEVENT",
            f"UID:season-{product.pk}-{season.start:%Y%m%d}@ocop-bacgiang",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{season.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{season.end + timedelta(days=1):%Y%m%d}",
            "SUMMARY:" + _ics_text(title),
            "DESCRIPTION:"
            + _ics_text(
                _("Mùa vụ %(start)s – %(end)s. %(url)s")
                % {"start": f"{season.start:%d/%m/%Y}", "end": f"{season.end:%d/%m/%Y}", "url": url}
            ),
            "URL:" + url,
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:-P7D",
            "DESCRIPTION:" + _ics_text(title),
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    body = "\r\n".join(_ics_fold(line) for line in lines) + "\r\n"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="mua-vu-{product.pk}.ics"'
    return response
