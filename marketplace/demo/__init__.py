"""The one demo loader for the whole site: catalogue, producers, website, search, orders.

It is the only module that knows every app; nothing outside the tests imports it except its
management command ``load_demo_data``.
"""
