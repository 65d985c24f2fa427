package com.acme.billing;

/** Prices one line: a Ruchy closure can be one. */
@FunctionalInterface
public interface Pricing {
    long price(long cents);

    default Pricing twice() {
        return cents -> 2 * price(cents);
    }
}
