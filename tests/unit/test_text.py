"""catalog/text.py: the one sanitiser for text users write (pure, no database)."""

from catalog.text import rich_text_clean, rich_text_html

PAYLOAD = (
    "<script>alert('xss')</script><img src=x onerror=\"alert('xss')\">"
    "<a href=\"javascript:alert('xss')\">link</a>"
)


def test_the_sanitiser_keeps_only_the_small_formatting_subset():
    assert rich_text_clean("<p onclick=x>Vải <em>thiều</em></p><iframe src=//e></iframe>") == (
        "<p>Vải <em>thiều</em></p>"
    )
    assert rich_text_clean("a < b & <b>c</b>") == "a &lt; b &amp; <b>c</b>"
    assert rich_text_clean(rich_text_clean(PAYLOAD)) == rich_text_clean(PAYLOAD)
    assert rich_text_html("dòng 1\ndòng 2\n\nđoạn 2") == "<p>dòng 1<br>dòng 2</p>\n\n<p>đoạn 2</p>"


def test_script_event_handlers_and_javascript_links_are_removed():
    # given / when
    cleaned = rich_text_clean("Vải " + PAYLOAD)
    # then only the text is left
    assert cleaned == "Vải link"
