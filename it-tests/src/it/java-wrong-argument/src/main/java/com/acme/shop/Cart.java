package com.acme.shop;

/** A shopping cart the Ruchy code uses. */
public class Cart {
    private long total;

    public Cart(String owner) {
    }

    public Cart add(String item, long cents) {
        total += cents;
        return this;
    }

    public long total() {
        return total;
    }
}
