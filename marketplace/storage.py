"""Static files storage for production: WhiteNoise's compressed, hashed storage, except that
source-map comments are left alone.

Vendored minified files (Chart.js, Leaflet) end with ``//# sourceMappingURL=…`` naming a map
that is not shipped; Django's manifest storage would then refuse the whole ``collectstatic``.
A missing map only matters to someone debugging in the browser, never to a visitor.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    kept = []
    for extension, rules in patterns:
        rules = tuple(
            rule
            for rule in rules
            if "sourceMappingURL" not in (rule[0] if isinstance(rule, tuple) else rule)
        )
        kept.append((extension, rules))
    return tuple(kept)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed names, .gz/.br copies, and no failure on a source map that is not shipped."""

    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
