package io.retro.api.productupdate;

/** Asks for one product update; answered with an optional {@link ProductUpdateView}. */
public record FindProductUpdateQuery(String updateId) {}
