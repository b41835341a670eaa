"""Producers (chủ thể OCOP): a fork of Oscar's ``partner`` app (label kept).

Each producer is one-to-one with an Oscar partner, which owns the stock records; the fork also
holds the pricing/availability strategy that applies the OCOP storefront gate to every purchase.
"""
