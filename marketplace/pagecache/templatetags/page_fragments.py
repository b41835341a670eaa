"""``{% shared_fragment "name" var1 var2 %}…{% endshared_fragment %}``: a block rendered once
for every visitor (see :mod:`marketplace.pagecache.fragments` for the rules)."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from marketplace.pagecache import fragments

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, name: str, vary: list, nodelist: template.NodeList):
        self.name, self.vary, self.nodelist = name, vary, nodelist

    def render(self, context) -> str:
        request = context.get("request")
        if request is None or not fragments.enabled():
            return self.nodelist.render(context)
        key = fragments.fragment_key(
            request=request,
            language=get_language() or "",
            name=self.name,
            vary=tuple(str(v.resolve(context)) for v in self.vary),
        )
        html = fragments.get(key)
        if html is None:
            # A placeholder for the token: a form in this block must not carry this visitor's.
            with context.push(csrf_token=fragments.CSRF_PLACEHOLDER):
                html = fragments.for_storing(request, self.nodelist.render(context))
            fragments.put(key, html)
        return fragments.for_serving(request, html)


@register.tag
def shared_fragment(parser, token):
    """Cache the enclosed block for every visitor, keyed by a literal name and the values of the
    given variables (plus generation, day, language and host)."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a quoted name, then the variables it varies by"
        )
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]], nodelist)
