"""``manage.py`` commands of the catalogue: ``load_demo_data``."""
