"""Fork of Oscar's catalogue dashboard: the product and category forms carry the English fields."""
