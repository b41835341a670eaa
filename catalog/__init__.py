"""Fork of Oscar's ``catalogue`` app (label kept): products, OCOP certificates and geography."""
