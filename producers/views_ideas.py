"""Producer-facing pages for OCOP steps 2–3: submit a product idea, follow its review, submit
the business plan, and talk with the commune staff and the programme office. A producer sees
only its own ideas (another producer's idea is a 404). Commune staff forward ideas and the
programme office reviews them in the Django admin (``ProductIdeaAdmin``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from catalog import ocop
from catalog.models import ProductIdea
from catalog.programme import services
from producers.selectors import producer_for_user

Commune = get_model("catalogue", "Commune")
Category = get_model("catalogue", "Category")


class _Styled:
    """Bootstrap's ``form-control`` on every widget, so fields fit a phone's width."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")


class IdeaForm(_Styled, forms.ModelForm):
    """What, where, which group, why it is distinctive."""

    class Meta:
        model = ProductIdea
        fields = ("title", "commune", "group", "distinctive")
        widgets = {"distinctive": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new idea names a unit in force today; an idea already filed keeps the one it named.
        in_force = Q(valid_until__isnull=True) | Q(valid_until__gte=timezone.localdate())
        if self.instance.commune_id:
            in_force |= Q(pk=self.instance.commune_id)
        self.fields["commune"].queryset = Commune.objects.filter(in_force).select_related(
            "district"
        )
        self.fields["group"].queryset = Category.objects.filter(depth=1)


class PlanForm(_Styled, forms.Form):
    """The business plan of a shortlisted idea."""

    summary = forms.CharField(
        label=gettext_lazy("Tóm tắt phương án"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    market = forms.CharField(
        label=gettext_lazy("Thị trường, kênh bán"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    investment = forms.IntegerField(
        label=gettext_lazy("Vốn đầu tư dự kiến (đồng)"),
        required=False,
        min_value=0,
        max_value=10**13,
    )


class CommentForm(_Styled, forms.Form):
    """A remark in the idea's trail."""

    body = forms.CharField(
        label=gettext_lazy("Lời nhắn"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


def _no_producer(request):
    return render(request, "catalog/records/ideas_no_producer.html", status=403)


@login_required
def idea_list(request):
    """The signed-in producer's ideas with their status."""
    producer = producer_for_user(request.user)
    if producer is None:
        return _no_producer(request)
    ideas = producer.ideas.select_related("group", "commune__district")
    return render(request, "catalog/records/ideas.html", {"producer": producer, "ideas": ideas})


@login_required
def idea_new(request):
    """Submit a product idea (OCOP step 2)."""
    producer = producer_for_user(request.user)
    if producer is None:
        return _no_producer(request)
    form = IdeaForm(request.POST or None, initial={"commune": producer.commune_id})
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_submit(producer=producer, by=request.user, **form.cleaned_data)
        except ocop.OcopRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Đã gửi ý tưởng. Cán bộ xã sẽ tiếp nhận và chuyển "
                    "lên Văn phòng điều phối OCOP xem xét."
                ),
            )
            return redirect("ideas:detail", pk=idea.pk)
    return render(request, "catalog/records/idea_form.html", {"form": form})


@login_required
def idea_detail(request, pk: int):
    """One idea: its status, its plan (a form once shortlisted or returned) and its trail."""
    producer = producer_for_user(request.user)
    if producer is None:
        return _no_producer(request)
    idea = producer.ideas.select_related("group", "commune__district").filter(pk=pk).first()
    if idea is None:
        raise Http404(_("Không có ý tưởng này."))
    can_plan = idea.status in (ProductIdea.Status.SHORTLISTED, ProductIdea.Status.PLAN_RETURNED)
    plan_form = PlanForm(
        initial={
            "summary": idea.plan_summary,
            "market": idea.plan_market,
            "investment": idea.plan_investment,
        }
    )
    comment_form = CommentForm()
    if request.method == "POST":
        try:
            if "plan" in request.POST:
                plan_form = PlanForm(request.POST)
                if can_plan and plan_form.is_valid():
                    services.idea_plan_submit(
                        idea=idea,
                        by=request.user,
                        **{
                            "summary": plan_form.cleaned_data["summary"],
                            "market": plan_form.cleaned_data["market"],
                            "investment": plan_form.cleaned_data["investment"],
                        },
                    )
                    messages.success(request, _("Đã gửi phương án kinh doanh."))
                    return redirect("ideas:detail", pk=idea.pk)
                if not can_plan:
                    plan_form.add_error(
                        None, _("Ý tưởng chưa được chọn nên chưa gửi được phương án.")
                    )
            else:
                comment_form = CommentForm(request.POST)
                if comment_form.is_valid():
                    services.idea_comment_add(
                        idea=idea, author=request.user, body=comment_form.cleaned_data["body"]
                    )
                    return redirect("ideas:detail", pk=idea.pk)
        except ocop.OcopRuleError as error:
            plan_form.add_error(None, str(error))
    return render(
        request,
        "catalog/records/idea_detail.html",
        {
            "idea": idea,
            "comments": idea.comments.select_related("author"),
            "plan_form": plan_form,
            "comment_form": comment_form,
            "can_plan": can_plan,
        },
    )
